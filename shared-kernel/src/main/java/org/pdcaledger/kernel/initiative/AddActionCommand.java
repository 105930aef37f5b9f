package org.pdcaledger.kernel.initiative;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Add one action to the current cycle while it is being planned.
 */
public record AddActionCommand(
        @TargetAggregateIdentifier String initiativeId,
        PlannedAction action,
        @TargetAggregateVersion Long expectedVersion) {
}
