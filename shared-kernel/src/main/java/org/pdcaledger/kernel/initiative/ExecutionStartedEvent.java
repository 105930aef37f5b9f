package org.pdcaledger.kernel.initiative;

import org.axonframework.serialization.Revision;

/**
 * A cycle moved from Plan to Do: the team started carrying out its plan.
 */
@Revision("1")
public record ExecutionStartedEvent(String initiativeId, int cycle) implements InitiativeEvent {
}
