package org.pdcaledger.kernel.assessment;

/**
 * The evaluation cadence an assessment belongs to (seed 003: 月总结、季测评、年度考核 — monthly summary,
 * quarterly review, annual appraisal).
 */
public enum PeriodType {
    /** Written {@code 2026-05}. */
    MONTH,
    /** Written {@code 2026-Q2}. */
    QUARTER,
    /** Written {@code 2026}. */
    YEAR
}
