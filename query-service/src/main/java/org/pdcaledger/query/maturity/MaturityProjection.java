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
import org.pdcaledger.kernel.framework.FrameworkDefinition;
import org.pdcaledger.kernel.framework.FrameworkVersionPublishedEvent;
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
 *     assessment or an initiative belong;</li>
 * <li>{@code maturity-frameworks}: the framework versions, so assessments are scored while projecting;</li>
 * <li>the subtree digests ({@link SubtreeDigests}): per unit, its subtree down to the weighted depth with every
 *     member's index steps and the subtree's work tallies, so a roll-up reads one document, not the subtree.</li>
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
    private final ViewStore<FrameworkDefinition> frameworks;
    private final SubtreeDigests digests;
    private final ZoneId zone;

    MaturityProjection(MongoDatabase readStore, ObjectMapper objectMapper, Clock clock,
            MaturityProperties properties) {
        this.units = new ViewStore<>(readStore, "maturity-units", UnitNode.class, objectMapper);
        this.assessments = new ViewStore<>(readStore, "maturity-assessments", AssessmentLedger.class, objectMapper);
        this.assessmentHomes = new ViewStore<>(readStore, "maturity-assessment-homes", AssessmentHome.class,
                objectMapper);
        this.initiatives = new ViewStore<>(readStore, "maturity-initiatives", InitiativeLedger.class, objectMapper);
        this.initiativeHomes = new ViewStore<>(readStore, "maturity-initiative-homes", InitiativeHome.class,
                objectMapper);
        this.frameworks = new ViewStore<>(readStore, "maturity-frameworks", FrameworkDefinition.class, objectMapper);
        this.digests = new SubtreeDigests(readStore, objectMapper, properties.deepestWeighted());
        this.zone = clock.getZone();
    }

    // --- framework versions, to score assessments while projecting

    @EventHandler
    void on(FrameworkVersionPublishedEvent event, TrackingToken token) {
        FrameworkDefinition definition = event.definition();
        long position = EventPositions.of(token);
        frameworks.apply(definition.code() + ":" + definition.version(), position, current -> definition);
        frameworks.apply(definition.code(), position,
                current -> current == null || current.version() < definition.version() ? definition : null);
    }

    /** The newest version of a framework: its dimension names and order are the ones roll-ups show. */
    Optional<FrameworkDefinition> latestDefinition(String code) {
        return frameworks.find(code);
    }

    Optional<FrameworkDefinition> definition(String code, int version) {
        return frameworks.find(code + ":" + version);
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
        units.find(event.unitId()).ifPresent(unit -> digests.registered(unit, ancestors(unit), position));
    }

    @EventHandler
    void on(UnitRenamedEvent event, TrackingToken token) {
        long position = EventPositions.of(token);
        units.find(event.unitId()).ifPresent(unit -> digests.renamed(unit.unitId(), event.name(), ancestors(unit),
                position));
        units.apply(event.unitId(), position, current -> current == null ? null
                : new UnitNode(current.unitId(), current.code(), event.name(), current.parentId(), current.path(),
                        current.children(), current.retired()));
    }

    @EventHandler
    void on(UnitRetiredEvent event, TrackingToken token) {
        long position = EventPositions.of(token);
        units.find(event.unitId()).ifPresent(unit -> digests.retired(unit.unitId(), ancestors(unit),
                frameworkCodes(), position));
        units.apply(event.unitId(), position, current -> current == null ? null
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
        List<UnitNode> oldAncestors = ancestors(moved.get());
        List<UnitNode> newAncestors = new ArrayList<>();
        if (event.toParentId() != null) {
            units.find(event.toParentId()).ifPresent(parent -> {
                newAncestors.add(parent);
                newAncestors.addAll(ancestors(parent));
            });
        }
        UnitNode placed = moved.get().withPlace(event.toParentId(), moved.get().path());
        digests.moved(placed, oldAncestors, newAncestors.subList(0, Math.min(newAncestors.size(), digests.depth())),
                frameworkCodes(), position);
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
        Optional<UnitNode> unit = units.find(unitId);
        if (unit.isEmpty()) {
            return;
        }
        AssessmentLedger ledger = assessments.find(AssessmentLedger.key(unitId, frameworkCode)).orElseThrow();
        List<UnitNode> ancestors = ancestors(unit.get());
        digests.scored(unitId, frameworkCode, steps(ledger), ancestors, position);
        UnitWork before = digests.unitWork().find(unitId).orElse(UnitWork.empty(unitId));
        Map<String, List<LevelFact>> openGaps = new java.util.TreeMap<>(before.openGaps());
        Map<String, Integer> versions = new java.util.TreeMap<>(before.gapVersions());
        Optional<AssessmentFact> current = AssessmentFolding.current(ledger, null, null);
        List<LevelFact> open = current.map(c -> c.levels().stream()
                        .filter(level -> level.targetLevel() > level.currentLevel()).toList())
                .orElse(List.of());
        if (open.isEmpty()) {
            openGaps.remove(frameworkCode);
            versions.remove(frameworkCode);
        } else {
            openGaps.put(frameworkCode, open);
            versions.put(frameworkCode, current.get().frameworkVersion());
        }
        LocalDate latest = fact.periodEnd() != null ? later(before.latestBusinessDate(), fact.periodEnd())
                : before.latestBusinessDate();
        digests.worked(unit.get(), work(unitId, openGaps, versions, latest), ancestors, position);
    }

    /** The own index of a unit over business dates: one step per period end in its trail. */
    List<IndexStep> steps(AssessmentLedger ledger) {
        List<AssessmentFact> trail = AssessmentFolding.trail(ledger, null, null);
        List<IndexStep> steps = new ArrayList<>();
        for (int i = 0; i < trail.size(); i++) {
            AssessmentFact fact = trail.get(i);
            if (i + 1 < trail.size() && trail.get(i + 1).periodEnd().equals(fact.periodEnd())) {
                continue;
            }
            AssessmentFolding.Scores scores = AssessmentFolding.score(fact,
                    definition(ledger.frameworkCode(), fact.frameworkVersion()));
            if (scores.index() == null) {
                continue;
            }
            Map<String, Double> dimensions = new java.util.TreeMap<>();
            scores.dimensions().forEach(d -> dimensions.put(d.dimensionCode(), d.index()));
            steps.add(new IndexStep(fact.periodEnd(), scores.index(), dimensions));
        }
        return steps;
    }

    UnitWork work(String unitId, Map<String, List<LevelFact>> openGaps, Map<String, Integer> versions,
            LocalDate latest) {
        List<InitiativeStatus> statuses = InitiativeTimeline.fold(initiatives.find(unitId).orElse(null), null, null);
        return new UnitWork(unitId, WorkTally.of(statuses, openGaps), openGaps, versions,
                statuses.stream().filter(InitiativeStatus::active).toList(), latest);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null || b != null && b.isAfter(a) ? b : a;
    }

    /** The unit's ancestors, nearest first, as many as the digests reach. */
    private List<UnitNode> ancestors(UnitNode unit) {
        List<UnitNode> ancestors = new ArrayList<>();
        String parentId = unit.parentId();
        while (parentId != null && ancestors.size() < digests.depth()) {
            Optional<UnitNode> parent = units.find(parentId);
            if (parent.isEmpty()) {
                break;
            }
            ancestors.add(parent.get());
            parentId = parent.get().parentId();
        }
        return ancestors;
    }

    private List<String> frameworkCodes() {
        return frameworks.findAll(new org.bson.Document()).stream().map(FrameworkDefinition::code).distinct()
                .sorted().toList();
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
        units.find(unitId).ifPresent(unit -> {
            UnitWork before = digests.unitWork().find(unitId).orElse(UnitWork.empty(unitId));
            digests.worked(unit, work(unitId, before.openGaps(), before.gapVersions(),
                    later(before.latestBusinessDate(), fact.businessDate())), ancestors(unit), position);
        });
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


    SubtreeDigests digests() {
        return digests;
    }

    ViewStore<?>[] stores() {
        List<ViewStore<?>> all = new ArrayList<>(List.of(units, assessments, assessmentHomes, initiatives,
                initiativeHomes, frameworks));
        all.addAll(List.of(digests.stores()));
        return all.toArray(ViewStore<?>[]::new);
    }

    @ResetHandler
    void reset() {
        for (ViewStore<?> store : stores()) {
            store.deleteAll();
        }
    }
}
