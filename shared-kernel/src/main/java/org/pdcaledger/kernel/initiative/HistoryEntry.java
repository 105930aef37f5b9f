package org.pdcaledger.kernel.initiative;

import java.time.Instant;
import java.util.Map;

/**
 * One recorded change of an initiative: who did what, when, under which command. Taken only from the event and its
 * metadata (凡事有据可查).
 *
 * @param version   the initiative's version after the change (the event's sequence number)
 * @param event     the public event type, e.g. {@code pdca.initiative.cycle-checked.v1}
 * @param command   the command that caused it, e.g. {@code CheckCycleCommand}
 * @param data      the event's content
 */
public record HistoryEntry(
        long version,
        Instant at,
        String actor,
        String actorName,
        String command,
        String event,
        int cycle,
        Map<String, Object> data) {
}
