package org.pdcaledger.query.feed;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the integrators' event feed.
 *
 * @param source             the CloudEvents {@code source} of every event (the service that appended it)
 * @param defaultLimit       events per page when the caller names no {@code limit}
 * @param maxLimit           the largest {@code limit} a caller may ask for
 * @param scanLimit          the most events one page request reads from the store; a page filtered down to
 *                           nothing still moves the caller's position, so a narrow filter never costs a full scan
 * @param gapSettle          how long a hole in the global sequence may be an uncommitted transaction: events after
 *                           a younger hole are held back so a late commit is not skipped (longer than the slowest
 *                           command transaction; permanent holes from failed inserts cost this much latency once)
 * @param pollInterval       how often open streams look for new events
 * @param heartbeat          how often an idle stream sends a comment line, so proxies keep it open and dead
 *                           clients are noticed
 * @param maxStreamDuration  the longest a stream stays open; the client then reconnects with {@code Last-Event-ID}
 *                           (a stream also ends when the caller's token expires)
 * @param maxStreams         open streams per service instance; more are refused with 503 and {@code Retry-After}
 * @param maxStreamsPerCaller open streams per caller (token subject)
 * @param streamThreads      threads that write to open streams
 */
@ConfigurationProperties("pdca.feed")
public record FeedProperties(
        String source,
        Integer defaultLimit,
        Integer maxLimit,
        Integer scanLimit,
        Duration gapSettle,
        Duration pollInterval,
        Duration heartbeat,
        Duration maxStreamDuration,
        Integer maxStreams,
        Integer maxStreamsPerCaller,
        Integer streamThreads) {

    public FeedProperties {
        source = source == null || source.isBlank() ? "/pdca-ledger/command-service" : source;
        defaultLimit = defaultLimit == null ? 100 : defaultLimit;
        maxLimit = maxLimit == null ? 1000 : maxLimit;
        scanLimit = scanLimit == null ? 10_000 : scanLimit;
        gapSettle = gapSettle == null ? Duration.ofSeconds(10) : gapSettle;
        pollInterval = pollInterval == null ? Duration.ofMillis(100) : pollInterval;
        heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
        maxStreamDuration = maxStreamDuration == null ? Duration.ofMinutes(30) : maxStreamDuration;
        maxStreams = maxStreams == null ? 200 : maxStreams;
        maxStreamsPerCaller = maxStreamsPerCaller == null ? 4 : maxStreamsPerCaller;
        streamThreads = streamThreads == null ? 4 : streamThreads;
    }
}
