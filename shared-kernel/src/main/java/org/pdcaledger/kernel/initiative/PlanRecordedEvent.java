package org.pdcaledger.kernel.initiative;

import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * The plan of a cycle was recorded or revised while planning; {@code actions} are the actions it added.
 */
@Revision("1")
public record PlanRecordedEvent(
        String initiativeId,
        int cycle,
        String objective,
        String hypothesis,
        String successCriterion,
        List<PlannedAction> actions) implements InitiativeEvent {
}
