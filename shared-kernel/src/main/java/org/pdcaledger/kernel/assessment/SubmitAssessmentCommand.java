package org.pdcaledger.kernel.assessment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Hand a fully rated assessment over for review; its ratings are frozen from here on.
 */
public record SubmitAssessmentCommand(
        @TargetAggregateIdentifier String assessmentId,
        @TargetAggregateVersion Long expectedVersion) {
}
