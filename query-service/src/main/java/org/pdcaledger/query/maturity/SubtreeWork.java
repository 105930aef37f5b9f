package org.pdcaledger.query.maturity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The work tallies of a unit's subtree by depth below it (index 0: the unit itself), as everything recorded so far
 * says, and the latest business date any of it carries: a view as of that date or later can use the tallies as
 * they are.
 */
record SubtreeWork(String unitId, List<WorkTally> byDepth, LocalDate latestBusinessDate) {

    SubtreeWork {
        byDepth = byDepth == null ? List.of() : List.copyOf(byDepth);
    }

    WorkTally at(int depth) {
        return depth < byDepth.size() ? byDepth.get(depth) : WorkTally.EMPTY;
    }

    /** Adds {@code sign ×} the tallies of {@code other} (depth j) at depth {@code offset + j}, up to {@code max}. */
    SubtreeWork plus(List<WorkTally> other, int offset, int sign, int max, LocalDate latest) {
        List<WorkTally> sum = new ArrayList<>(byDepth);
        for (int j = 0; j < other.size() && offset + j <= max; j++) {
            while (sum.size() <= offset + j) {
                sum.add(WorkTally.EMPTY);
            }
            sum.set(offset + j, sum.get(offset + j).plus(other.get(j), sign));
        }
        while (!sum.isEmpty() && sum.get(sum.size() - 1).isEmpty()) {
            sum.remove(sum.size() - 1);
        }
        LocalDate newest = latestBusinessDate == null || latest != null && latest.isAfter(latestBusinessDate)
                ? latest : latestBusinessDate;
        return new SubtreeWork(unitId, sum, newest);
    }
}
