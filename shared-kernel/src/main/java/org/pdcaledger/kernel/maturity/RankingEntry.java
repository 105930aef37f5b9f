package org.pdcaledger.kernel.maturity;

import org.pdcaledger.kernel.common.LocalizedName;

/**
 * One unit in a ranking.
 *
 * @param rank          1 = highest index; {@code null} for a unit without an index (listed last)
 * @param changeRank    1 = largest improvement since the previous period; {@code null} without a change
 * @param previousIndex the roll-up index as of the previous period's last day
 * @param change        {@code index − previousIndex}, {@code null} when either is missing
 */
public record RankingEntry(
        Integer rank,
        Integer changeRank,
        String unitId,
        String unitCode,
        LocalizedName unitName,
        Double index,
        Double previousIndex,
        Double change) {
}
