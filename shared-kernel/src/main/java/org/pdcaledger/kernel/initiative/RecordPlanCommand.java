package org.pdcaledger.kernel.initiative;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Record (or, while still planning, revise) the current cycle's plan (规划): objective, hypothesis, success
 * criterion, and any actions to add to the cycle. Actions already planned stay; they are changed one by one with
 * {@link ReplanActionCommand} and {@link DropActionCommand}.
 *
 * @param actions         actions to add, with ids chosen by the server; may be empty when revising the text
 * @param expectedVersion the initiative version the caller saw; a stale version is refused
 */
public record RecordPlanCommand(
        @TargetAggregateIdentifier String initiativeId,
        String objective,
        String hypothesis,
        String successCriterion,
        List<PlannedAction> actions,
        @TargetAggregateVersion Long expectedVersion) {
}
