package org.pdcaledger.kernel.projection;

import java.time.Instant;

/**
 * Where one read model (a processing group of the query service) stands against the event store, as the
 * administrator's rebuild page shows it. During a rebuild the rate and the estimate tell how long the views will
 * be incomplete.
 *
 * @param group            the processing group, e.g. {@code initiatives}
 * @param state            {@code RUNNING}, {@code REBUILDING} (replaying towards the position the rebuild began
 *                         at), {@code STOPPED} or {@code ERROR}
 * @param position         the global position of the last event the group has applied; {@code null} before its
 *                         first event
 * @param head             the event store's newest global position when this status was taken
 * @param behind           how many positions the group still has to go to reach {@code head}
 * @param eventsPerSecond  positions per second over the last seconds (or since the rebuild began); {@code null}
 *                         when not yet measurable
 * @param etaSeconds       at that rate, seconds until the group reaches {@code head}; {@code null} when caught up
 *                         or not measurable
 * @param rebuildStartedAt when the last rebuild of this group began; {@code null} when never rebuilt since start
 */
public record ProjectionStatus(
        String group,
        String state,
        Long position,
        long head,
        long behind,
        Double eventsPerSecond,
        Long etaSeconds,
        Instant rebuildStartedAt) {
}
