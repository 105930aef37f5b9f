package org.pdcaledger.query.gap;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.pdcaledger.kernel.assessment.AssessmentFinalisedEvent;
import org.pdcaledger.kernel.assessment.AssessmentReopenedEvent;
import org.pdcaledger.kernel.assessment.AssessmentStatus;
import org.pdcaledger.kernel.assessment.IndicatorRating;
import org.pdcaledger.kernel.framework.FrameworkDefinition;
import org.pdcaledger.kernel.framework.FrameworkDimension;
import org.pdcaledger.kernel.gap.BoardColumn;
import org.pdcaledger.kernel.gap.GapInitiative;
import org.pdcaledger.query.assessment.AssessmentTrail;
import org.pdcaledger.query.assessment.FinalisedAssessment;
import org.pdcaledger.query.config.EventPositions;
import org.pdcaledger.query.config.ViewStore;
import org.pdcaledger.query.framework.FrameworkProjection;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/**
 * Derives the gaps of every unit and framework from its finalised assessments. An indicator whose target level is
 * above its current level in the current finalised assessment is an open gap. Walking the unit's finalised
 * assessments in order, a gap opens when an assessment first rates the indicator below target and keeps its id
 * through later assessments that still do; it closes when one rates it at or above target (a later shortfall opens a
 * new gap). Because the gaps are recomputed from the trail, reopening a finalised assessment (it leaves the trail)
 * or finalising a back-dated one gives the same gaps as if things had happened in order.
 * <p>
 * Initiatives: {@link GapInitiativeProjection} (same processing group, so gap documents and their initiative slots
 * are written by one processor in event order) calls {@link #placeInitiative} when an initiative is launched on gaps,
 * {@link #moveInitiative} when it changes management-chain stage and {@link #removeInitiative} when it is
 * abandoned. The board shows it on the open gap of each linked indicator, in the column of its stage; a gap without
 * initiatives is in {@link BoardColumn#NO_INITIATIVE_YET}.
 */
@Component
@ProcessingGroup(FrameworkProjection.GROUP)
public class GapProjection {

    private final ViewStore<GapState> states;
    private final FrameworkProjection frameworks;

    GapProjection(MongoDatabase readStore, ObjectMapper objectMapper, FrameworkProjection frameworks) {
        this.states = new ViewStore<>(readStore, "gaps", GapState.class, objectMapper);
        this.frameworks = frameworks;
    }

    static String key(String unitId, String frameworkCode) {
        return AssessmentTrail.key(unitId, frameworkCode);
    }

    @EventHandler
    void on(AssessmentFinalisedEvent event, TrackingToken token) {
        long position = EventPositions.of(token);
        FinalisedAssessment finalised = new FinalisedAssessment(event.assessmentId(), event.period(),
                event.frameworkVersion(), position, event.ratings());
        states.apply(key(event.unitId(), event.frameworkCode()), position, state -> {
            GapState current = state == null ? GapState.empty(event.unitId(), event.frameworkCode()) : state;
            return derive(current, current.trail().with(finalised));
        });
    }

    @EventHandler
    void on(AssessmentReopenedEvent event, TrackingToken token) {
        if (event.previousStatus() != AssessmentStatus.FINALISED) {
            return;
        }
        long position = EventPositions.of(token);
        for (GapState state : states.findAll(Filters.eq("unitId", event.unitId()))) {
            boolean inTrail = state.trail().finalised().stream()
                    .anyMatch(a -> a.assessmentId().equals(event.assessmentId()));
            if (inTrail) {
                states.apply(key(state.unitId(), state.frameworkCode()), position,
                        current -> derive(current, current.trail().without(event.assessmentId())));
            }
        }
    }

    /**
     * Puts an initiative on the gaps of {@code indicatorCodes} of a unit's framework. For the initiative events:
     * call once per (unit, framework) and event, with every linked indicator of that framework.
     */
    public void placeInitiative(String unitId, String frameworkCode, List<String> indicatorCodes,
            GapInitiative initiative, long position) {
        states.apply(key(unitId, frameworkCode), position, state -> {
            GapState current = state == null ? GapState.empty(unitId, frameworkCode) : state;
            List<LinkedInitiative> links = new ArrayList<>(current.initiatives());
            links.removeIf(link -> link.initiative().initiativeId().equals(initiative.initiativeId())
                    && indicatorCodes.contains(link.indicatorCode()));
            indicatorCodes.forEach(indicator -> links.add(new LinkedInitiative(indicator, initiative)));
            return new GapState(current.unitId(), current.frameworkCode(), current.trail(), current.open(),
                    current.closed(), links);
        });
    }

    /**
     * Moves an initiative to another management-chain stage on every gap it sits on in the unit's documents of
     * {@code frameworkCodes}; {@code completed} marks a standardised initiative, which stays in its last column.
     */
    public void moveInitiative(String unitId, Collection<String> frameworkCodes, String initiativeId,
            BoardColumn stage, boolean completed, long position) {
        relink(unitId, frameworkCodes, initiativeId, position, link -> new LinkedInitiative(link.indicatorCode(),
                new GapInitiative(initiativeId, link.initiative().title(), stage, completed)));
    }

    /** Takes an initiative off every gap it sits on in the unit's documents of {@code frameworkCodes}. */
    public void removeInitiative(String unitId, Collection<String> frameworkCodes, String initiativeId,
            long position) {
        relink(unitId, frameworkCodes, initiativeId, position, link -> null);
    }

    private void relink(String unitId, Collection<String> frameworkCodes, String initiativeId, long position,
            java.util.function.UnaryOperator<LinkedInitiative> change) {
        for (String frameworkCode : frameworkCodes) {
            states.apply(key(unitId, frameworkCode), position, current -> {
                if (current == null || current.initiatives().stream()
                        .noneMatch(l -> l.initiative().initiativeId().equals(initiativeId))) {
                    return null;
                }
                List<LinkedInitiative> links = new ArrayList<>();
                for (LinkedInitiative link : current.initiatives()) {
                    LinkedInitiative changed = link.initiative().initiativeId().equals(initiativeId)
                            ? change.apply(link) : link;
                    if (changed != null) {
                        links.add(changed);
                    }
                }
                return new GapState(current.unitId(), current.frameworkCode(), current.trail(), current.open(),
                        current.closed(), links);
            });
        }
    }

    private GapState derive(GapState state, AssessmentTrail trail) {
        Map<String, OpenGap> open = new LinkedHashMap<>();
        List<ClosedGap> closed = new ArrayList<>();
        for (FinalisedAssessment assessment : trail.finalised()) {
            Optional<FrameworkDefinition> definition = frameworks.definition(state.frameworkCode(),
                    assessment.frameworkVersion());
            Set<String> rated = new HashSet<>();
            for (IndicatorRating rating : assessment.ratings()) {
                String indicator = rating.indicatorCode();
                rated.add(indicator);
                OpenGap existing = open.get(indicator);
                if (rating.targetLevel() > rating.currentLevel()) {
                    String gapId = existing != null ? existing.gapId()
                            : gapId(state.unitId(), state.frameworkCode(), indicator, assessment.assessmentId());
                    open.put(indicator, gap(gapId, rating, definition, assessment,
                            existing != null ? existing.openedByAssessmentId() : assessment.assessmentId(),
                            existing != null ? existing.openedInPeriod() : assessment.period()));
                } else if (existing != null) {
                    open.remove(indicator);
                    closed.add(new ClosedGap(existing.gapId(), indicator, existing.openedByAssessmentId(),
                            assessment.assessmentId()));
                }
            }
            for (String indicator : List.copyOf(open.keySet())) {
                if (!rated.contains(indicator)) {
                    OpenGap dropped = open.remove(indicator);
                    closed.add(new ClosedGap(dropped.gapId(), indicator, dropped.openedByAssessmentId(),
                            assessment.assessmentId()));
                }
            }
        }
        List<String> order = trail.current().map(a -> a.ratings().stream().map(IndicatorRating::indicatorCode)
                .toList()).orElse(List.of());
        List<OpenGap> openGaps = open.values().stream()
                .sorted(Comparator.comparingInt(g -> order.indexOf(g.indicatorCode())))
                .toList();
        return new GapState(state.unitId(), state.frameworkCode(), trail, openGaps, closed, state.initiatives());
    }

    private static OpenGap gap(String gapId, IndicatorRating rating, Optional<FrameworkDefinition> definition,
            FinalisedAssessment assessment, String openedBy, org.pdcaledger.kernel.assessment.AssessmentPeriod
            openedIn) {
        String indicator = rating.indicatorCode();
        Optional<FrameworkDimension> dimension = definition.flatMap(d -> d.dimensionOf(indicator));
        return new OpenGap(gapId, indicator,
                definition.flatMap(d -> d.indicator(indicator)).map(i -> i.name()).orElse(null),
                dimension.map(FrameworkDimension::code).orElse(null),
                dimension.map(FrameworkDimension::name).orElse(null),
                assessment.frameworkVersion(), rating.currentLevel(), rating.targetLevel(), openedBy, openedIn,
                assessment.assessmentId(), assessment.period());
    }

    /** Stable across replays and instances: the same unit, framework, indicator and opening assessment. */
    static String gapId(String unitId, String frameworkCode, String indicatorCode, String openedByAssessmentId) {
        String identity = unitId + "|" + frameworkCode + "|" + indicatorCode + "|" + openedByAssessmentId;
        return "gap-" + UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8));
    }

    Optional<GapState> state(String unitId, String frameworkCode) {
        return states.find(key(unitId, frameworkCode));
    }

    ViewStore<GapState> states() {
        return states;
    }

    @ResetHandler
    void reset() {
        states.deleteAll();
    }
}
