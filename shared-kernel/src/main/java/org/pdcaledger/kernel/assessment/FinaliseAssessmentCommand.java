package org.pdcaledger.kernel.assessment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Accept a submitted assessment as the record of the unit's maturity. Four eyes: whoever submitted it cannot
 * finalise it.
 */
public record FinaliseAssessmentCommand(
        @TargetAggregateIdentifier String assessmentId,
        @TargetAggregateVersion Long expectedVersion) {
}
