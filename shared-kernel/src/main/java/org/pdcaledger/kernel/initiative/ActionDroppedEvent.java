package org.pdcaledger.kernel.initiative;

import org.axonframework.serialization.Revision;

/**
 * An open action was taken out of a cycle's plan while planning. {@code reason} may be {@code null}.
 */
@Revision("1")
public record ActionDroppedEvent(
        String initiativeId,
        int cycle,
        String actionId,
        String reason) implements InitiativeEvent {
}
