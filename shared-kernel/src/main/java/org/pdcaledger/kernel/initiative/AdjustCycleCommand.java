package org.pdcaledger.kernel.initiative;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Act on a checked cycle by adjusting: a new cycle starts in Plan, carrying the open actions the team picks.
 * Open actions not picked end with the cycle.
 *
 * @param carriedActionIds open actions of the checked cycle to carry into the next one; may be empty
 * @param reason           what the team changes in its approach; optional
 */
public record AdjustCycleCommand(
        @TargetAggregateIdentifier String initiativeId,
        List<String> carriedActionIds,
        String reason,
        @TargetAggregateVersion Long expectedVersion) {
}
