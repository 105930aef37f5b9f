package org.pdcaledger.kernel.feedback;

import org.axonframework.serialization.Revision;

/**
 * A link between a feedback item and an initiative was taken back.
 */
@Revision("1")
public record FeedbackUnlinkedEvent(
        String feedbackId,
        String unitId,
        String initiativeId,
        String reason) {
}
