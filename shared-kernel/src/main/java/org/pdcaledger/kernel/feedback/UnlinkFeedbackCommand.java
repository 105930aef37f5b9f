package org.pdcaledger.kernel.feedback;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Take back a link between a feedback item and an initiative that was made by mistake, with the reason.
 */
public record UnlinkFeedbackCommand(
        @TargetAggregateIdentifier String feedbackId,
        String initiativeId,
        String reason,
        @TargetAggregateVersion Long expectedVersion) {
}
