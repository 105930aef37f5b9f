package org.pdcaledger.command.feedback;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.pdcaledger.kernel.feedback.FeedbackChannel;

/**
 * Feedback ids derive from the channel and the source system's id, so that the event store itself refuses a second
 * item for the same hotline work order: its first event would collide on (aggregate id, sequence 0).
 */
final class FeedbackIds {

    private FeedbackIds() {
    }

    static String of(FeedbackChannel channel, String externalId) {
        String identity = "feedback|" + channel.name() + "|" + externalId.strip();
        return "fb-" + UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8));
    }
}
