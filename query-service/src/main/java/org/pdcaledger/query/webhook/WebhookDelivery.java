package org.pdcaledger.query.webhook;

import java.time.Instant;
import java.util.List;

/**
 * One event on its way to one subscription, with every attempt made. Its id is derived from the event's position,
 * so creating it twice (after a crash between two writes) yields the same delivery.
 *
 * @param status          {@code pending} (will be attempted at {@code nextAttemptAt}), {@code delivered} (a 2xx
 *                        answer) or {@code failed} (410, or failures for longer than the retry schedule allows)
 * @param firstFailureAt  when the current run of failures began; the retry schedule gives up relative to it
 * @param recentAttempts  the latest attempts, newest last (at most {@value #KEPT_ATTEMPTS})
 */
public record WebhookDelivery(
        String deliveryId,
        String subscriptionId,
        String eventId,
        String eventType,
        long position,
        String status,
        int attempts,
        Integer lastResponseCode,
        Long lastLatencyMillis,
        String lastError,
        Instant createdAt,
        Instant firstFailureAt,
        Instant lastAttemptAt,
        Instant nextAttemptAt,
        Instant deliveredAt,
        List<Attempt> recentAttempts) {

    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";
    static final int KEPT_ATTEMPTS = 20;

    public WebhookDelivery {
        recentAttempts = recentAttempts == null ? List.of() : List.copyOf(recentAttempts);
    }

    public static String idFor(long position) {
        return "dlv-" + position;
    }

    /** One attempt. {@code responseCode} is {@code null} when no answer came (refused, timed out, unreachable). */
    public record Attempt(Instant at, Integer responseCode, long latencyMillis, String error, boolean manual) {
    }

    WebhookDelivery attempted(Attempt attempt, String newStatus, Instant firstFailure, Instant next,
            Instant delivered) {
        List<Attempt> log = new java.util.ArrayList<>(recentAttempts);
        log.add(attempt);
        if (log.size() > KEPT_ATTEMPTS) {
            log = log.subList(log.size() - KEPT_ATTEMPTS, log.size());
        }
        return new WebhookDelivery(deliveryId, subscriptionId, eventId, eventType, position, newStatus, attempts + 1,
                attempt.responseCode(), attempt.latencyMillis(), attempt.error(), createdAt, firstFailure,
                attempt.at(), next, delivered, log);
    }

    WebhookDelivery rescheduled(Instant next, Instant firstFailure) {
        return new WebhookDelivery(deliveryId, subscriptionId, eventId, eventType, position, PENDING, attempts,
                lastResponseCode, lastLatencyMillis, lastError, createdAt, firstFailure, lastAttemptAt, next,
                deliveredAt, recentAttempts);
    }
}
