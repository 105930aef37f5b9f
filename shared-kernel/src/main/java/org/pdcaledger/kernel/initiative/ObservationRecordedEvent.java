package org.pdcaledger.kernel.initiative;

import org.axonframework.serialization.Revision;

/**
 * The team logged an observation while carrying out a cycle's plan.
 */
@Revision("1")
public record ObservationRecordedEvent(
        String initiativeId,
        int cycle,
        String text) implements InitiativeEvent {
}
