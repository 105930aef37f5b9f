package org.pdcaledger.kernel.maturity;

import java.time.LocalDate;
import java.util.List;

/**
 * The initiatives of a unit's contributing subtree as of a date, by unit code then launch.
 */
public record InitiativeList(String unitId, LocalDate asOf, List<InitiativeRow> initiatives) {
}
