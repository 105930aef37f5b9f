package org.pdcaledger.query.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

/**
 * Subscriptions and deliveries in MongoDB: operational state and secrets, which must never be events (a rebuild of
 * the views leaves them alone). Every write the dispatcher makes to a subscription is guarded by its lease, so an
 * instance that lost the lease (paused too long, network split) cannot move a position behind another's back.
 */
public class WebhookStore {

    private static final Logger log = LoggerFactory.getLogger(WebhookStore.class);
    static final String LEASE_OWNER = "leaseOwner";
    static final String LEASE_UNTIL = "leaseUntil";

    private final MongoCollection<Document> subscriptions;
    private final MongoCollection<Document> deliveries;

    public WebhookStore(MongoDatabase readStore) {
        this.subscriptions = readStore.getCollection("webhook_subscriptions");
        this.deliveries = readStore.getCollection("webhook_deliveries");
        try {
            deliveries.createIndex(Indexes.compoundIndex(Indexes.ascending("subscriptionId"),
                    Indexes.descending("position")));
            subscriptions.createIndex(Indexes.ascending("owner"));
        } catch (MongoException | UnsupportedOperationException e) {
            log.debug("secondary indexes not created (the embedded store scans instead): {}", e.toString());
        }
    }

    // subscriptions

    public void insert(WebhookSubscription subscription, String encryptedSecret) {
        subscriptions.insertOne(toDocument(subscription).append("secret", encryptedSecret));
    }

    public Optional<WebhookSubscription> find(String id) {
        return Optional.ofNullable(subscriptions.find(Filters.eq("_id", id)).first()).map(WebhookStore::subscription);
    }

    public String encryptedSecret(String id) {
        Document document = subscriptions.find(Filters.eq("_id", id)).first();
        return document == null ? null : document.getString("secret");
    }

    public List<WebhookSubscription> all() {
        return subscriptions.find().sort(Sorts.ascending("createdAt")).map(WebhookStore::subscription)
                .into(new ArrayList<>());
    }

    public List<WebhookSubscription> ownedBy(String owner) {
        return subscriptions.find(Filters.eq("owner", owner)).sort(Sorts.ascending("createdAt"))
                .map(WebhookStore::subscription).into(new ArrayList<>());
    }

    public List<String> activeIds() {
        List<String> ids = new ArrayList<>();
        subscriptions.find(Filters.eq("status", WebhookSubscription.ACTIVE))
                .forEach(document -> ids.add(document.getString("_id")));
        return ids;
    }

    /** Takes or renews the lease on an active subscription; false when another instance holds it. */
    public boolean claim(String id, String instance, Instant now, Instant until) {
        Bson free = Filters.or(Filters.eq(LEASE_OWNER, instance), Filters.eq(LEASE_OWNER, null),
                Filters.lt(LEASE_UNTIL, Date.from(now)));
        return subscriptions.updateOne(Filters.and(Filters.eq("_id", id),
                        Filters.eq("status", WebhookSubscription.ACTIVE), free),
                Updates.combine(Updates.set(LEASE_OWNER, instance), Updates.set(LEASE_UNTIL, Date.from(until))))
                .getMatchedCount() == 1;
    }

    public void release(String id, String instance) {
        subscriptions.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq(LEASE_OWNER, instance)),
                Updates.combine(Updates.set(LEASE_OWNER, null), Updates.set(LEASE_UNTIL, null)));
    }

    public boolean setPending(String id, String instance, String deliveryId) {
        return leased(id, instance, Updates.set("pendingDelivery", deliveryId));
    }

    /** Moves the position forward (never back) and clears the pending delivery. */
    public boolean advance(String id, String instance, long position) {
        return leased(id, instance, Updates.combine(Updates.max("position", position),
                Updates.set("pendingDelivery", null)));
    }

    public boolean disable(String id, String instance, String reason) {
        Bson update = Updates.combine(Updates.set("status", WebhookSubscription.DISABLED),
                Updates.set("disabledReason", reason), Updates.set(LEASE_OWNER, null), Updates.set(LEASE_UNTIL, null));
        return instance == null
                ? subscriptions.updateOne(Filters.eq("_id", id), update).getMatchedCount() == 1
                : leased(id, instance, update);
    }

    public void enable(String id) {
        subscriptions.updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.set("status", WebhookSubscription.ACTIVE), Updates.set("disabledReason", null)));
    }

    public void delete(String id) {
        subscriptions.deleteOne(Filters.eq("_id", id));
        deliveries.deleteMany(Filters.eq("subscriptionId", id));
    }

    public long countOwnedBy(String owner) {
        return subscriptions.countDocuments(Filters.eq("owner", owner));
    }

    private boolean leased(String id, String instance, Bson update) {
        return subscriptions.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq(LEASE_OWNER, instance)), update)
                .getMatchedCount() == 1;
    }

    // deliveries

    /** The delivery of the event at {@code delivery.position()}, created with {@code body} unless it exists. */
    public WebhookDelivery createIfAbsent(WebhookDelivery delivery, String body) {
        String key = key(delivery.subscriptionId(), delivery.deliveryId());
        Document existing = deliveries.find(Filters.eq("_id", key)).first();
        if (existing != null) {
            return delivery(existing);
        }
        deliveries.insertOne(toDocument(delivery).append("_id", key).append("body", body));
        return delivery;
    }

    public Optional<WebhookDelivery> findDelivery(String subscriptionId, String deliveryId) {
        return Optional.ofNullable(deliveries.find(Filters.eq("_id", key(subscriptionId, deliveryId))).first())
                .map(WebhookStore::delivery);
    }

    public String body(String subscriptionId, String deliveryId) {
        Document document = deliveries.find(Filters.eq("_id", key(subscriptionId, deliveryId))).first();
        return document == null ? null : document.getString("body");
    }

    public void save(WebhookDelivery delivery) {
        String key = key(delivery.subscriptionId(), delivery.deliveryId());
        String body = body(delivery.subscriptionId(), delivery.deliveryId());
        // no upsert: a delivery of a subscription deleted meanwhile stays deleted
        deliveries.replaceOne(Filters.eq("_id", key), toDocument(delivery).append("_id", key).append("body", body));
    }

    /** The latest deliveries of a subscription, newest first, optionally only those before a position. */
    public List<WebhookDelivery> deliveries(String subscriptionId, int limit, Long before) {
        Bson filter = before == null ? Filters.eq("subscriptionId", subscriptionId)
                : Filters.and(Filters.eq("subscriptionId", subscriptionId), Filters.lt("position", before));
        return deliveries.find(filter).sort(Sorts.descending("position")).limit(limit)
                .map(WebhookStore::delivery).into(new ArrayList<>());
    }

    private static String key(String subscriptionId, String deliveryId) {
        return subscriptionId + "/" + deliveryId;
    }

    // mapping

    private static Document toDocument(WebhookSubscription s) {
        return new Document("_id", s.id())
                .append("url", s.url())
                .append("types", s.types())
                .append("unitId", s.unitId())
                .append("status", s.status())
                .append("disabledReason", s.disabledReason())
                .append("createdAt", date(s.createdAt()))
                .append("position", s.position())
                .append("pendingDelivery", s.pendingDelivery())
                .append("owner", s.owner())
                .append("ownerClient", s.ownerClient())
                .append("ownerGrants", s.ownerGrants());
    }

    private static WebhookSubscription subscription(Document d) {
        return new WebhookSubscription(d.getString("_id"), d.getString("url"), d.getList("types", String.class),
                d.getString("unitId"), d.getString("status"), d.getString("disabledReason"),
                instant(d.getDate("createdAt")), d.get("position", Number.class).longValue(),
                d.getString("pendingDelivery"), d.getString("owner"), Boolean.TRUE.equals(d.getBoolean("ownerClient")),
                d.getList("ownerGrants", String.class));
    }

    private static Document toDocument(WebhookDelivery d) {
        List<Document> attempts = new ArrayList<>();
        for (WebhookDelivery.Attempt a : d.recentAttempts()) {
            attempts.add(new Document("at", date(a.at())).append("responseCode", a.responseCode())
                    .append("latencyMillis", a.latencyMillis()).append("error", a.error())
                    .append("manual", a.manual()));
        }
        return new Document("deliveryId", d.deliveryId())
                .append("subscriptionId", d.subscriptionId())
                .append("eventId", d.eventId())
                .append("eventType", d.eventType())
                .append("position", d.position())
                .append("status", d.status())
                .append("attempts", d.attempts())
                .append("lastResponseCode", d.lastResponseCode())
                .append("lastLatencyMillis", d.lastLatencyMillis())
                .append("lastError", d.lastError())
                .append("createdAt", date(d.createdAt()))
                .append("firstFailureAt", date(d.firstFailureAt()))
                .append("lastAttemptAt", date(d.lastAttemptAt()))
                .append("nextAttemptAt", date(d.nextAttemptAt()))
                .append("deliveredAt", date(d.deliveredAt()))
                .append("recentAttempts", attempts);
    }

    private static WebhookDelivery delivery(Document d) {
        List<WebhookDelivery.Attempt> attempts = new ArrayList<>();
        for (Document a : d.getList("recentAttempts", Document.class, List.of())) {
            Number latency = a.get("latencyMillis", Number.class);
            attempts.add(new WebhookDelivery.Attempt(instant(a.getDate("at")), a.getInteger("responseCode"),
                    latency == null ? 0 : latency.longValue(), a.getString("error"),
                    Boolean.TRUE.equals(a.getBoolean("manual"))));
        }
        Number latency = d.get("lastLatencyMillis", Number.class);
        return new WebhookDelivery(d.getString("deliveryId"), d.getString("subscriptionId"), d.getString("eventId"),
                d.getString("eventType"), d.get("position", Number.class).longValue(), d.getString("status"),
                d.get("attempts", Number.class).intValue(), d.getInteger("lastResponseCode"),
                latency == null ? null : latency.longValue(), d.getString("lastError"),
                instant(d.getDate("createdAt")), instant(d.getDate("firstFailureAt")),
                instant(d.getDate("lastAttemptAt")), instant(d.getDate("nextAttemptAt")),
                instant(d.getDate("deliveredAt")), attempts);
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
