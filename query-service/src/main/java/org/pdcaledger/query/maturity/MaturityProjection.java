package org.pdcaledger.query.maturity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.pdcaledger.kernel.assessment.AssessmentFinalisedEvent;
import org.pdcaledger.kernel.assessment.AssessmentReopenedEvent;
import org.pdcaledger.kernel.assessment.AssessmentStatus;
import org.pdcaledger.kernel.initiative.ActionAddedEvent;
import org.pdcaledger.kernel.initiative.ActionCompletedEvent;
import org.pdcaledger.kernel.initiative.ActionDroppedEvent;
import org.pdcaledger.kernel.initiative.ActionReplannedEvent;
import org.pdcaledger.kernel.initiative.CycleAdjustedEvent;
import org.pdcaledger.kernel.initiative.CycleCheckedEvent;
import org.pdcaledger.kernel.initiative.ExecutionStartedEvent;
import org.pdcaledger.kernel.initiative.InitiativeAbandonedEvent;
import org.pdcaledger.kernel.initiative.InitiativeEvent;
import org.pdcaledger.kernel.initiative.InitiativeLaunchedEvent;
import org.pdcaledger.kernel.initiative.InitiativeStandardisedEvent;
import org.pdcaledger.kernel.initiative.MeasurementRecordedEvent;
import org.pdcaledger.kernel.initiative.ObservationRecordedEvent;
import org.pdcaledger.kernel.initiative.PlanRecordedEvent;
import org.pdcaledger.kernel.unit.UnitMovedEvent;
import org.pdcaledger.kernel.unit.UnitRegisteredEvent;
import org.pdcaledger.kernel.unit.UnitRenamedEvent;
import org.pdcaledger.kernel.unit.UnitRetiredEvent;
import org.pdcaledger.query.config.EventPositions;
import org.pdcaledger.query.config.ViewStore;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/**
 * Keeps the history the maturity views fold when they are read, in documents keyed for look-ups:
 * <ul>
 * <li>{@code maturity-units}: the unit tree with children lists ({@link UnitNode}), so a subtree is read level by
 *     level with {@code _id $in} look-ups;</li>
 * <li>{@code maturity-assessments}: per unit and framework, the append-only ledger of finalisations and reopenings
 *     ({@link AssessmentLedger});</li>
 * <li>{@code maturity-initiatives}: per unit, the append-only ledger of its initiatives' events
 *     ({@link InitiativeLedger});</li>
 * <li>{@code maturity-assessment-homes}, {@code maturity-initiative-homes}: where the events that name only an
 *     assessment or an initiative belong.</li>
 * </ul>
 * Nothing here depends on the clock or on another processing group: every document is a function of the events
 * (their payloads, timestamps and positions), so a rebuild writes byte-identical documents. Both time axes are kept
 * on every entry (the business date and the recorded time), which is what lets {@code asOf=} and {@code knownAt=}
 * be answered without replaying the event store.
 */
@Component
@ProcessingGroup(MaturityProjection.GROUP)
public class MaturityProjection {

    /** A group of its own: the views only read their own documents and the framework versions at query time. */
    public static final String GROUP = "maturity-views";
    private static final int CHUNK = 500;

    private final ViewStore<UnitNode> units;
    private final ViewStore<AssessmentLedger> assessments;
    private final ViewStore<AssessmentHome> assessmentHomes;
    private final ViewStore<InitiativeLedger> initiatives;
    private final ViewStore<InitiativeHome> initiativeHomes;
    private final ZoneId zone;

    MaturityProjection(MongoDatabase readStore, ObjectMapper objectMapper, Clock clock) {
        this.units = new ViewStore<>(readStore, "maturity-units", UnitNode.class, objectMapper);
        this.assessments = new ViewStore<>(readStore, "maturity-assessments", AssessmentLedger.class, objectMapper);
        this.assessmentHomes = new ViewStore<>(readStore, "maturity-assessment-homes", AssessmentHome.class,
                objectMapper);
        this.initiatives = new ViewStore<>(readStore, "maturity-initiatives", InitiativeLedger.class, objectMapper);
        this.initiativeHomes = new ViewStore<>(readStore, "maturity-initiative-homes", InitiativeHome.class,
                objectMapper);
        this.zone = clock.getZone();
    }

    // --- the unit tree

    @EventHandler
    void on(UnitRegisteredEvent event, TrackingToken token) {
        long position = EventPositions.of(token);
        List<String> path = new ArrayList<>();
        if (event.parentId() != null) {
            units.find(event.parentId()).ifPresent(parent -> path.addAll(parent.path()));
            units.apply(event.parentId(), position, parent -> parent == null ? null
                    : parent.withChildren(added(parent.children(), event.unitId())));
        }
        path.add(event.unitId());
        units.apply(event.unitId(), position, current -> new UnitNode(event.unitId(), event.code(), event.name(),
                event.parentId(), path, current == null ? List.of() : current.children(), false));
    }

    @EventHandler
    void on(UnitRenamedEvent event, TrackingToken token) {
        units.apply(event.unitId(), EventPositions.of(token), current -> current == null ? null
                : new UnitNode(current.unitId(), current.code(), event.name(), current.parentId(), current.path(),
                        current.children(), current.retired()));
    }

    @EventHandler
    void on(UnitRetiredEvent event, TrackingToken token) {
        units.apply(event.unitId(), EventPositions.of(token), current -> current == null ? null
                : new UnitNode(current.unitId(), current.code(), current.name(), current.parentId(), current.path(),
                        current.children(), true));
    }

    @EventHandler
    void on(UnitMovedEvent event, TrackingToken token) {
        long position = EventPositions.of(token);
        Optional<UnitNode> moved = units.find(event.unitId());
        if (moved.isEmpty()) {
            return;
        }
        if (event.fromParentId() != null) {
            units.apply(event.fromParentId(), position, parent -> parent == null ? null
                    : parent.withChildren(parent.children().stream().filter(id -> !id.equals(event.unitId()))
                            .toList()));
        }
        List<String> prefix = new ArrayList<>();
        if (event.toParentId() != null) {
            units.find(event.toParentId()).ifPresent(parent -> prefix.addAll(parent.path()));
            units.apply(event.toParentId(), position, parent -> parent == null ? null
                    : parent.withChildren(added(parent.children(), event.unitId())));
        }
        replace(moved.get(), event.toParentId(), prefix, position);
    }

    /** Gives {@code node} its new place under {@code prefix} and rewrites the paths of its subtree below it. */
    private void replace(UnitNode node, String parentId, List<String> prefix, long position) {
        List<String> path = new ArrayList<>(prefix);
        path.add(node.unitId());
        units.apply(node.unitId(), position, current -> current == null ? null : current.withPlace(parentId, path));
        for (UnitNode child : units.findAll(Filters.in("_id", node.children()))) {
            replace(child, node.unitId(), path, position);
        }
    }

    private static List<String> added(List<String> children, String unitId) {
        List<String> all = new ArrayList<>(children);
        if (!all.contains(unitId)) {
            all.add(unitId);
        }
        return all;
    }

    // --- assessments

    @EventHandler
    void on(AssessmentFinalisedEvent event, @Timestamp Instant at, TrackingToken token) {
        long position = EventPositions.of(token);
        assessmentHomes.apply(event.assessmentId(), position,
                current -> new AssessmentHome(event.assessmentId(), event.unitId(), event.frameworkCode()));
        List<LevelFact> levels = event.ratings().stream()
                .map(r -> new LevelFact(r.indicatorCode(), r.currentLevel(), r.targetLevel()))
                .toList();
        AssessmentFact fact = new AssessmentFact(true, event.assessmentId(), event.period(),
                event.period().lastDay(), event.frameworkVersion(), at, position, levels);
        appendAssessment(event.unitId(), event.frameworkCode(), fact, position);
    }

    @EventHandler
    void on(AssessmentReopenedEvent event, @Timestamp Instant at, TrackingToken token) {
        if (event.previousStatus() != AssessmentStatus.FINALISED) {
            return;
        }
        long position = EventPositions.of(token);
        assessmentHomes.find(event.assessmentId()).ifPresent(home -> appendAssessment(home.unitId(),
                home.frameworkCode(), new AssessmentFact(false, event.assessmentId(), null, null, 0, at, position,
                        List.of()), position));
    }

    private void appendAssessment(String unitId, String frameworkCode, AssessmentFact fact, long position) {
        assessments.apply(AssessmentLedger.key(unitId, frameworkCode), position, ledger ->
                (ledger == null ? new AssessmentLedger(unitId, frameworkCode, List.of()) : ledger).with(fact));
    }

    // --- initiatives

    @EventHandler
    void on(InitiativeLaunchedEvent event, @Timestamp Instant at, TrackingToken token) {
        long position = EventPositions.of(token);
        initiativeHomes.apply(event.initiativeId(), position,
                current -> new InitiativeHome(event.initiativeId(), event.unitId()));
        appendInitiative(event.unitId(), new InitiativeFact(event.initiativeId(), InitiativeFactKind.LAUNCHED, 1,
                day(at), at, position, event.title(), event.owner(), event.gaps(), null, null, null), position);
    }

    @EventHandler
    void on(PlanRecordedEvent event, @Timestamp Instant at, TrackingToken token) {
        record(event, InitiativeFactKind.PLAN_RECORDED, at, token, event.actions(), null, null, null);
    }

    @EventHandler
    void on(ActionAddedEvent event, @Timestamp Instant at, TrackingToken token) {
        record(event, InitiativeFactKind.ACTION_ADDED, at, token, List.of(event.action()), null, null, null);
    }

    @EventHandler
    void on(ActionReplannedEvent event, @Timestamp Instant at, TrackingToken token) {
        record(event, InitiativeFactKind.ACTION_REPLANNED, at, token, List.of(event.action()), null, null, null);
    }

    @EventHandler
    void on(ActionDroppedEvent event, @Timestamp Instant at, TrackingToken token) {
        record(event, InitiativeFactKind.ACTION_DROPPED, at, token, null, event.actionId(), null, null);
    }

    @EventHandler
    void on(ActionCompletedEvent event, @Timestamp Instant at, TrackingToken token) {
        record(event, InitiativeFactKind.ACTION_COMPLETED, at, token, null, event.actionId(), null, null);
    }

    @EventHandler
    void on(ExecutionStartedEvent event, @Timestamp Instant at, TrackingToken token) {
        record(event, InitiativeFactKind.EXECUTION_STARTED, at, token, null, null, null, null);
    }

    @EventHandler
    void on(ObservationRecordedEvent event, @Timestamp Instant at, TrackingToken token) {
        record(event, InitiativeFactKind.OBSERVATION_RECORDED, at, token, null, null, null, null);
    }

    @EventHandler
    void on(MeasurementRecordedEvent event, @Timestamp Instant at, TrackingToken token) {
        record(event, InitiativeFactKind.MEASUREMENT_RECORDED, at, token, null, null, null, event.measuredOn());
    }

    @EventHandler
    void on(CycleCheckedEvent event, @Timestamp Instant at, TrackingToken token) {
        record(event, InitiativeFactKind.CYCLE_CHECKED, at, token, null, null, event.result(), null);
    }

    @EventHandler
    void on(CycleAdjustedEvent event, @Timestamp Instant at, TrackingToken token) {
        record(event, InitiativeFactKind.CYCLE_ADJUSTED, at, token, event.carriedActions(), null, null, null);
    }

    @EventHandler
    void on(InitiativeStandardisedEvent event, @Timestamp Instant at, TrackingToken token) {
        record(event, InitiativeFactKind.STANDARDISED, at, token, null, null, null, null);
    }

    @EventHandler
    void on(InitiativeAbandonedEvent event, @Timestamp Instant at, TrackingToken token) {
        record(event, InitiativeFactKind.ABANDONED, at, token, null, null, null, null);
    }

    private void record(InitiativeEvent event, InitiativeFactKind kind, Instant at, TrackingToken token,
            List<org.pdcaledger.kernel.initiative.PlannedAction> actions, String actionId,
            org.pdcaledger.kernel.initiative.CheckResult result, LocalDate businessDate) {
        long position = EventPositions.of(token);
        initiativeHomes.find(event.initiativeId()).ifPresent(home -> appendInitiative(home.unitId(),
                new InitiativeFact(event.initiativeId(), kind, event.cycle(),
                        businessDate != null ? businessDate : day(at), at, position, null, null, null, actions,
                        actionId, result), position));
    }

    private void appendInitiative(String unitId, InitiativeFact fact, long position) {
        initiatives.apply(unitId, position, ledger ->
                (ledger == null ? new InitiativeLedger(unitId, List.of()) : ledger).with(fact));
    }

    private LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }

    // --- reads for the views

    Map<String, UnitNode> nodes(Collection<String> unitIds) {
        return byKey(units, List.copyOf(unitIds), UnitNode::unitId);
    }

    Optional<UnitNode> node(String unitId) {
        return units.find(unitId);
    }

    Map<String, AssessmentLedger> assessmentLedgers(Collection<String> unitIds, String frameworkCode) {
        List<String> keys = unitIds.stream().map(id -> AssessmentLedger.key(id, frameworkCode)).toList();
        return byKey(assessments, keys, AssessmentLedger::unitId);
    }

    Map<String, InitiativeLedger> initiativeLedgers(Collection<String> unitIds) {
        return byKey(initiatives, List.copyOf(unitIds), InitiativeLedger::unitId);
    }

    /**
     * {@code _id $in} look-ups, {@value #CHUNK} keys at a time: mongo-java-server answers a query in one reply, and a
     * reply over its maximum message size (48 MB) fails, which a large subtree's ledgers would reach.
     */
    private static <T> Map<String, T> byKey(ViewStore<T> store, List<String> keys,
            java.util.function.Function<T, String> key) {
        Map<String, T> map = new java.util.HashMap<>();
        for (int from = 0; from < keys.size(); from += CHUNK) {
            store.findAll(Filters.in("_id", keys.subList(from, Math.min(keys.size(), from + CHUNK))))
                    .forEach(document -> map.put(key.apply(document), document));
        }
        return map;
    }


    ViewStore<?>[] stores() {
        return new ViewStore<?>[] {units, assessments, assessmentHomes, initiatives, initiativeHomes};
    }

    @ResetHandler
    void reset() {
        for (ViewStore<?> store : stores()) {
            store.deleteAll();
        }
    }
}
