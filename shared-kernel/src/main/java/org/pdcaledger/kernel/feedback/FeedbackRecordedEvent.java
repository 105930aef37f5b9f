package org.pdcaledger.kernel.feedback;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * A piece of citizen feedback was recorded for a unit. Carries only the masked text and never who called: the
 * caller's name, phone or ID number are not facts the improvement work needs, and an event is kept for ever.
 */
@Revision("1")
public record FeedbackRecordedEvent(
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
        String importId) {
}
