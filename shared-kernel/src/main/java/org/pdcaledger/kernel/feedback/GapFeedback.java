package org.pdcaledger.kernel.feedback;

/**
 * The feedback on one gap's indicator in one unit: the key (unit, framework, indicator) is the gap board's, so the
 * board can put the citizens' voice on each card and sort the gaps with many complaints to the top.
 */
public record GapFeedback(
        String unitId,
        String frameworkCode,
        String indicatorCode,
        FeedbackFigures figures) {
}
