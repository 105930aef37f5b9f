package org.pdcaledger.kernel.initiative;

import java.math.BigDecimal;

/**
 * How a cycle ended against its metric's target (评估结论).
 * <p>
 * The system computes it from the cycle's latest measurement (the one with the latest {@code measuredOn}; of two on
 * the same day, the one recorded last):
 * <ul>
 * <li>{@link #MET}: the latest value reaches the target (at or beyond it in the better direction);</li>
 * <li>{@link #PARTLY_MET}: it does not reach the target but is strictly better than the baseline;</li>
 * <li>{@link #NOT_MET}: it is no better than the baseline.</li>
 * </ul>
 * The team may conclude differently only with a reason, which the event records beside the computed result.
 */
public enum CheckResult {
    MET,
    PARTLY_MET,
    NOT_MET;

    public static CheckResult of(Metric metric, BigDecimal latestValue) {
        if (metric.reachesTarget(latestValue)) {
            return MET;
        }
        return metric.improvesOnBaseline(latestValue) ? PARTLY_MET : NOT_MET;
    }
}
