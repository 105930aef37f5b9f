package org.pdcaledger.kernel.initiative;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Act on a checked cycle by stopping the initiative. A reason is required: an abandoned initiative must say why.
 */
public record AbandonInitiativeCommand(
        @TargetAggregateIdentifier String initiativeId,
        String reason,
        @TargetAggregateVersion Long expectedVersion) {
}
