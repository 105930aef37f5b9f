package org.pdcaledger.query.webhook;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.pdcaledger.kernel.access.Grant;
import org.pdcaledger.query.feed.CloudEventEnvelope;
import org.pdcaledger.query.feed.EventFeed;
import org.pdcaledger.query.feed.FeedEntry;
import org.pdcaledger.query.feed.FeedPage;
import org.pdcaledger.query.feed.FeedQuery;
import org.pdcaledger.support.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Delivers each active subscription's events, one at a time and in global order, from the subscription's stored
 * position. The event after the position becomes the pending delivery; nothing later goes out until it has been
 * answered with 2xx, so a receiver that is down for an hour receives everything, in order, once it is back.
 * A 410 answer disables the subscription; any other answer, a timeout or a refused connection is retried on the
 * {@link RetrySchedule}. Positions, pending deliveries and their next attempt times are in MongoDB, so a restart
 * continues where it stopped; several instances share the work by leasing subscriptions in MongoDB, and a lease
 * that is not renewed (a crashed instance) is taken over.
 * <p>
 * Delivery is at least once: an instance can crash after the receiver accepted an event and before the position
 * moved, and a timed-out attempt may have reached the receiver. A repeat carries the same {@code webhook-id}.
 */
public class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookStore store;
    private final EventFeed feed;
    private final CloudEventEnvelope envelope;
    private final WebhookSecrets secrets;
    private final WebhookSender sender;
    private final RetrySchedule schedule;
    private final WebhookProperties properties;
    private final Clock clock;
    private final String instance = "dispatcher-" + UUID.randomUUID();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService ticker;
    private ExecutorService workers;
    private volatile boolean running;

    public WebhookDispatcher(WebhookStore store, EventFeed feed, CloudEventEnvelope envelope, WebhookSecrets secrets,
            WebhookSender sender, RetrySchedule schedule, WebhookProperties properties, Clock clock) {
        this.store = store;
        this.feed = feed;
        this.envelope = envelope;
        this.secrets = secrets;
        this.sender = sender;
        this.schedule = schedule;
        this.properties = properties;
        this.clock = clock;
    }

    public String instance() {
        return instance;
    }

    /** One round: claim every active subscription this instance can lease and let a worker deliver it. */
    void tick() {
        if (!running) {
            return;
        }
        try {
            for (String id : store.activeIds()) {
                if (inFlight.contains(id)) {
                    continue;
                }
                Instant now = clock.instant();
                if (!store.claim(id, instance, now, now.plus(properties.lease()))) {
                    continue;
                }
                inFlight.add(id);
                workers.execute(() -> {
                    try {
                        deliver(id);
                    } catch (RuntimeException e) {
                        log.warn("webhook subscription {}: delivery round failed: {}", id, e.toString());
                    } finally {
                        inFlight.remove(id);
                    }
                });
            }
        } catch (RuntimeException e) {
            log.warn("webhook dispatcher round failed: {}", e.toString());
        }
    }

    /** Delivers what is due for one subscription whose lease this instance holds. */
    void deliver(String id) {
        for (int sent = 0; sent < properties.maxEventsPerTurn() && running; sent++) {
            Optional<WebhookSubscription> found = store.find(id);
            if (found.isEmpty() || !found.get().active()) {
                return;
            }
            WebhookSubscription subscription = found.get();
            Instant now = clock.instant();
            if (!store.claim(id, instance, now, now.plus(properties.lease()))) {
                return;
            }
            WebhookDelivery pending = subscription.pendingDelivery() == null ? null
                    : store.findDelivery(id, subscription.pendingDelivery()).orElse(null);
            if (pending == null) {
                pending = nextDelivery(subscription, now);
                if (pending == null) {
                    return;
                }
            }
            if (pending.nextAttemptAt() != null && pending.nextAttemptAt().isAfter(now)) {
                return;
            }
            if (!attempt(subscription, pending)) {
                return;
            }
        }
    }

    /** Finds the next event for the subscription and makes it the pending delivery; null when there is none. */
    private WebhookDelivery nextDelivery(WebhookSubscription subscription, Instant now) {
        FeedPage page = feed.read(owner(subscription), new FeedQuery(subscription.position(), 1,
                Set.copyOf(subscription.types()), subscription.unitId()));
        if (page.entries().isEmpty()) {
            if (page.next() > subscription.position()) {
                store.advance(subscription.id(), instance, page.next());
            }
            return null;
        }
        FeedEntry entry = page.entries().get(0);
        WebhookDelivery delivery = store.createIfAbsent(new WebhookDelivery(WebhookDelivery.idFor(entry.position()),
                subscription.id(), entry.id(), entry.type(), entry.position(), WebhookDelivery.PENDING, 0, null, null,
                null, now, null, null, now, null, null),
                new String(envelope.json(entry.event()), StandardCharsets.UTF_8));
        if (!store.setPending(subscription.id(), instance, delivery.deliveryId())) {
            return null;
        }
        return delivery;
    }

    /** Sends the pending delivery once; true when it was delivered and the subscription moved past it. */
    private boolean attempt(WebhookSubscription subscription, WebhookDelivery delivery) {
        WebhookSender.Outcome outcome = send(subscription, delivery);
        Instant now = clock.instant();
        WebhookDelivery.Attempt attempt = new WebhookDelivery.Attempt(now, outcome.status(), outcome.latencyMillis(),
                outcome.error(), false);
        if (outcome.delivered()) {
            store.save(delivery.attempted(attempt, WebhookDelivery.DELIVERED, null, null, now));
            return store.advance(subscription.id(), instance, delivery.position());
        }
        Instant firstFailure = delivery.firstFailureAt() == null ? now : delivery.firstFailureAt();
        if (outcome.gone()) {
            store.save(delivery.attempted(attempt, WebhookDelivery.FAILED, firstFailure, null, null));
            store.disable(subscription.id(), instance, "the receiver answered 410 Gone at " + now);
            log.info("webhook subscription {} disabled: its receiver answered 410 Gone", subscription.id());
            return false;
        }
        int failures = failuresInARow(delivery) + 1;
        Optional<Instant> next = schedule.next(failures, firstFailure, now);
        if (next.isEmpty()) {
            store.save(delivery.attempted(attempt, WebhookDelivery.FAILED, firstFailure, null, null));
            store.disable(subscription.id(), instance, "deliveries failed since " + firstFailure
                    + "; re-enable the subscription to continue from event " + delivery.eventId());
            log.warn("webhook subscription {} disabled after failing since {}", subscription.id(), firstFailure);
        } else {
            store.save(delivery.attempted(attempt, WebhookDelivery.PENDING, firstFailure, next.get(), null));
        }
        return false;
    }

    /** Sends a delivery again on request, outside the subscription's order (its position does not move). */
    public WebhookDelivery redeliver(WebhookSubscription subscription, WebhookDelivery delivery) {
        WebhookSender.Outcome outcome = send(subscription, delivery);
        Instant now = clock.instant();
        WebhookDelivery.Attempt attempt = new WebhookDelivery.Attempt(now, outcome.status(), outcome.latencyMillis(),
                outcome.error(), true);
        WebhookDelivery updated = delivery.attempted(attempt,
                outcome.delivered() && !WebhookDelivery.PENDING.equals(delivery.status())
                        ? WebhookDelivery.DELIVERED : delivery.status(),
                delivery.firstFailureAt(), delivery.nextAttemptAt(),
                outcome.delivered() && delivery.deliveredAt() == null
                        && !WebhookDelivery.PENDING.equals(delivery.status()) ? now : delivery.deliveredAt());
        store.save(updated);
        return updated;
    }

    private WebhookSender.Outcome send(WebhookSubscription subscription, WebhookDelivery delivery) {
        String body = store.body(subscription.id(), delivery.deliveryId());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        long timestamp = clock.instant().getEpochSecond();
        String secret = secrets.decrypt(subscription.id(), store.encryptedSecret(subscription.id()));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", delivery.eventId());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSignature.sign(secret, delivery.eventId(), timestamp, bytes));
        headers.put("Content-Type", CloudEventEnvelope.CONTENT_TYPE);
        return sender.post(URI.create(subscription.url()), headers, bytes);
    }

    /** Scheduled attempts since the current run of failures began (re-enabling starts a new run). */
    private static int failuresInARow(WebhookDelivery delivery) {
        if (delivery.firstFailureAt() == null) {
            return 0;
        }
        return (int) delivery.recentAttempts().stream()
                .filter(attempt -> !attempt.manual() && !attempt.at().isBefore(delivery.firstFailureAt()))
                .count();
    }

    static Caller owner(WebhookSubscription subscription) {
        return new Caller(subscription.owner(), subscription.owner(),
                subscription.ownerGrants().stream().map(Grant::parse).toList(), subscription.ownerClient());
    }

    @Override
    public void start() {
        running = true;
        ticker = Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("webhook-dispatcher-"));
        workers = Executors.newFixedThreadPool(properties.threads(), new CustomizableThreadFactory("webhook-sender-"));
        long interval = Math.max(10, properties.pollInterval().toMillis());
        ticker.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        ticker.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(properties.readTimeout().toMillis() + 2_000, TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            for (String id : store.activeIds()) {
                store.release(id, instance);
            }
        } catch (RuntimeException e) {
            log.debug("webhook leases not released at shutdown (they expire): {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // stop before the web server and the event store go away, start after them
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }
}
