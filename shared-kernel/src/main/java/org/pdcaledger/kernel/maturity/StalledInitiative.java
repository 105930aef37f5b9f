package org.pdcaledger.kernel.maturity;

import java.time.LocalDate;

import org.pdcaledger.kernel.initiative.InitiativeStage;

/**
 * An active initiative that has not moved for a while.
 *
 * @param idleDays days from its last event to the as-of date
 */
public record StalledInitiative(
        String initiativeId,
        String unitId,
        String title,
        InitiativeStage stage,
        LocalDate lastActivityOn,
        long idleDays) {
}
