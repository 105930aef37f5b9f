package org.pdcaledger.kernel.feedback;

/**
 * The figures of one month ({@code 2026-03}) or quarter ({@code 2026-Q1}).
 */
public record FeedbackPeriod(String period, FeedbackFigures figures) {
}
