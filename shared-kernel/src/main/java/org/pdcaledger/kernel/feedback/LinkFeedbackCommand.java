package org.pdcaledger.kernel.feedback;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Name an improvement initiative that this feedback item triggered (or helped trigger). The initiative must exist
 * and belong to the item's unit, a unit above it or a unit below it.
 */
public record LinkFeedbackCommand(
        @TargetAggregateIdentifier String feedbackId,
        String initiativeId,
        @TargetAggregateVersion Long expectedVersion) {
}
