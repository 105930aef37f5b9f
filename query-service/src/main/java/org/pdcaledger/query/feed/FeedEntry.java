package org.pdcaledger.query.feed;

import io.cloudevents.CloudEvent;

/**
 * One event of the feed in its CloudEvents envelope, with its global position.
 */
public record FeedEntry(long position, CloudEvent event) {

    public String type() {
        return event.getType();
    }

    public String id() {
        return event.getId();
    }
}
