package org.pdcaledger.query.feed;

import java.util.List;

/**
 * A slice of the feed.
 *
 * @param entries the events the reader may see, in global order
 * @param next    the position to ask for next ({@code after=next}): the last position read, which can be beyond the
 *                last entry when filtered-out events followed it
 */
public record FeedPage(List<FeedEntry> entries, long next) {

    public FeedPage {
        entries = List.copyOf(entries);
    }
}
