package org.pdcaledger.query.feed;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.pdcaledger.kernel.access.Role;
import org.pdcaledger.support.security.Caller;
import org.pdcaledger.support.security.ScopeGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the event feed straight from the event store by global index (a primary-key range read), so the feed is
 * the store itself, not a copy that could miss or reorder something. What a reader sees is filtered by type, by
 * unit subtree and always by the reader's scope: an event belongs to the unit its data names, or else to the unit
 * its aggregate belongs to (see {@link FeedScopeProjection}); an event of no unit (a framework imported) is visible
 * to every reader of the feed.
 * <p>
 * Two rules keep positions trustworthy as resume points:
 * <ul>
 * <li>A hole in the global sequence may be a transaction that has not committed yet. Events after a hole younger
 * than {@code pdca.feed.gap-settle} are held back, so a late commit is delivered instead of skipped.</li>
 * <li>A reader whose visibility depends on the unit lookups gets no event beyond the position those lookups have
 * reached, so no event is hidden (or shown) because a projection was behind.</li>
 * </ul>
 */
@Component
public class EventFeed {

    private static final Logger log = LoggerFactory.getLogger(EventFeed.class);
    static final Role[] READER_ROLES = {Role.INTEGRATOR, Role.ADMIN, Role.LEADER};

    private final EventStorageEngine storage;
    private final FeedScopeProjection scope;
    private final ScopeGuard guard;
    private final CloudEventEnvelope envelope;
    private final FeedProperties properties;
    private final ObjectProvider<Clock> clock;

    EventFeed(EventStorageEngine storage, FeedScopeProjection scope, CloudEventEnvelope envelope,
            FeedProperties properties, ObjectProvider<Clock> clock) {
        this.storage = storage;
        this.scope = scope;
        this.guard = new ScopeGuard(scope::pathOf);
        this.envelope = envelope;
        this.properties = properties;
        this.clock = clock;
    }

    /** The events after {@code query.after()} that {@code reader} may see and asked for, in global order. */
    public FeedPage read(Caller reader, FeedQuery query) {
        long after = query.after();
        long cap = seesEverything(reader) && query.unitId() == null ? Long.MAX_VALUE : scope.progress();
        Instant settledBefore = clock.getIfAvailable(Clock::systemUTC).instant().minus(properties.gapSettle());
        Map<String, Optional<String>> aggregateUnits = new HashMap<>();
        List<FeedEntry> entries = new ArrayList<>();
        long next = after;
        int scanned = 0;
        try (Stream<? extends TrackedEventMessage<?>> events =
                storage.readEvents(GapAwareTrackingToken.newInstance(after, List.of()), false)) {
            Iterator<? extends TrackedEventMessage<?>> iterator = events.iterator();
            while (iterator.hasNext() && entries.size() < query.limit() && scanned < properties.scanLimit()) {
                TrackedEventMessage<?> message = iterator.next();
                long position = message.trackingToken().position().orElseThrow();
                if (position <= after) {
                    continue;
                }
                if (position > cap) {
                    break;
                }
                if (position != next + 1 && message.getTimestamp().isAfter(settledBefore)) {
                    break;
                }
                next = position;
                scanned++;
                Optional<String> type = EventCatalog.typeNameOf(message.getPayloadType());
                if (type.isEmpty()) {
                    log.warn("event {} at position {} has payload type {}, which is no kernel event; not in the feed",
                            message.getIdentifier(), position, message.getPayloadType().getName());
                    continue;
                }
                if (!query.wants(type.get())) {
                    continue;
                }
                JsonNode data = envelope.dataOf(message);
                if (visible(reader, query.unitId(), unitOf(message, data, aggregateUnits))) {
                    entries.add(new FeedEntry(position, envelope.wrap(message, type.get(), position, data)));
                }
            }
        }
        return new FeedPage(entries, next);
    }

    /** The highest position in the store (possibly not yet readable past a young gap). */
    public long head() {
        var head = storage.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    private boolean visible(Caller reader, String unitFilter, String unitId) {
        if (unitId == null) {
            return unitFilter == null;
        }
        if (!guard.covers(reader, unitId, READER_ROLES)) {
            return false;
        }
        return unitFilter == null || scope.pathOf(unitId).contains(unitFilter);
    }

    private String unitOf(TrackedEventMessage<?> message, JsonNode data, Map<String, Optional<String>> cache) {
        String own = FeedScopeProjection.unitIdIn(data);
        if (own != null || !(message instanceof DomainEventMessage<?> domain)) {
            return own;
        }
        return cache.computeIfAbsent(domain.getAggregateIdentifier(), scope::unitOfAggregate).orElse(null);
    }

    static boolean seesEverything(Caller reader) {
        return reader.grants().stream().anyMatch(grant -> grant.coversAllUnits()
                && List.of(READER_ROLES).contains(grant.role()));
    }
}
