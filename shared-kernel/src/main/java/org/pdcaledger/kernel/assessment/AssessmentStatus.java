package org.pdcaledger.kernel.assessment;

/**
 * Where an assessment is in its life: ratings are entered in {@link #DRAFT}, frozen in {@link #SUBMITTED} until a
 * second assessor finalises it, and only {@link #FINALISED} assessments count for maturity and gaps.
 */
public enum AssessmentStatus {
    DRAFT,
    SUBMITTED,
    FINALISED
}
