package org.pdcaledger.kernel.initiative;

import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * A checked cycle was adjusted: cycle {@code nextCycle} starts in Plan with the {@code carriedActions} (ids kept),
 * and the other open actions of {@code cycle} end with it.
 */
@Revision("1")
public record CycleAdjustedEvent(
        String initiativeId,
        int cycle,
        int nextCycle,
        List<PlannedAction> carriedActions,
        String reason) implements InitiativeEvent {
}
