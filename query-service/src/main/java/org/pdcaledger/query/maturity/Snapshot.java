package org.pdcaledger.query.maturity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.pdcaledger.kernel.framework.FrameworkDefinition;
import org.pdcaledger.support.security.ScopeGuard;

/**
 * What one request reads: a unit, its active (not retired) subtree down to a depth, their assessment ledgers for one
 * framework and their initiative ledgers — a handful of {@code _id} look-ups, one level of the tree at a time. Folds
 * are computed in memory and remembered for the request.
 */
final class Snapshot implements Subtree {

    private final String rootId;
    private final Map<String, UnitNode> nodes;
    private final Map<String, Integer> depths;
    private final Map<String, AssessmentLedger> assessments;
    private final Map<String, InitiativeLedger> initiatives;
    private final Function<Integer, Optional<FrameworkDefinition>> definitions;
    private final Map<String, Optional<AssessmentFact>> currents = new HashMap<>();
    private final Map<String, Optional<Double>> indexes = new HashMap<>();
    private final Map<String, List<InitiativeStatus>> statuses = new HashMap<>();
    private final Map<Integer, Optional<FrameworkDefinition>> definitionCache = new HashMap<>();

    private Snapshot(String rootId, Map<String, UnitNode> nodes, Map<String, Integer> depths,
            Map<String, AssessmentLedger> assessments, Map<String, InitiativeLedger> initiatives,
            Function<Integer, Optional<FrameworkDefinition>> definitions) {
        this.rootId = rootId;
        this.nodes = nodes;
        this.depths = depths;
        this.assessments = assessments;
        this.initiatives = initiatives;
        this.definitions = definitions;
    }

    /** Reads {@code root} and its active subtree {@code depth} levels down; empty when the unit is unknown. */
    static Optional<Snapshot> load(MaturityProjection store, String rootId, int depth, String frameworkCode,
            Function<Integer, Optional<FrameworkDefinition>> definitions) {
        return load(store, rootId, depth, frameworkCode, definitions, true);
    }

    /** As {@link #load(MaturityProjection, String, int, String, Function)}; without the initiative ledgers. */
    static Optional<Snapshot> load(MaturityProjection store, String rootId, int depth, String frameworkCode,
            Function<Integer, Optional<FrameworkDefinition>> definitions, boolean withWork) {
        Optional<UnitNode> root = store.node(rootId);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        Map<String, UnitNode> nodes = new HashMap<>();
        Map<String, Integer> depths = new HashMap<>();
        nodes.put(rootId, root.get());
        depths.put(rootId, 0);
        List<UnitNode> level = List.of(root.get());
        for (int d = 1; d <= depth && !level.isEmpty(); d++) {
            Set<String> next = new LinkedHashSet<>();
            level.forEach(node -> next.addAll(node.children()));
            Map<String, UnitNode> found = store.nodes(next);
            List<UnitNode> active = new ArrayList<>();
            for (String id : next) {
                UnitNode node = found.get(id);
                if (node != null && !node.retired()) {
                    nodes.put(id, node);
                    depths.put(id, d);
                    active.add(node);
                }
            }
            level = active;
        }
        return Optional.of(new Snapshot(rootId, nodes, depths,
                store.assessmentLedgers(nodes.keySet(), frameworkCode),
                withWork ? store.initiativeLedgers(nodes.keySet()) : Map.of(), definitions));
    }

    @Override
    public String rootId() {
        return rootId;
    }

    UnitNode node(String unitId) {
        return nodes.get(unitId);
    }

    @Override
    public String code(String unitId) {
        return nodes.get(unitId).code();
    }

    @Override
    public org.pdcaledger.kernel.common.LocalizedName name(String unitId) {
        return nodes.get(unitId).name();
    }

    /** The active children of a unit in the snapshot, by code. */
    @Override
    public List<String> children(String unitId) {
        UnitNode node = nodes.get(unitId);
        if (node == null) {
            return List.of();
        }
        return node.children().stream().filter(nodes::containsKey)
                .sorted(Comparator.comparing((String id) -> nodes.get(id).code()))
                .toList();
    }

    /** {@code unitId} and the active units below it, at most {@code depth} levels down, breadth first by code. */
    @Override
    public List<String> subtree(String unitId, int depth) {
        List<String> result = new ArrayList<>();
        if (!nodes.containsKey(unitId) || depth < 0) {
            return result;
        }
        result.add(unitId);
        List<String> level = List.of(unitId);
        for (int d = 1; d <= depth; d++) {
            List<String> next = new ArrayList<>();
            level.forEach(id -> next.addAll(children(id)));
            result.addAll(next);
            level = next;
        }
        return result;
    }

    /** Levels below {@code ancestor}; the caller only asks for units of the ancestor's subtree. */
    @Override
    public int depthBelow(String ancestor, String unitId) {
        return depths.get(unitId) - depths.get(ancestor);
    }

    /**
     * A scope guard over the paths read with the snapshot, so that filtering a roll-up by the caller's scope costs no
     * further look-ups; same rules as the service's {@link ScopeGuard}.
     */
    @Override
    public ScopeGuard scopes() {
        return new ScopeGuard(id -> Optional.ofNullable(nodes.get(id)).map(UnitNode::path).orElse(List.of()));
    }

    Optional<FrameworkDefinition> definition(int version) {
        return definitionCache.computeIfAbsent(version, definitions);
    }

    AssessmentLedger assessments(String unitId) {
        return assessments.get(unitId);
    }

    Optional<AssessmentFact> current(String unitId, LocalDate asOf, Instant knownAt) {
        return currents.computeIfAbsent(unitId + "|" + asOf + "|" + knownAt,
                key -> AssessmentFolding.current(assessments.get(unitId), asOf, knownAt));
    }

    /** The unit's own index, unrounded; empty when no assessment counts. */
    @Override
    public Optional<Double> index(String unitId, LocalDate asOf, Instant knownAt) {
        return indexes.computeIfAbsent(unitId + "|" + asOf + "|" + knownAt, key -> current(unitId, asOf, knownAt)
                .map(fact -> AssessmentFolding.score(fact, definition(fact.frameworkVersion())).index()));
    }

    @Override
    public Map<String, Double> dimensions(String unitId, LocalDate asOf, Instant knownAt) {
        Map<String, Double> dimensions = new java.util.LinkedHashMap<>();
        current(unitId, asOf, knownAt).ifPresent(fact -> AssessmentFolding.score(fact,
                definition(fact.frameworkVersion())).dimensions()
                .forEach(d -> dimensions.put(d.dimensionCode(), d.index())));
        return dimensions;
    }

    List<InitiativeStatus> initiatives(String unitId, LocalDate asOf, Instant knownAt) {
        return statuses.computeIfAbsent(unitId + "|" + asOf + "|" + knownAt,
                key -> InitiativeTimeline.fold(initiatives.get(unitId), asOf, knownAt));
    }
}
