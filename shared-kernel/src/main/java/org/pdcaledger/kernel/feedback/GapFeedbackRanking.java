package org.pdcaledger.kernel.feedback;

import java.util.List;

/**
 * Feedback per (unit, framework, indicator) over a range of months, most complaints first (then most items, then
 * lowest satisfaction): the order in which the gaps most felt by citizens rise to the top of the board.
 */
public record GapFeedbackRanking(
        String unitId,
        String frameworkCode,
        boolean subtree,
        String from,
        String to,
        List<GapFeedback> gaps) {
}
