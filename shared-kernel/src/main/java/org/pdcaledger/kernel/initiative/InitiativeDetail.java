package org.pdcaledger.kernel.initiative;

import java.time.Instant;
import java.util.List;

/**
 * Everything the initiative page shows: the launch data, the stage on the management chain, every cycle's
 * plan/do/check/act, the metric series against its target, and the flags.
 *
 * @param series  every measurement of every cycle, ordered by the day measured
 * @param version the initiative's version, to send back in {@code If-Match} with the next command
 * @param flags   computed when read; {@code null} in the stored document
 */
public record InitiativeDetail(
        String initiativeId,
        String unitId,
        String title,
        String problemStatement,
        String owner,
        List<String> team,
        List<GapReference> gaps,
        Metric metric,
        InitiativeStage stage,
        int currentCycle,
        List<CycleView> cycles,
        List<MetricPoint> series,
        Instant launchedAt,
        Instant lastActivityAt,
        long version,
        InitiativeFlags flags) {
}
