package org.pdcaledger.query.maturity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.pdcaledger.kernel.common.LocalizedName;
import org.pdcaledger.query.config.ViewStore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;

/**
 * The subtree digests the views read instead of walking a large subtree, kept by {@link MaturityProjection} at
 * projection time for every unit, down to {@code depth} levels (the deepest level the depth weights count):
 * <ul>
 * <li>{@code maturity-subtree-members}: who is in the subtree, at which depth, retired or not;</li>
 * <li>{@code maturity-subtree-scores}: per framework, every assessed member's own index steps over business
 *     dates (as everything recorded so far says), so roll-ups, rankings and trends as of any date are folded from
 *     one document per unit;</li>
 * <li>{@code maturity-subtree-work}: the subtree's work tallies by depth (stages, concluded cycles, phase days, gap
 *     coverage), kept by adding each unit's change ({@code maturity-unit-work} holds each unit's own).</li>
 * </ul>
 * A unit's changes reach the digests of its ancestors within {@code depth}; the work of a retired unit's subtree
 * leaves its ancestors' tallies (as retired units leave roll-ups). Every document is written once per event (a
 * move that leaves and enters the same ancestor changes it in one write), ancestors before the unit itself, so a
 * retried event recomputes the same change and the ancestors already written skip it by position.
 */
final class SubtreeDigests {

    private final ViewStore<SubtreeMembers> members;
    private final ViewStore<SubtreeScores> scores;
    private final ViewStore<SubtreeWork> work;
    private final ViewStore<UnitWork> unitWork;
    private final int depth;

    SubtreeDigests(MongoDatabase readStore, ObjectMapper objectMapper, int depth) {
        this.members = new ViewStore<>(readStore, "maturity-subtree-members", SubtreeMembers.class, objectMapper);
        this.scores = new ViewStore<>(readStore, "maturity-subtree-scores", SubtreeScores.class, objectMapper);
        this.work = new ViewStore<>(readStore, "maturity-subtree-work", SubtreeWork.class, objectMapper);
        this.unitWork = new ViewStore<>(readStore, "maturity-unit-work", UnitWork.class, objectMapper);
        this.depth = Math.max(0, depth);
    }

    int depth() {
        return depth;
    }

    ViewStore<?>[] stores() {
        return new ViewStore<?>[] {members, scores, work, unitWork};
    }

    ViewStore<SubtreeMembers> members() {
        return members;
    }

    ViewStore<SubtreeScores> scores() {
        return scores;
    }

    ViewStore<SubtreeWork> work() {
        return work;
    }

    ViewStore<UnitWork> unitWork() {
        return unitWork;
    }

    // --- the tree

    /** {@code ancestors}: nearest first, at most {@link #depth} of them. */
    void registered(UnitNode unit, List<UnitNode> ancestors, long position) {
        for (int k = 1; k <= Math.min(depth, ancestors.size()); k++) {
            SubtreeMember member = new SubtreeMember(unit.unitId(), unit.code(), unit.name(), k, unit.parentId(),
                    false);
            members.apply(ancestors.get(k - 1).unitId(), position, doc -> doc == null ? null
                    : withMembers(doc, replaced(doc.members(), List.of(member))));
        }
        members.apply(unit.unitId(), position, doc -> new SubtreeMembers(unit.unitId(), depth,
                replaced(doc == null ? List.of() : doc.members(),
                        List.of(new SubtreeMember(unit.unitId(), unit.code(), unit.name(), 0, unit.parentId(),
                                false)))));
    }

    void renamed(String unitId, LocalizedName name, List<UnitNode> ancestors, long position) {
        UnaryOperator<SubtreeMembers> rename = doc -> doc == null ? null : withMembers(doc, doc.members().stream()
                .map(m -> m.unitId().equals(unitId)
                        ? new SubtreeMember(m.unitId(), m.code(), name, m.depth(), m.parentId(), m.retired()) : m)
                .toList());
        for (int k = 1; k <= Math.min(depth, ancestors.size()); k++) {
            members.apply(ancestors.get(k - 1).unitId(), position, rename);
        }
        members.apply(unitId, position, rename);
    }

    /** Marks the unit retired in every digest it is in, and takes its subtree's work out of its ancestors'. */
    void retired(String unitId, List<UnitNode> ancestors, List<String> frameworks, long position) {
        UnaryOperator<SubtreeMembers> retire = doc -> doc == null ? null : withMembers(doc, doc.members().stream()
                .map(m -> m.unitId().equals(unitId)
                        ? new SubtreeMember(m.unitId(), m.code(), m.name(), m.depth(), m.parentId(), true) : m)
                .toList());
        List<WorkTally> subtree = work.find(unitId).map(SubtreeWork::byDepth).orElse(List.of());
        for (int k = 1; k <= Math.min(depth, ancestors.size()); k++) {
            UnitNode ancestor = ancestors.get(k - 1);
            members.apply(ancestor.unitId(), position, retire);
        }
        for (UnitNode ancestor : workReach(ancestors)) {
            int k = ancestors.indexOf(ancestor) + 1;
            work.apply(ancestor.unitId(), position, doc -> doc == null ? null
                    : doc.plus(subtree, k, -1, depth, null));
        }
        members.apply(unitId, position, retire);
        for (int k = 1; k <= Math.min(depth, ancestors.size()); k++) {
            resum(ancestors.get(k - 1).unitId(), frameworks, position);
        }
    }

    /**
     * Moves a unit's subtree from under {@code oldAncestors} to under {@code newAncestors} (both nearest first, the
     * new ones starting with the new parent) in the member lists, the scores of every framework and the work
     * tallies.
     */
    void moved(UnitNode unit, List<UnitNode> oldAncestors, List<UnitNode> newAncestors, List<String> frameworks,
            long position) {
        SubtreeMembers own = members.find(unit.unitId()).orElse(new SubtreeMembers(unit.unitId(), depth, List.of()));
        Set<String> moving = new HashSet<>();
        own.members().forEach(m -> moving.add(m.unitId()));
        Map<String, UnaryOperator<SubtreeMembers>> memberChanges = new LinkedHashMap<>();
        for (int k = 1; k <= Math.min(depth, oldAncestors.size()); k++) {
            memberChanges.put(oldAncestors.get(k - 1).unitId(), doc -> withMembers(doc, doc.members().stream()
                    .filter(m -> !inSubtree(doc, m, unit.unitId())).toList()));
        }
        for (int k = 1; k <= Math.min(depth, newAncestors.size()); k++) {
            int offset = k;
            List<SubtreeMember> entering = own.members().stream().filter(m -> m.depth() + offset <= depth)
                    .map(m -> m.at(m.depth() + offset, m.depth() == 0 ? unit.parentId() : m.parentId()))
                    .toList();
            memberChanges.merge(newAncestors.get(k - 1).unitId(),
                    doc -> withMembers(doc, replaced(doc.members(), entering)), SubtreeDigests::andThen);
        }
        memberChanges.forEach((key, change) -> members.apply(key, position, doc -> doc == null ? null
                : change.apply(doc)));

        for (String framework : frameworks) {
            Optional<SubtreeScores> ownScores = scores.find(SubtreeScores.key(unit.unitId(), framework));
            Map<String, Integer> depthOf = new HashMap<>();
            own.members().forEach(m -> depthOf.put(m.unitId(), m.depth()));
            Map<String, UnaryOperator<SubtreeScores>> scoreChanges = new LinkedHashMap<>();
            for (int k = 1; k <= Math.min(depth, oldAncestors.size()); k++) {
                scoreChanges.put(oldAncestors.get(k - 1).unitId(), doc -> withScores(doc, doc.members().stream()
                        .filter(s -> !moving.contains(s.unitId())).toList()));
            }
            for (int k = 1; ownScores.isPresent() && k <= Math.min(depth, newAncestors.size()); k++) {
                int offset = k;
                List<MemberScores> entering = ownScores.get().members().stream()
                        .filter(s -> depthOf.getOrDefault(s.unitId(), depth + 1) + offset <= depth).toList();
                scoreChanges.merge(newAncestors.get(k - 1).unitId(),
                        doc -> withScores(doc, replacedScores(doc.members(), entering)), SubtreeDigests::andThen);
            }
            scoreChanges.forEach((unitId, change) -> scores.apply(SubtreeScores.key(unitId, framework), position,
                    doc -> change.apply(doc == null ? new SubtreeScores(unitId, framework, List.of()) : doc)));
        }

        if (!unit.retired()) {
            List<WorkTally> subtree = work.find(unit.unitId()).map(SubtreeWork::byDepth).orElse(List.of());
            LocalDate latest = work.find(unit.unitId()).map(SubtreeWork::latestBusinessDate).orElse(null);
            Map<String, UnaryOperator<SubtreeWork>> workChanges = new LinkedHashMap<>();
            for (UnitNode ancestor : workReach(oldAncestors)) {
                int k = oldAncestors.indexOf(ancestor) + 1;
                workChanges.put(ancestor.unitId(), doc -> doc.plus(subtree, k, -1, depth, null));
            }
            for (UnitNode ancestor : workReach(newAncestors)) {
                int k = newAncestors.indexOf(ancestor) + 1;
                workChanges.merge(ancestor.unitId(), doc -> doc.plus(subtree, k, 1, depth, latest),
                        SubtreeDigests::andThen);
            }
            workChanges.forEach((unitId, change) -> work.apply(unitId, position,
                    doc -> change.apply(doc == null ? new SubtreeWork(unitId, List.of(), null) : doc)));
        }
        members.apply(unit.unitId(), position, doc -> doc == null ? null : withMembers(doc, doc.members().stream()
                .map(m -> m.depth() == 0 ? m.at(0, unit.parentId()) : m).toList()));
    }

    // --- scores and work

    /** A unit's own index steps for a framework changed: into its own digest and its ancestors'. */
    void scored(String unitId, String framework, List<IndexStep> steps, List<UnitNode> ancestors, long position) {
        MemberScores member = new MemberScores(unitId, steps);
        UnaryOperator<SubtreeScores> change = doc -> withScores(doc, steps.isEmpty()
                ? doc.members().stream().filter(s -> !s.unitId().equals(unitId)).toList()
                : replacedScores(doc.members(), List.of(member)));
        for (int k = 1; k <= Math.min(depth, ancestors.size()); k++) {
            String ancestor = ancestors.get(k - 1).unitId();
            scores.apply(SubtreeScores.key(ancestor, framework), position,
                    doc -> change.apply(doc == null ? new SubtreeScores(ancestor, framework, List.of()) : doc));
        }
        scores.apply(SubtreeScores.key(unitId, framework), position,
                doc -> change.apply(doc == null ? new SubtreeScores(unitId, framework, List.of()) : doc));
    }

    /** A unit's own work changed to {@code after}: its change goes into its own and its ancestors' tallies. */
    void worked(UnitNode unit, UnitWork after, List<UnitNode> ancestors, long position) {
        UnitWork before = unitWork.find(unit.unitId()).orElse(UnitWork.empty(unit.unitId()));
        List<WorkTally> change = List.of(after.tally().plus(before.tally(), -1));
        List<UnitNode> reach = unit.retired() ? List.of() : workReach(ancestors);
        for (UnitNode ancestor : reach) {
            int k = ancestors.indexOf(ancestor) + 1;
            work.apply(ancestor.unitId(), position, doc -> (doc == null
                    ? new SubtreeWork(ancestor.unitId(), List.of(), null) : doc)
                    .plus(change, k, 1, depth, after.latestBusinessDate()));
        }
        work.apply(unit.unitId(), position, doc -> (doc == null ? new SubtreeWork(unit.unitId(), List.of(), null)
                : doc).plus(change, 0, 1, depth, after.latestBusinessDate()));
        unitWork.apply(unit.unitId(), position, doc -> after);
    }

    /** The ancestors within depth whose tallies count a unit: up to and including the first retired one. */
    private List<UnitNode> workReach(List<UnitNode> ancestors) {
        List<UnitNode> reach = new ArrayList<>();
        for (int k = 1; k <= Math.min(depth, ancestors.size()); k++) {
            UnitNode ancestor = ancestors.get(k - 1);
            reach.add(ancestor);
            if (ancestor.retired()) {
                break;
            }
        }
        return reach;
    }

    // --- helpers

    private static boolean inSubtree(SubtreeMembers doc, SubtreeMember member, String rootId) {
        Map<String, SubtreeMember> byId = new HashMap<>();
        doc.members().forEach(m -> byId.put(m.unitId(), m));
        SubtreeMember at = member;
        while (at != null) {
            if (at.unitId().equals(rootId)) {
                return true;
            }
            at = at.depth() == 0 ? null : byId.get(at.parentId());
        }
        return false;
    }

    private static List<SubtreeMember> replaced(List<SubtreeMember> current, List<SubtreeMember> entering) {
        Set<String> ids = new HashSet<>();
        entering.forEach(m -> ids.add(m.unitId()));
        List<SubtreeMember> all = new ArrayList<>(current.stream().filter(m -> !ids.contains(m.unitId())).toList());
        all.addAll(entering);
        return all;
    }

    private static List<MemberScores> replacedScores(List<MemberScores> current, List<MemberScores> entering) {
        Set<String> ids = new HashSet<>();
        entering.forEach(m -> ids.add(m.unitId()));
        List<MemberScores> all = new ArrayList<>(current.stream().filter(m -> !ids.contains(m.unitId())).toList());
        all.addAll(entering);
        return all;
    }

    private static SubtreeMembers withMembers(SubtreeMembers doc, List<SubtreeMember> list) {
        return new SubtreeMembers(doc.unitId(), doc.depth(), list);
    }

    private SubtreeScores withScores(SubtreeScores doc, List<MemberScores> list) {
        return summed(new SubtreeScores(doc.unitId(), doc.frameworkCode(), list));
    }

    /** The scores with their depth sums over the members that are active now in the unit's member list. */
    SubtreeScores summed(SubtreeScores doc) {
        Map<String, Integer> depthOf = new HashMap<>();
        members.find(doc.unitId()).ifPresent(list -> DigestView.active(list)
                .forEach(m -> depthOf.put(m.unitId(), m.depth())));
        List<DepthSums> byDepth = new ArrayList<>();
        for (int d = 0; d <= depth; d++) {
            int at = d;
            List<MemberScores> level = doc.members().stream()
                    .filter(m -> depthOf.containsKey(m.unitId()) && depthOf.get(m.unitId()) == at).toList();
            java.util.TreeSet<LocalDate> dates = new java.util.TreeSet<>();
            level.forEach(m -> m.steps().forEach(step -> dates.add(step.from())));
            List<DepthSums.SumStep> steps = new ArrayList<>();
            for (LocalDate date : dates) {
                double sum = 0;
                int count = 0;
                for (MemberScores member : level) {
                    IndexStep step = null;
                    for (IndexStep candidate : member.steps()) {
                        if (!candidate.from().isAfter(date)) {
                            step = candidate;
                        }
                    }
                    if (step != null) {
                        sum += step.index();
                        count++;
                    }
                }
                steps.add(new DepthSums.SumStep(date, sum, count));
            }
            if (!steps.isEmpty()) {
                byDepth.add(new DepthSums(d, steps));
            }
        }
        return new SubtreeScores(doc.unitId(), doc.frameworkCode(), doc.members(), byDepth);
    }

    /** Recomputes the depth sums of a unit's score documents after its member list changed. */
    private void resum(String unitId, List<String> frameworks, long position) {
        for (String framework : frameworks) {
            scores.apply(SubtreeScores.key(unitId, framework), position, doc -> doc == null ? null : summed(doc));
        }
    }

    private static <T> UnaryOperator<T> andThen(UnaryOperator<T> first, UnaryOperator<T> second) {
        return value -> second.apply(first.apply(value));
    }
}
