package org.pdcaledger.kernel.initiative;

/**
 * Warnings on an active initiative, computed when the view is read (from stored due dates and the time of the last
 * event), so they appear as days pass, not only when something is recorded.
 *
 * @param overdue        at least one open action of the current cycle is past its due date
 * @param overdueActions how many are
 * @param stalled        no event for longer than the configured period ({@code pdca.initiatives.stalled-after})
 */
public record InitiativeFlags(boolean overdue, int overdueActions, boolean stalled) {

    public static final InitiativeFlags NONE = new InitiativeFlags(false, 0, false);
}
