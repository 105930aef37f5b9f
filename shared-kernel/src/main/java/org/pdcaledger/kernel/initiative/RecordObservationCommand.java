package org.pdcaledger.kernel.initiative;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Log something the team noticed while carrying out the plan (resources used, obstacles, side effects), during Do.
 */
public record RecordObservationCommand(
        @TargetAggregateIdentifier String initiativeId,
        String text,
        @TargetAggregateVersion Long expectedVersion) {
}
