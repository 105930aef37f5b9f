package org.pdcaledger.kernel.initiative;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Move the current cycle from Plan to Do (执行): the plan is settled and the team starts carrying it out.
 */
public record StartExecutionCommand(
        @TargetAggregateIdentifier String initiativeId,
        @TargetAggregateVersion Long expectedVersion) {
}
