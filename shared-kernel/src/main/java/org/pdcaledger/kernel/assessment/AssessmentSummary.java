package org.pdcaledger.kernel.assessment;

import java.time.Instant;

/**
 * One line of a unit's assessment list.
 *
 * @param current whether this finalised assessment currently stands for the unit and framework
 */
public record AssessmentSummary(
        String assessmentId,
        String unitId,
        String frameworkCode,
        int frameworkVersion,
        AssessmentPeriod period,
        AssessmentKind kind,
        AssessmentStatus status,
        Instant startedAt,
        Instant finalisedAt,
        boolean current) {
}
