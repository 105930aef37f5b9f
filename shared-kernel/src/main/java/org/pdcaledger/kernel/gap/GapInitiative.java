package org.pdcaledger.kernel.gap;

/**
 * An initiative working on a gap, as a card on the gap board shows it. Initiatives link to gaps by
 * (framework, indicator) within their unit.
 *
 * @param stage     one of the four management-chain columns (never {@link BoardColumn#NO_INITIATIVE_YET})
 * @param completed {@code true} once the initiative was standardised: it stays in
 *                  {@link BoardColumn#CONTINUOUS_IMPROVEMENT}, done, until an assessment closes the gap (an
 *                  abandoned initiative leaves the board, so the gap shows again that nobody works on it)
 */
public record GapInitiative(String initiativeId, String title, BoardColumn stage, boolean completed) {

    /** An initiative still at work in {@code stage}. */
    public GapInitiative(String initiativeId, String title, BoardColumn stage) {
        this(initiativeId, title, stage, false);
    }
}
