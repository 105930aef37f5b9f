package org.pdcaledger.kernel.initiative;

import org.axonframework.serialization.Revision;

/**
 * The change of a checked cycle was adopted as the standard; the initiative is completed.
 */
@Revision("1")
public record InitiativeStandardisedEvent(
        String initiativeId,
        int cycle,
        String standardised,
        String documentReference) implements InitiativeEvent {
}
