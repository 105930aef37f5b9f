package org.pdcaledger.kernel.feedback;

/**
 * The figures of one unit's own feedback (not its subtree's) over a summary's range.
 */
public record UnitFeedback(String unitId, FeedbackFigures figures) {
}
