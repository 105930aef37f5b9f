package org.pdcaledger.query.initiative;

import java.util.Set;

import org.pdcaledger.kernel.initiative.GapReference;
import org.pdcaledger.kernel.initiative.InitiativeStage;
import org.pdcaledger.kernel.initiative.InitiativeSummary;

/**
 * The filters of the initiative list; a {@code null} (or empty) filter does not restrict.
 *
 * @param unit      only initiatives of this unit (and, with {@code subtree}, of the units below it)
 * @param framework only initiatives addressing a gap of this framework
 * @param indicator only initiatives addressing a gap on this indicator (of {@code framework}, when given)
 * @param owner     only initiatives owned by this user
 * @param overdue   only initiatives with (or, when {@code false}, without) an overdue action
 * @param stalled   only stalled (or, when {@code false}, not stalled) initiatives
 */
record InitiativeFilter(
        String unit,
        boolean subtree,
        Set<InitiativeStage> stages,
        String framework,
        String indicator,
        String owner,
        Boolean overdue,
        Boolean stalled) {

    /** Whether a unit's synopsis can rule it out: stages asked for, or only overdue or only stalled ones. */
    boolean narrowsBySynopsis() {
        return (stages != null && !stages.isEmpty()) || Boolean.TRUE.equals(overdue) || Boolean.TRUE.equals(stalled);
    }

    /** Whether a flagged summary passes every filter but the unit's. */
    boolean matches(InitiativeSummary summary) {
        if (stages != null && !stages.isEmpty() && !stages.contains(summary.stage())) {
            return false;
        }
        if ((framework != null || indicator != null) && summary.gaps().stream().noneMatch(this::matchesGap)) {
            return false;
        }
        if (owner != null && !owner.equals(summary.owner())) {
            return false;
        }
        if (overdue != null && overdue != summary.flags().overdue()) {
            return false;
        }
        return stalled == null || stalled == summary.flags().stalled();
    }

    private boolean matchesGap(GapReference gap) {
        return (framework == null || framework.equals(gap.frameworkCode()))
                && (indicator == null || indicator.equals(gap.indicatorCode()));
    }
}
