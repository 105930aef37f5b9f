package org.pdcaledger.query.maturity;

/**
 * Which unit an initiative belongs to, so its later events (which name only the initiative) find the unit's ledger.
 */
record InitiativeHome(String initiativeId, String unitId) {
}
