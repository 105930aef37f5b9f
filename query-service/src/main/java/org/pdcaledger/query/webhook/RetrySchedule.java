package org.pdcaledger.query.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try a failing delivery again. A small schedule of its own rather than Spring Retry or Resilience4j: those
 * retry a call in-process (sleeping on the calling thread) and forget everything at a restart, whereas a webhook
 * retry must be a row in MongoDB (the next attempt time), survive restarts and move between instances, and keep the
 * subscription's events in order while it waits. So the dispatcher stores {@link #next} and polls.
 */
public class RetrySchedule {

    private final WebhookProperties.Retry settings;
    private final DoubleSupplier random;

    public RetrySchedule(WebhookProperties.Retry settings, DoubleSupplier random) {
        this.settings = settings;
        this.random = random;
    }

    /** The base delay before retry number {@code failures} (1 for the first retry), before jitter. */
    public Duration baseDelay(int failures) {
        double millis = settings.initialDelay().toMillis() * Math.pow(settings.multiplier(), Math.max(0, failures - 1));
        return millis >= settings.maxDelay().toMillis() ? settings.maxDelay() : Duration.ofMillis((long) millis);
    }

    /**
     * The time of the next attempt after {@code failures} failed attempts, the first of them at {@code firstFailure};
     * empty when the deliveries have failed for longer than {@code giveUpAfter}.
     */
    public Optional<Instant> next(int failures, Instant firstFailure, Instant now) {
        if (!now.isBefore(firstFailure.plus(settings.giveUpAfter()))) {
            return Optional.empty();
        }
        long base = baseDelay(failures).toMillis();
        double spread = 1 + settings.jitter() * (2 * random.getAsDouble() - 1);
        return Optional.of(now.plusMillis(Math.max(1, Math.round(base * spread))));
    }
}
