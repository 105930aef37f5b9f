package org.pdcaledger.query.maturity;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A unit's own improvement work as everything recorded so far says: its tally (what its subtree digests add up),
 * its open gaps per framework (with the framework version of the assessment they come from), its active initiatives
 * (for stalled and overdue work, judged against the date when read) and the latest business date of anything it is
 * built from.
 */
record UnitWork(
        String unitId,
        WorkTally tally,
        Map<String, List<LevelFact>> openGaps,
        Map<String, Integer> gapVersions,
        List<InitiativeStatus> active,
        LocalDate latestBusinessDate) {

    UnitWork {
        tally = tally == null ? WorkTally.EMPTY : tally;
        openGaps = openGaps == null ? Map.of() : openGaps;
        gapVersions = gapVersions == null ? Map.of() : gapVersions;
        active = active == null ? List.of() : List.copyOf(active);
    }

    static UnitWork empty(String unitId) {
        return new UnitWork(unitId, WorkTally.EMPTY, Map.of(), Map.of(), List.of(), null);
    }
}
