package org.pdcaledger.kernel.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One feedback item as its page shows it: what came in (text masked), on which indicators, and the initiatives it
 * triggered.
 *
 * @param recordedBy the display name of the colleague or integrator client that recorded it (never the citizen)
 */
public record FeedbackItem(
        String feedbackId,
        String unitId,
        FeedbackChannel channel,
        String externalId,
        LocalDate receivedOn,
        FeedbackKind kind,
        String category,
        String text,
        Integer satisfaction,
        List<FeedbackIndicator> indicators,
        String importId,
        Instant recordedAt,
        String recordedBy,
        List<String> initiativeIds) {
}
