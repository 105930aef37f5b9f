package org.pdcaledger.kernel.assessment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Start assessing a unit against one published version of a framework, for a period.
 *
 * @param assessmentId     chosen by the caller so a retried request cannot start two assessments
 * @param frameworkVersion the exact version rated against; the assessment keeps it even after newer ones appear
 */
public record StartAssessmentCommand(
        @TargetAggregateIdentifier String assessmentId,
        String unitId,
        String frameworkCode,
        int frameworkVersion,
        AssessmentPeriod period,
        AssessmentKind kind) {
}
