package org.pdcaledger.kernel.feedback;

import org.axonframework.serialization.Revision;

/**
 * A feedback item was named as a trigger of an improvement initiative.
 */
@Revision("1")
public record FeedbackLinkedEvent(
        String feedbackId,
        String unitId,
        String initiativeId) {
}
