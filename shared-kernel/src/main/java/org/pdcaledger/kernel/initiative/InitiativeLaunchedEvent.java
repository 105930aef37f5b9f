package org.pdcaledger.kernel.initiative;

import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * An improvement initiative was launched for a unit; its first cycle is in Plan.
 */
@Revision("1")
public record InitiativeLaunchedEvent(
        String initiativeId,
        String unitId,
        String title,
        String problemStatement,
        String owner,
        List<String> team,
        List<GapReference> gaps,
        Metric metric) implements InitiativeEvent {

    @Override
    public int cycle() {
        return 1;
    }
}
