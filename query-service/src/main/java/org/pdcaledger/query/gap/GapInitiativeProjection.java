package org.pdcaledger.query.gap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.pdcaledger.kernel.gap.BoardColumn;
import org.pdcaledger.kernel.gap.GapInitiative;
import org.pdcaledger.kernel.initiative.CycleAdjustedEvent;
import org.pdcaledger.kernel.initiative.CycleCheckedEvent;
import org.pdcaledger.kernel.initiative.ExecutionStartedEvent;
import org.pdcaledger.kernel.initiative.GapReference;
import org.pdcaledger.kernel.initiative.InitiativeAbandonedEvent;
import org.pdcaledger.kernel.initiative.InitiativeLaunchedEvent;
import org.pdcaledger.kernel.initiative.InitiativeStandardisedEvent;
import org.pdcaledger.kernel.initiative.MeasurementRecordedEvent;
import org.pdcaledger.kernel.initiative.PlanRecordedEvent;
import org.pdcaledger.query.config.EventPositions;
import org.pdcaledger.query.config.ViewStore;
import org.pdcaledger.query.framework.FrameworkProjection;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/**
 * Puts initiatives on the gap board and moves their cards across the management-chain columns as their cycles
 * advance: launched on gaps or plan recorded → {@link BoardColumn#PLANNING}, execution started →
 * {@link BoardColumn#EXECUTION}, a measurement in the cycle → {@link BoardColumn#EVALUATION} (it can now be
 * checked), cycle checked → {@link BoardColumn#CONTINUOUS_IMPROVEMENT}, adjusted → {@link BoardColumn#PLANNING} of the
 * next cycle. A standardised initiative stays in {@link BoardColumn#CONTINUOUS_IMPROVEMENT} marked completed: the
 * team has done its part and the gap waits for the next assessment to close it. An abandoned one leaves the board,
 * so the gap shows again that nobody is working on it.
 * <p>
 * In the {@value FrameworkProjection#GROUP} processing group with {@link GapProjection}, so the gap documents and
 * their initiative slots are written by one processor in event order. The initiative events after the launch do not
 * name the unit, so a small lookup ({@code gap-board-initiatives}: unit, linked frameworks and current column of
 * every initiative launched on gaps) is kept in the same group; it makes every later event a handful of key look-ups.
 * The gap documents are written before the lookup, and each skips positions it has seen, so replaying any event is
 * harmless and a rebuild writes identical documents.
 */
@Component
@ProcessingGroup(FrameworkProjection.GROUP)
class GapInitiativeProjection {

    /** An initiative that sits on gaps: where, and in which column its card is. */
    record BoardInitiative(String initiativeId, String unitId, List<String> frameworkCodes, BoardColumn stage,
            boolean completed) {
    }

    private final GapProjection gaps;
    private final ViewStore<BoardInitiative> initiatives;

    GapInitiativeProjection(GapProjection gaps, MongoDatabase readStore, ObjectMapper objectMapper) {
        this.gaps = gaps;
        this.initiatives = new ViewStore<>(readStore, "gap-board-initiatives", BoardInitiative.class, objectMapper);
    }

    @EventHandler
    void on(InitiativeLaunchedEvent event, TrackingToken token) {
        if (event.gaps() == null || event.gaps().isEmpty()) {
            return;
        }
        long position = EventPositions.of(token);
        Map<String, List<String>> indicatorsByFramework = new LinkedHashMap<>();
        for (GapReference gap : event.gaps()) {
            indicatorsByFramework.computeIfAbsent(gap.frameworkCode(), code -> new ArrayList<>())
                    .add(gap.indicatorCode());
        }
        GapInitiative card = new GapInitiative(event.initiativeId(), event.title(), BoardColumn.PLANNING);
        indicatorsByFramework.forEach((framework, indicators) ->
                gaps.placeInitiative(event.unitId(), framework, indicators, card, position));
        initiatives.apply(event.initiativeId(), position, existing -> new BoardInitiative(event.initiativeId(),
                event.unitId(), List.copyOf(indicatorsByFramework.keySet()), BoardColumn.PLANNING, false));
    }

    @EventHandler
    void on(PlanRecordedEvent event, TrackingToken token) {
        move(event.initiativeId(), BoardColumn.PLANNING, false, token);
    }

    @EventHandler
    void on(ExecutionStartedEvent event, TrackingToken token) {
        move(event.initiativeId(), BoardColumn.EXECUTION, false, token);
    }

    @EventHandler
    void on(MeasurementRecordedEvent event, TrackingToken token) {
        move(event.initiativeId(), BoardColumn.EVALUATION, false, token);
    }

    @EventHandler
    void on(CycleCheckedEvent event, TrackingToken token) {
        move(event.initiativeId(), BoardColumn.CONTINUOUS_IMPROVEMENT, false, token);
    }

    @EventHandler
    void on(CycleAdjustedEvent event, TrackingToken token) {
        move(event.initiativeId(), BoardColumn.PLANNING, false, token);
    }

    @EventHandler
    void on(InitiativeStandardisedEvent event, TrackingToken token) {
        move(event.initiativeId(), BoardColumn.CONTINUOUS_IMPROVEMENT, true, token);
    }

    @EventHandler
    void on(InitiativeAbandonedEvent event, TrackingToken token) {
        initiatives.find(event.initiativeId()).ifPresent(initiative -> {
            long position = EventPositions.of(token);
            gaps.removeInitiative(initiative.unitId(), initiative.frameworkCodes(), initiative.initiativeId(),
                    position);
            initiatives.collection().deleteOne(Filters.eq("_id", initiative.initiativeId()));
        });
    }

    /** Only a change of column touches the gap documents (most measurements of a cycle change nothing). */
    private void move(String initiativeId, BoardColumn stage, boolean completed, TrackingToken token) {
        initiatives.find(initiativeId)
                .filter(initiative -> initiative.stage() != stage || initiative.completed() != completed)
                .ifPresent(initiative -> {
                    long position = EventPositions.of(token);
                    gaps.moveInitiative(initiative.unitId(), initiative.frameworkCodes(), initiativeId, stage,
                            completed, position);
                    initiatives.apply(initiativeId, position, current -> new BoardInitiative(initiativeId,
                            current.unitId(), current.frameworkCodes(), stage, completed));
                });
    }

    @ResetHandler
    void reset() {
        initiatives.deleteAll();
    }
}
