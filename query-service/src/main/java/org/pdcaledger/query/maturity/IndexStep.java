package org.pdcaledger.query.maturity;

import java.time.LocalDate;
import java.util.Map;

/**
 * From business date {@code from} on (until the next step), a unit's own index and dimension indexes (unrounded),
 * as everything recorded so far says.
 */
record IndexStep(LocalDate from, double index, Map<String, Double> dimensions) {
}
