package org.pdcaledger.query.feed;

import java.util.Set;

/**
 * What a reader of the feed asks for: events after a global position, at most {@code limit} of them, optionally only
 * some event types and only events of one unit's subtree.
 *
 * @param after  the last position the reader has; {@code 0} reads from the beginning
 * @param limit  the most events to return
 * @param types  event type names to keep; empty keeps every type
 * @param unitId keep only events of this unit and the units below it; {@code null} keeps every unit and the
 *               events that belong to no unit
 */
public record FeedQuery(long after, int limit, Set<String> types, String unitId) {

    public FeedQuery {
        types = types == null ? Set.of() : Set.copyOf(types);
        if (after < 0) {
            throw new IllegalArgumentException("after must not be negative");
        }
    }

    public FeedQuery after(long position) {
        return new FeedQuery(position, limit, types, unitId);
    }

    boolean wants(String type) {
        return types.isEmpty() || types.contains(type);
    }
}
