package org.pdcaledger.kernel.initiative;

import org.axonframework.serialization.Revision;

/**
 * An action was added to a cycle's plan.
 */
@Revision("1")
public record ActionAddedEvent(
        String initiativeId,
        int cycle,
        PlannedAction action) implements InitiativeEvent {
}
