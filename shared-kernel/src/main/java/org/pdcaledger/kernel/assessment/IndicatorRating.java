package org.pdcaledger.kernel.assessment;

/**
 * How a unit stands on one indicator: where it is, where it means to be, and on what grounds.
 *
 * @param currentLevel 1 to 5, as the framework version's level descriptors define them
 * @param targetLevel  1 to 5, not below the current level; above it, the indicator is an open gap
 * @param evidence     what the rating rests on (documents, figures, observations)
 * @param note         optional remark of the assessor
 */
public record IndicatorRating(
        String indicatorCode,
        int currentLevel,
        int targetLevel,
        String evidence,
        String note) {

    /** How many levels the unit is short of its target; 0 when there is no gap. */
    public int gapSize() {
        return Math.max(0, targetLevel - currentLevel);
    }
}
