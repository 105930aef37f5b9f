package org.pdcaledger.kernel.initiative;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Mark an open action of the current cycle done, during Do.
 *
 * @param note what was done, for the record; optional
 */
public record CompleteActionCommand(
        @TargetAggregateIdentifier String initiativeId,
        String actionId,
        String note,
        @TargetAggregateVersion Long expectedVersion) {
}
