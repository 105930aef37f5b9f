package org.pdcaledger.query.feed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.pdcaledger.support.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open server-sent-event streams of this instance. No servlet thread is held: each stream is an async
 * {@link SseEmitter} with a bounded lifetime, and a few stream threads write to all of them. Every
 * {@code poll-interval} the streams behind the store's head read their next pages from the {@link EventFeed}; an
 * idle stream gets a comment line every {@code heartbeat}. Each event's SSE {@code id} is its global position, so a
 * client that reconnects with {@code Last-Event-ID} continues exactly after the last event it received.
 */
@Component
public class FeedStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FeedStreams.class);
    private static final int PAGES_PER_TURN = 10;
    private static final long RECONNECT_MILLIS = 2_000;

    private final EventFeed feed;
    private final CloudEventEnvelope envelope;
    private final FeedProperties properties;
    private final ObjectProvider<Clock> clock;
    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> perCaller = new ConcurrentHashMap<>();
    private ScheduledExecutorService ticker;
    private ExecutorService writers;
    private volatile boolean running;

    FeedStreams(EventFeed feed, CloudEventEnvelope envelope, FeedProperties properties, ObjectProvider<Clock> clock) {
        this.feed = feed;
        this.envelope = envelope;
        this.properties = properties;
        this.clock = clock;
    }

    /** Too many streams are open (in this instance, or for this caller). */
    public static class TooManyStreamsException extends RuntimeException {
        TooManyStreamsException(String message) {
            super(message);
        }
    }

    /**
     * Opens a stream of the events after {@code query.after()}, ending after {@code lifetime} at the latest.
     *
     * @throws TooManyStreamsException when the instance or the caller has reached the cap
     */
    public SseEmitter open(Caller reader, FeedQuery query, Duration lifetime) {
        if (!running) {
            throw new TooManyStreamsException("the service is shutting down");
        }
        if (streams.size() >= properties.maxStreams()) {
            throw new TooManyStreamsException("this instance serves " + streams.size() + " streams already");
        }
        AtomicInteger mine = perCaller.computeIfAbsent(reader.subject(), subject -> new AtomicInteger());
        if (mine.incrementAndGet() > properties.maxStreamsPerCaller()) {
            mine.decrementAndGet();
            throw new TooManyStreamsException("you have " + properties.maxStreamsPerCaller() + " streams open");
        }
        SseEmitter emitter = new SseEmitter(Math.max(1, lifetime.toMillis()));
        Stream stream = new Stream(reader, query, emitter, now());
        emitter.onCompletion(() -> close(stream));
        emitter.onTimeout(() -> {
            emitter.complete();
            close(stream);
        });
        emitter.onError(error -> close(stream));
        streams.add(stream);
        try {
            emitter.send(SseEmitter.event().comment("events after " + query.after()).reconnectTime(RECONNECT_MILLIS));
        } catch (IOException e) {
            close(stream);
        }
        writers.execute(() -> pump(stream));
        return emitter;
    }

    public int openStreams() {
        return streams.size();
    }

    /** Ends every open stream; clients reconnect with {@code Last-Event-ID} (to another instance, in a rollout). */
    public void closeAll() {
        for (Stream stream : streams) {
            stream.emitter.complete();
            close(stream);
        }
    }

    private void tick() {
        try {
            long head = streams.isEmpty() ? 0 : feed.head();
            long now = now();
            for (Stream stream : streams) {
                boolean behind = stream.position < head;
                boolean quiet = now - stream.lastWrite >= properties.heartbeat().toMillis();
                if ((behind || quiet) && stream.busy.compareAndSet(false, true)) {
                    writers.execute(() -> {
                        try {
                            if (behind) {
                                pump(stream);
                            }
                            if (now() - stream.lastWrite >= properties.heartbeat().toMillis()) {
                                write(stream, SseEmitter.event().comment("heartbeat"));
                            }
                        } finally {
                            stream.busy.set(false);
                        }
                    });
                }
            }
        } catch (RuntimeException e) {
            log.warn("feed streams could not poll the event store: {}", e.toString());
        }
    }

    private void pump(Stream stream) {
        synchronized (stream) {
            for (int turn = 0; turn < PAGES_PER_TURN && !stream.closed; turn++) {
                FeedPage page = feed.read(stream.reader, stream.query.after(stream.position));
                for (FeedEntry entry : page.entries()) {
                    if (!write(stream, SseEmitter.event()
                            .id(Long.toString(entry.position()))
                            .name(entry.type())
                            .data(new String(envelope.json(entry.event()), StandardCharsets.UTF_8),
                                    MediaType.APPLICATION_JSON))) {
                        return;
                    }
                }
                boolean moved = page.next() > stream.position;
                stream.position = page.next();
                if (!moved || page.entries().size() < stream.query.limit()) {
                    return;
                }
            }
        }
    }

    private boolean write(Stream stream, SseEmitter.SseEventBuilder event) {
        if (stream.closed) {
            return false;
        }
        try {
            stream.emitter.send(event);
            stream.lastWrite = now();
            return true;
        } catch (IOException | IllegalStateException gone) {
            stream.emitter.completeWithError(gone);
            close(stream);
            return false;
        }
    }

    private void close(Stream stream) {
        if (streams.remove(stream)) {
            stream.closed = true;
            AtomicInteger mine = perCaller.get(stream.reader.subject());
            if (mine != null) {
                mine.decrementAndGet();
            }
        }
    }

    private long now() {
        return clock.getIfAvailable(Clock::systemUTC).millis();
    }

    @Override
    public void start() {
        ticker = Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("feed-streams-"));
        writers = Executors.newFixedThreadPool(properties.streamThreads(),
                new CustomizableThreadFactory("feed-stream-writer-"));
        long interval = Math.max(10, properties.pollInterval().toMillis());
        ticker.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        ticker.shutdownNow();
        closeAll();
        writers.shutdown();
        try {
            writers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static final class Stream {
        final Caller reader;
        final FeedQuery query;
        final SseEmitter emitter;
        final AtomicBoolean busy = new AtomicBoolean();
        volatile long position;
        volatile long lastWrite;
        volatile boolean closed;

        Stream(Caller reader, FeedQuery query, SseEmitter emitter, long now) {
            this.reader = reader;
            this.query = query;
            this.emitter = emitter;
            this.position = query.after();
            this.lastWrite = now;
        }
    }
}
