package org.pdcaledger.query.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.pdcaledger.kernel.common.MetadataKeys;
import org.pdcaledger.kernel.feedback.FeedbackIndicator;
import org.pdcaledger.kernel.feedback.FeedbackItem;
import org.pdcaledger.kernel.feedback.FeedbackLinkedEvent;
import org.pdcaledger.kernel.feedback.FeedbackRecordedEvent;
import org.pdcaledger.kernel.feedback.FeedbackUnlinkedEvent;
import org.pdcaledger.kernel.initiative.CycleAdjustedEvent;
import org.pdcaledger.kernel.initiative.InitiativeLaunchedEvent;
import org.pdcaledger.kernel.initiative.InitiativeStandardisedEvent;
import org.pdcaledger.query.config.EventPositions;
import org.pdcaledger.query.config.ViewStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;

/**
 * Projects citizen feedback into four collections, each read by key only:
 * <ul>
 * <li>{@code feedback_items}: one item's page ({@link FeedbackItem});</li>
 * <li>{@code feedback_unit_months}: per unit and month, the counts in total, per framework and per indicator
 * ({@link UnitMonthFeedback}); a summary or gap ranking is units × months look-ups, added up at query time over
 * the units the reader may see;</li>
 * <li>{@code feedback_indicator_months}: per unit, indicator and month, the items themselves
 * ({@link IndicatorMonthItems}), for complaint counts in windows of days around an Act decision;</li>
 * <li>{@code feedback_initiatives}: per initiative, its unit, indicators, Act decision days and triggers
 * ({@link InitiativeFeedbackState}), kept here from the initiative events so the group never waits for another.</li>
 * </ul>
 * Months and Act days are calendar days where the units work ({@code pdca.time-zone}, default Asia/Shanghai). Every
 * document keeps the global position it last applied, so a replay leaves it unchanged.
 */
@Component
@ProcessingGroup(FeedbackProjection.PROCESSING_GROUP)
class FeedbackProjection {

    static final String PROCESSING_GROUP = "feedback";

    private final ViewStore<FeedbackItem> items;
    private final ViewStore<UnitMonthFeedback> unitMonths;
    private final ViewStore<IndicatorMonthItems> indicatorMonths;
    private final ViewStore<InitiativeFeedbackState> initiatives;
    private final ZoneId zone;

    FeedbackProjection(MongoDatabase readStore, ObjectMapper objectMapper,
            @Value("${pdca.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.items = new ViewStore<>(readStore, "feedback_items", FeedbackItem.class, objectMapper);
        this.unitMonths = new ViewStore<>(readStore, "feedback_unit_months", UnitMonthFeedback.class, objectMapper);
        this.indicatorMonths = new ViewStore<>(readStore, "feedback_indicator_months", IndicatorMonthItems.class,
                objectMapper);
        this.initiatives = new ViewStore<>(readStore, "feedback_initiatives", InitiativeFeedbackState.class,
                objectMapper);
        this.zone = zone;
    }

    ViewStore<FeedbackItem> items() {
        return items;
    }

    ViewStore<UnitMonthFeedback> unitMonths() {
        return unitMonths;
    }

    ViewStore<IndicatorMonthItems> indicatorMonths() {
        return indicatorMonths;
    }

    ViewStore<InitiativeFeedbackState> initiatives() {
        return initiatives;
    }

    @EventHandler
    void on(FeedbackRecordedEvent event, @Timestamp Instant at, MetaData metaData, TrackingToken token) {
        long position = EventPositions.of(token);
        Object actorName = metaData.get(MetadataKeys.ACTOR_NAME);
        items.apply(event.feedbackId(), position, current -> current != null ? null : new FeedbackItem(
                event.feedbackId(), event.unitId(), event.channel(), event.externalId(), event.receivedOn(),
                event.kind(), event.category(), event.text(), event.satisfaction(), event.indicators(),
                event.importId(), at, actorName == null ? null : actorName.toString(), List.of()));
        String month = YearMonth.from(event.receivedOn()).toString();
        unitMonths.apply(UnitMonthFeedback.key(event.unitId(), month), position, current ->
                (current == null ? UnitMonthFeedback.empty(event.unitId(), month) : current).with(event));
        IndicatorMonthItems.Mark mark = new IndicatorMonthItems.Mark(event.feedbackId(), event.receivedOn(),
                event.kind());
        for (FeedbackIndicator indicator : event.indicators()) {
            indicatorMonths.apply(IndicatorMonthItems.key(event.unitId(), indicator.frameworkCode(),
                    indicator.indicatorCode(), month), position, current -> (current != null ? current
                    : new IndicatorMonthItems(event.unitId(), indicator.frameworkCode(), indicator.indicatorCode(),
                            month, List.of())).with(mark));
        }
    }

    @EventHandler
    void on(FeedbackLinkedEvent event, TrackingToken token) {
        long position = EventPositions.of(token);
        items.apply(event.feedbackId(), position, current -> current == null ? null
                : withInitiatives(current, add(current.initiativeIds(), event.initiativeId())));
        initiatives.apply(event.initiativeId(), position, current -> current == null ? null
                : current.withTriggers(add(current.triggers(), event.feedbackId())));
    }

    @EventHandler
    void on(FeedbackUnlinkedEvent event, TrackingToken token) {
        long position = EventPositions.of(token);
        items.apply(event.feedbackId(), position, current -> current == null ? null
                : withInitiatives(current, remove(current.initiativeIds(), event.initiativeId())));
        initiatives.apply(event.initiativeId(), position, current -> current == null ? null
                : current.withTriggers(remove(current.triggers(), event.feedbackId())));
    }

    @EventHandler
    void on(InitiativeLaunchedEvent event, TrackingToken token) {
        List<FeedbackIndicator> indicators = event.gaps() == null ? List.of() : event.gaps().stream()
                .map(gap -> new FeedbackIndicator(gap.frameworkCode(), gap.indicatorCode())).toList();
        initiatives.apply(event.initiativeId(), EventPositions.of(token), current -> current != null ? null
                : new InitiativeFeedbackState(event.initiativeId(), event.unitId(), indicators, List.of(),
                        List.of()));
    }

    @EventHandler
    void on(InitiativeStandardisedEvent event, @Timestamp Instant at, TrackingToken token) {
        act(event.initiativeId(), new InitiativeFeedbackState.Act(event.cycle(), "STANDARDISE", day(at)), token);
    }

    @EventHandler
    void on(CycleAdjustedEvent event, @Timestamp Instant at, TrackingToken token) {
        act(event.initiativeId(), new InitiativeFeedbackState.Act(event.cycle(), "ADJUST", day(at)), token);
    }

    private void act(String initiativeId, InitiativeFeedbackState.Act act, TrackingToken token) {
        initiatives.apply(initiativeId, EventPositions.of(token),
                current -> current == null ? null : current.withAct(act));
    }

    private LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }

    private static FeedbackItem withInitiatives(FeedbackItem item, List<String> initiativeIds) {
        return new FeedbackItem(item.feedbackId(), item.unitId(), item.channel(), item.externalId(),
                item.receivedOn(), item.kind(), item.category(), item.text(), item.satisfaction(), item.indicators(),
                item.importId(), item.recordedAt(), item.recordedBy(), initiativeIds);
    }

    private static List<String> add(List<String> list, String value) {
        List<String> result = new ArrayList<>(list);
        if (!result.contains(value)) {
            result.add(value);
        }
        return result;
    }

    private static List<String> remove(List<String> list, String value) {
        List<String> result = new ArrayList<>(list);
        result.remove(value);
        return result;
    }

    @ResetHandler
    void reset() {
        items.deleteAll();
        unitMonths.deleteAll();
        indicatorMonths.deleteAll();
        initiatives.deleteAll();
    }
}
