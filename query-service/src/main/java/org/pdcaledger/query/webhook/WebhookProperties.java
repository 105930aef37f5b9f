package org.pdcaledger.query.webhook;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of webhook delivery.
 *
 * @param allowedHosts      targets an administrator allows although they are not public: CIDR blocks
 *                          ({@code 10.20.0.0/16}), single addresses, or exact host names; everything else that
 *                          resolves to a loopback, link-local, private or reserved address is refused
 * @param pollInterval      how often the dispatcher looks for work
 * @param lease             how long an instance holds a subscription without renewing; another instance takes the
 *                          subscription over after that (also after a crash)
 * @param threads           subscriptions delivered at the same time by one instance
 * @param connectTimeout    connect timeout of a delivery
 * @param readTimeout       the longest a receiver may take to answer (and between bytes of the answer)
 * @param maxResponseBytes  how much of a receiver's answer is read; the rest is dropped with the connection
 * @param maxEventsPerTurn  events one subscription delivers before the dispatcher turns to the others
 * @param maxPerOwner       subscriptions one integrator may register
 * @param encryptionKey     base64 AES-256 key that encrypts the signing secrets at rest ({@code
 *                          PDCA_WEBHOOK_ENCRYPTION_KEY}); without it a generated key is kept in the read store
 * @param retry             the retry schedule of a failing delivery
 */
@ConfigurationProperties("pdca.webhooks")
public record WebhookProperties(
        List<String> allowedHosts,
        Duration pollInterval,
        Duration lease,
        Integer threads,
        Duration connectTimeout,
        Duration readTimeout,
        Integer maxResponseBytes,
        Integer maxEventsPerTurn,
        Integer maxPerOwner,
        String encryptionKey,
        Retry retry) {

    public WebhookProperties {
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        lease = lease == null ? Duration.ofSeconds(30) : lease;
        threads = threads == null ? 4 : threads;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
        maxResponseBytes = maxResponseBytes == null ? 4096 : maxResponseBytes;
        maxEventsPerTurn = maxEventsPerTurn == null ? 100 : maxEventsPerTurn;
        maxPerOwner = maxPerOwner == null ? 20 : maxPerOwner;
        retry = retry == null ? new Retry(null, null, null, null, null) : retry;
    }

    /**
     * Exponential back-off with jitter: the n-th retry waits {@code initialDelay * multiplier^(n-1)}, at most
     * {@code maxDelay}, each spread by ±{@code jitter}; after {@code giveUpAfter} of failures the subscription is
     * disabled (its position stays, so nothing is lost; re-enabling continues from the failed event).
     */
    public record Retry(Duration initialDelay, Double multiplier, Duration maxDelay, Double jitter,
            Duration giveUpAfter) {

        public Retry {
            initialDelay = initialDelay == null ? Duration.ofSeconds(10) : initialDelay;
            multiplier = multiplier == null ? 3.0 : multiplier;
            maxDelay = maxDelay == null ? Duration.ofHours(4) : maxDelay;
            jitter = jitter == null ? 0.2 : jitter;
            giveUpAfter = giveUpAfter == null ? Duration.ofDays(3) : giveUpAfter;
        }
    }
}
