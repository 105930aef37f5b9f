package org.pdcaledger.query.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.pdcaledger.kernel.common.NotFoundException;
import org.pdcaledger.kernel.projection.ProjectionOverview;
import org.pdcaledger.kernel.projection.ProjectionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The read models of this service, one per streaming processing group, and their rebuild: the processor is shut
 * down, its tokens are reset to the start of the event store (which runs every {@code @ResetHandler} of the group,
 * wiping its collections) and it is started again, replaying every event through the group's projections.
 * <p>
 * The rate is measured from the positions seen by the status requests themselves (over the last
 * {@link #RATE_WINDOW}), or since the rebuild began, so nothing runs in the background to measure it.
 */
@Component
class ProjectionAdmin {

    static final Duration RATE_WINDOW = Duration.ofSeconds(10);
    private static final Duration MIN_SPAN = Duration.ofMillis(500);
    private static final Logger log = LoggerFactory.getLogger(ProjectionAdmin.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final Clock clock;
    private final Map<String, Progress> progress = new ConcurrentHashMap<>();

    ProjectionAdmin(EventProcessingConfiguration processing, EventStore eventStore, Clock clock) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.clock = clock;
    }

    ProjectionOverview overview() {
        long head = head();
        List<ProjectionStatus> statuses = new ArrayList<>();
        processors().forEach((group, processor) -> statuses.add(status(group, processor, head)));
        return new ProjectionOverview(head, statuses);
    }

    ProjectionStatus status(String group) {
        return status(group, processor(group), head());
    }

    /** Rebuilds one group; answers at once, while the group replays in its own threads. */
    synchronized ProjectionStatus rebuild(String group) {
        StreamingEventProcessor processor = processor(group);
        processor.shutDown();
        reset(group, processor);
        processor.start();
        return status(group);
    }

    /** Rebuilds every group: all are stopped first, so none reads a view another one is wiping. */
    synchronized ProjectionOverview rebuildAll() {
        Map<String, StreamingEventProcessor> processors = processors();
        processors.values().forEach(StreamingEventProcessor::shutDown);
        processors.forEach(this::reset);
        processors.values().forEach(StreamingEventProcessor::start);
        return overview();
    }

    private void reset(String group, StreamingEventProcessor processor) {
        Instant now = clock.instant();
        processor.resetTokens();
        progress.put(group, new Progress(now));
        log.info("projection group {} reset; replaying every event from the start", group);
    }

    private ProjectionStatus status(String group, StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> trackers = processor.processingStatus();
        Long position = null;
        boolean replaying = false;
        boolean error = false;
        for (EventTrackerStatus tracker : trackers.values()) {
            OptionalLong current = tracker.getCurrentPosition();
            if (current.isPresent()) {
                position = position == null ? current.getAsLong() : Math.min(position, current.getAsLong());
            }
            replaying |= stillReplaying(tracker);
            error |= tracker.isErrorState();
        }
        String state = error || processor.isError() ? "ERROR"
                : !processor.isRunning() ? "STOPPED"
                : replaying ? "REBUILDING" : "RUNNING";
        long behind = Math.max(0, head - (position == null ? 0 : position));
        Progress groupProgress = progress.computeIfAbsent(group, g -> new Progress(null));
        Double rate = groupProgress.rate(clock.instant(), position == null ? 0 : position);
        Long eta = behind == 0 || rate == null || rate <= 0 ? null : (long) Math.ceil(behind / rate);
        return new ProjectionStatus(group, state, position, head, behind, rate, eta, groupProgress.rebuildStartedAt());
    }

    /**
     * Axon keeps a replay token until the first event after the reset position arrives, which may be long after
     * the replay itself has ended; a group that has reached the position it was reset at is no longer rebuilding.
     */
    private static boolean stillReplaying(EventTrackerStatus tracker) {
        if (!tracker.isReplaying()) {
            return false;
        }
        OptionalLong resetAt = tracker.getResetPosition();
        OptionalLong current = tracker.getCurrentPosition();
        if (resetAt.isEmpty()) {
            return false;
        }
        return current.isEmpty() || current.getAsLong() < resetAt.getAsLong();
    }

    private long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    private StreamingEventProcessor processor(String group) {
        StreamingEventProcessor processor = processors().get(group);
        if (processor == null) {
            throw new NotFoundException("projection-unknown", "group", "there is no projection group " + group
                    + "; the groups are " + String.join(", ", processors().keySet()));
        }
        return processor;
    }

    private Map<String, StreamingEventProcessor> processors() {
        Map<String, StreamingEventProcessor> processors = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming && streaming.supportsReset()) {
                processors.put(name, streaming);
            }
        });
        return processors;
    }

    /** Positions seen at recent status requests, to tell the rate; a rebuild starts it at position 0. */
    private static final class Progress {

        private final Instant rebuildStartedAt;
        private final Deque<long[]> samples = new ArrayDeque<>();

        Progress(Instant rebuildStartedAt) {
            this.rebuildStartedAt = rebuildStartedAt;
            if (rebuildStartedAt != null) {
                samples.add(new long[] {rebuildStartedAt.toEpochMilli(), 0});
            }
        }

        Instant rebuildStartedAt() {
            return rebuildStartedAt;
        }

        synchronized Double rate(Instant now, long position) {
            long millis = now.toEpochMilli();
            while (samples.size() > 1 && millis - samples.peekFirst()[0] > RATE_WINDOW.toMillis()
                    && millis - samples.stream().skip(1).findFirst().orElseThrow()[0] >= MIN_SPAN.toMillis()) {
                samples.removeFirst();
            }
            if (samples.isEmpty() || millis - samples.peekLast()[0] >= MIN_SPAN.toMillis()) {
                samples.addLast(new long[] {millis, position});
            }
            long[] oldest = samples.peekFirst();
            long span = millis - oldest[0];
            if (span < MIN_SPAN.toMillis()) {
                return null;
            }
            return Math.max(0, position - oldest[1]) * 1000.0 / span;
        }
    }
}
