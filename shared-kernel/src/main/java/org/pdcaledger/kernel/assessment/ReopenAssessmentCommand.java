package org.pdcaledger.kernel.assessment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Send a submitted or finalised assessment back to draft, with the reason on record (a reviewer disagrees with a
 * rating, evidence turned out wrong). A reopened assessment stops counting until it is finalised again.
 */
public record ReopenAssessmentCommand(
        @TargetAggregateIdentifier String assessmentId,
        String reason,
        @TargetAggregateVersion Long expectedVersion) {
}
