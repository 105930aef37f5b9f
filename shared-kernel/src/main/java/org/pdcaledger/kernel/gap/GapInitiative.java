package org.pdcaledger.kernel.gap;

/**
 * An initiative working on a gap, as a card on the gap board shows it. Initiatives link to gaps by
 * (framework, indicator) within their unit.
 *
 * @param stage one of the four management-chain columns (never {@link BoardColumn#NO_INITIATIVE_YET})
 */
public record GapInitiative(String initiativeId, String title, BoardColumn stage) {
}
