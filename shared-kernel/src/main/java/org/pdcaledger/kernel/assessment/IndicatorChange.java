package org.pdcaledger.kernel.assessment;

/**
 * One indicator in a comparison: its current level before and now ({@code null} where it was not rated).
 */
public record IndicatorChange(
        String indicatorCode,
        Integer previousLevel,
        Integer currentLevel,
        ChangeDirection direction) {
}
