package org.pdcaledger.kernel.initiative;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Change what an open action of the current cycle is, who owns it or when it is due, while the cycle is being
 * planned (a carried-over action usually needs a new due date).
 *
 * @param action the action's id and its new description, owner and due date
 */
public record ReplanActionCommand(
        @TargetAggregateIdentifier String initiativeId,
        PlannedAction action,
        @TargetAggregateVersion Long expectedVersion) {
}
