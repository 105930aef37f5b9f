package org.pdcaledger.query.gap;

import org.pdcaledger.kernel.gap.GapInitiative;

/**
 * An initiative linked to an indicator of a unit's framework; it sits on the open gap of that indicator.
 */
record LinkedInitiative(String indicatorCode, GapInitiative initiative) {
}
