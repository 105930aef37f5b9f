package org.pdcaledger.kernel.initiative;

import org.axonframework.serialization.Revision;

/**
 * The initiative was stopped after a checked cycle.
 */
@Revision("1")
public record InitiativeAbandonedEvent(
        String initiativeId,
        int cycle,
        String reason) implements InitiativeEvent {
}
