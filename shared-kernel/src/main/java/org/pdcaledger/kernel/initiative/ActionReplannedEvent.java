package org.pdcaledger.kernel.initiative;

import org.axonframework.serialization.Revision;

/**
 * An open action of a cycle was given a new description, owner or due date while planning.
 */
@Revision("1")
public record ActionReplannedEvent(
        String initiativeId,
        int cycle,
        PlannedAction action) implements InitiativeEvent {
}
