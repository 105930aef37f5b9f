package org.pdcaledger.kernel.feedback;

import java.util.Map;

/**
 * Counts of feedback over some units and time: every item, the complaints among them, and the average satisfaction
 * of the items that carry a score ({@code null} when none does).
 *
 * @param byChannel the items per channel; channels without items are left out
 */
public record FeedbackFigures(
        int items,
        int complaints,
        int scored,
        Double averageSatisfaction,
        Map<FeedbackChannel, Integer> byChannel) {
}
