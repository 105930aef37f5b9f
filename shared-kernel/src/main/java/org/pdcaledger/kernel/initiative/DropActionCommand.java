package org.pdcaledger.kernel.initiative;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Take an open action out of the current cycle's plan while it is being planned. The action stays in the history.
 *
 * @param reason why it was dropped; optional
 */
public record DropActionCommand(
        @TargetAggregateIdentifier String initiativeId,
        String actionId,
        String reason,
        @TargetAggregateVersion Long expectedVersion) {
}
