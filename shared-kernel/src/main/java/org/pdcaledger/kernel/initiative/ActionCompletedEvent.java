package org.pdcaledger.kernel.initiative;

import org.axonframework.serialization.Revision;

/**
 * An action of a cycle was carried out. {@code note} may be {@code null}.
 */
@Revision("1")
public record ActionCompletedEvent(
        String initiativeId,
        int cycle,
        String actionId,
        String note) implements InitiativeEvent {
}
