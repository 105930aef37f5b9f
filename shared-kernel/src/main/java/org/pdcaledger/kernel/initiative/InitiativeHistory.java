package org.pdcaledger.kernel.initiative;

import java.util.List;

/**
 * The full history of an initiative, oldest first.
 */
public record InitiativeHistory(String initiativeId, String unitId, List<HistoryEntry> entries) {
}
