package org.pdcaledger.query.config;

import org.axonframework.eventhandling.TrackingToken;

/**
 * The global position of the event being handled: the event store's global index, which is also the position
 * integrators resume the feed from.
 */
public final class EventPositions {

    private EventPositions() {
    }

    public static long of(TrackingToken token) {
        if (token == null) {
            throw new IllegalStateException("projections run in streaming processors; no tracking token given");
        }
        return token.position().orElseThrow(() -> new IllegalStateException("token without position: " + token));
    }
}
