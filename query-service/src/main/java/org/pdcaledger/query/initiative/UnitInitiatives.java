package org.pdcaledger.query.initiative;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.pdcaledger.kernel.initiative.InitiativeStage;
import org.pdcaledger.kernel.initiative.InitiativeSummary;

/**
 * The list entries of one unit's own initiatives (not its subtree's), in launch order, keyed by the unit id, with
 * the unit's path (so that scope checks on a list need no further look-up) and a synopsis of the entries that lets
 * a filtered list skip the unit after reading only a few fields:
 *
 * @param stages           the stages its initiatives are in
 * @param earliestOpenDue  the earliest due date of an open action of an active initiative, or {@code null}
 * @param earliestActivity the oldest last-event time of an active initiative, or {@code null}
 */
record UnitInitiatives(
        String unitId,
        List<String> unitPath,
        List<InitiativeStage> stages,
        LocalDate earliestOpenDue,
        Instant earliestActivity,
        List<InitiativeSummary> initiatives) {

    static UnitInitiatives of(String unitId, List<String> unitPath, List<InitiativeSummary> initiatives) {
        List<InitiativeSummary> active = initiatives.stream().filter(i -> !i.stage().isClosed()).toList();
        return new UnitInitiatives(unitId, unitPath,
                initiatives.stream().map(InitiativeSummary::stage).distinct().sorted().toList(),
                active.stream().flatMap(i -> i.openActionDueDates().stream()).min(LocalDate::compareTo).orElse(null),
                active.stream().map(InitiativeSummary::lastActivityAt).filter(Objects::nonNull)
                        .min(Instant::compareTo).orElse(null),
                List.copyOf(initiatives));
    }
}
