package org.pdcaledger.kernel.initiative;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Launch an improvement initiative for a unit: the problem it addresses, who leads it, the assessment gaps it
 * closes and the metric that will show whether it worked. The first cycle starts in Plan.
 *
 * @param initiativeId the new initiative's id, chosen by the server ({@code i-UUID})
 * @param owner        the user name of the person accountable for the initiative (凡事有人负责)
 * @param team         the user names of the improvement team; may be empty
 * @param gaps         the framework indicators it addresses; zero or more, no duplicates
 */
public record LaunchInitiativeCommand(
        @TargetAggregateIdentifier String initiativeId,
        String unitId,
        String title,
        String problemStatement,
        String owner,
        List<String> team,
        List<GapReference> gaps,
        Metric metric) {
}
