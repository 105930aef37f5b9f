package org.pdcaledger.kernel.initiative;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One measurement of the initiative's metric, placed against the target.
 *
 * @param reachesTarget      at or beyond the target in the better direction
 * @param improvesOnBaseline strictly better than the baseline
 */
public record MetricPoint(
        int cycle,
        LocalDate measuredOn,
        BigDecimal value,
        String note,
        Instant recordedAt,
        boolean reachesTarget,
        boolean improvesOnBaseline) {
}
