package org.pdcaledger.query.gap;

/**
 * A gap that was closed: by an assessment rating the indicator at or above target, or by one that no longer rates
 * the indicator (a newer framework version dropped it).
 */
record ClosedGap(String gapId, String indicatorCode, String openedByAssessmentId, String closedByAssessmentId) {
}
