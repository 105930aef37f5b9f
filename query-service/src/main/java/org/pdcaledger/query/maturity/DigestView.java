package org.pdcaledger.query.maturity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pdcaledger.kernel.common.LocalizedName;
import org.pdcaledger.support.security.ScopeGuard;

/**
 * A subtree read from the digests: the member lists and index steps of a unit and, when asked, of its children —
 * one or two documents per unit, whatever the size of the subtrees. Answers for everything recorded so far only
 * ({@code knownAt} must be {@code null}); any business date.
 */
final class DigestView implements Subtree {

    private final String rootId;
    private final Map<String, SubtreeMembers> members;
    private final Map<String, SubtreeMember> byId = new HashMap<>();
    private final Map<String, List<String>> paths = new HashMap<>();
    private final Map<String, List<IndexStep>> steps = new HashMap<>();
    private final Map<String, List<DepthSums>> sums;

    /**
     * @param rootPath the path of {@code rootId} from the root of the tree
     * @param members  the member lists of the root and of any of its children that were read
     * @param scores   their score documents
     */
    DigestView(String rootId, List<String> rootPath, Map<String, SubtreeMembers> members,
            List<SubtreeScores> scores) {
        this(rootId, rootPath, members, scores, Map.of());
    }

    /**
     * @param sums the depth sums of the children's score documents (read without their members), which give a
     *             child's roll-up without reading its subtree
     */
    DigestView(String rootId, List<String> rootPath, Map<String, SubtreeMembers> members,
            List<SubtreeScores> scores, Map<String, List<DepthSums>> sums) {
        this.sums = sums;
        this.rootId = rootId;
        this.members = members;
        SubtreeMembers root = members.get(rootId);
        root.members().forEach(m -> byId.put(m.unitId(), m));
        members.values().forEach(doc -> doc.members().forEach(m -> byId.putIfAbsent(m.unitId(), m)));
        paths.put(rootId, rootPath);
        pathsBelow(root, rootPath);
        members.forEach((unitId, doc) -> {
            if (!unitId.equals(rootId) && paths.containsKey(unitId)) {
                pathsBelow(doc, paths.get(unitId));
            }
        });
        scores.forEach(doc -> doc.members().forEach(s -> steps.putIfAbsent(s.unitId(), s.steps())));
    }

    private void pathsBelow(SubtreeMembers doc, List<String> docPath) {
        Map<String, SubtreeMember> local = new HashMap<>();
        doc.members().forEach(m -> local.put(m.unitId(), m));
        doc.members().stream().sorted(Comparator.comparingInt(SubtreeMember::depth)).forEach(m -> {
            if (m.depth() == 0) {
                paths.putIfAbsent(m.unitId(), docPath);
            } else if (paths.containsKey(m.parentId())) {
                List<String> path = new ArrayList<>(paths.get(m.parentId()));
                path.add(m.unitId());
                paths.putIfAbsent(m.unitId(), path);
            }
        });
    }

    /**
     * A child's roll-up from its depth sums: {@code Σ w(d) × sum(d) / Σ w(d) × count(d)} as of {@code asOf}; empty
     * when its sums were not read or nothing counts.
     */
    Optional<Optional<Double>> summedRollUp(String unitId, LocalDate asOf, MaturityProperties properties) {
        List<DepthSums> byDepth = sums.get(unitId);
        if (byDepth == null) {
            return Optional.empty();
        }
        double weighted = 0;
        double weights = 0;
        for (DepthSums level : byDepth) {
            double weight = properties.weightAt(level.depth());
            if (weight <= 0 || level.depth() > properties.deepestWeighted()) {
                continue;
            }
            DepthSums.SumStep found = null;
            for (DepthSums.SumStep step : level.steps()) {
                if (!step.from().isAfter(asOf)) {
                    found = step;
                }
            }
            if (found != null && found.count() > 0) {
                weighted += weight * found.sum();
                weights += weight * found.count();
            }
        }
        return Optional.of(weights > 0 ? Optional.of(weighted / weights) : Optional.empty());
    }

    /** Whether the digests reach {@code depth} levels below {@code unitId}. */
    boolean reaches(String unitId, int depth) {
        SubtreeMembers doc = members.get(unitId);
        return doc != null && doc.depth() >= depth;
    }

    @Override
    public String rootId() {
        return rootId;
    }

    @Override
    public String code(String unitId) {
        return byId.get(unitId).code();
    }

    @Override
    public LocalizedName name(String unitId) {
        return byId.get(unitId).name();
    }

    @Override
    public List<String> children(String unitId) {
        SubtreeMembers doc = members.get(unitId);
        if (doc != null) {
            return active(doc).stream().filter(m -> m.depth() == 1)
                    .sorted(Comparator.comparing(SubtreeMember::code)).map(SubtreeMember::unitId).toList();
        }
        SubtreeMembers root = members.get(rootId);
        return active(root).stream().filter(m -> unitId.equals(m.parentId()) && m.depth() > 0)
                .sorted(Comparator.comparing(SubtreeMember::code)).map(SubtreeMember::unitId).toList();
    }

    @Override
    public List<String> subtree(String unitId, int depth) {
        SubtreeMembers doc = members.get(unitId);
        List<String> result = new ArrayList<>();
        if (doc == null || depth < 0) {
            return result;
        }
        List<SubtreeMember> active = active(doc);
        Map<String, List<SubtreeMember>> below = new HashMap<>();
        active.forEach(m -> {
            if (m.depth() > 0) {
                below.computeIfAbsent(m.parentId(), p -> new ArrayList<>()).add(m);
            }
        });
        below.values().forEach(list -> list.sort(Comparator.comparing(SubtreeMember::code)));
        result.add(unitId);
        List<String> level = List.of(unitId);
        for (int d = 1; d <= depth; d++) {
            List<String> next = new ArrayList<>();
            level.forEach(id -> below.getOrDefault(id, List.of()).forEach(m -> next.add(m.unitId())));
            result.addAll(next);
            level = next;
        }
        return result;
    }

    /** The members that are not retired and have no retired ancestor within the document (the unit itself counts). */
    static List<SubtreeMember> active(SubtreeMembers doc) {
        Map<String, SubtreeMember> local = new HashMap<>();
        doc.members().forEach(m -> local.put(m.unitId(), m));
        List<SubtreeMember> active = new ArrayList<>();
        for (SubtreeMember member : doc.members()) {
            boolean retired = false;
            SubtreeMember at = member;
            while (at != null && at.depth() > 0) {
                if (at.retired()) {
                    retired = true;
                    break;
                }
                at = local.get(at.parentId());
            }
            if (!retired) {
                active.add(member);
            }
        }
        return active;
    }

    @Override
    public int depthBelow(String ancestor, String unitId) {
        if (ancestor.equals(rootId)) {
            return byId.get(unitId).depth();
        }
        SubtreeMembers doc = members.get(ancestor);
        return doc.members().stream().filter(m -> m.unitId().equals(unitId)).findFirst().orElseThrow().depth();
    }

    @Override
    public ScopeGuard scopes() {
        return new ScopeGuard(id -> paths.getOrDefault(id, List.of()));
    }

    private Optional<IndexStep> step(String unitId, LocalDate asOf) {
        IndexStep found = null;
        for (IndexStep step : steps.getOrDefault(unitId, List.of())) {
            if (!step.from().isAfter(asOf)) {
                found = step;
            }
        }
        return Optional.ofNullable(found);
    }

    @Override
    public Optional<Double> index(String unitId, LocalDate asOf, Instant knownAt) {
        requireLatest(knownAt);
        return step(unitId, asOf).map(IndexStep::index);
    }

    @Override
    public Map<String, Double> dimensions(String unitId, LocalDate asOf, Instant knownAt) {
        requireLatest(knownAt);
        return step(unitId, asOf).map(IndexStep::dimensions).orElse(Map.of());
    }

    private static void requireLatest(Instant knownAt) {
        if (knownAt != null) {
            throw new IllegalArgumentException("the digests hold what is recorded now, not at " + knownAt);
        }
    }
}
