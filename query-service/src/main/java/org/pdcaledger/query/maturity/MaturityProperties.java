package org.pdcaledger.query.maturity;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the maturity views.
 *
 * @param depthWeights  the roll-up weight of a unit by its depth below the unit viewed: index 0 the unit itself,
 *                      1 its children, …; depths beyond the list weigh 0 (seed 004: 1, 0.5, 0.25)
 * @param rankingGrace  how long after a period's last day late assessments still enter its ranking; after that the
 *                      period is closed and its ranking frozen
 * @param stalledAfter  an active initiative with no event for this long is stalled (default 14 days, as the
 *                      initiative list's {@code pdca.initiatives.stalled-after})
 * @param maxTrendPeriods the most periods one trend answers
 */
@ConfigurationProperties("pdca.maturity")
public record MaturityProperties(
        List<Double> depthWeights,
        Duration rankingGrace,
        Duration stalledAfter,
        Integer maxTrendPeriods) {

    public MaturityProperties {
        depthWeights = depthWeights == null || depthWeights.isEmpty() ? List.of(1.0, 0.5, 0.25)
                : List.copyOf(depthWeights);
        if (depthWeights.stream().anyMatch(w -> w == null || w < 0 || w.isNaN() || w.isInfinite())) {
            throw new IllegalArgumentException("pdca.maturity.depth-weights must be finite and not negative: "
                    + depthWeights);
        }
        rankingGrace = rankingGrace == null ? Duration.ofDays(10) : rankingGrace;
        stalledAfter = stalledAfter == null ? Duration.ofDays(14) : stalledAfter;
        maxTrendPeriods = maxTrendPeriods == null ? 60 : maxTrendPeriods;
    }

    /** The weight of units {@code depth} levels below the unit viewed. */
    public double weightAt(int depth) {
        return depth < depthWeights.size() ? depthWeights.get(depth) : 0;
    }

    /** The deepest level that still counts in a roll-up (−1 when no weight is positive). */
    public int deepestWeighted() {
        for (int depth = depthWeights.size() - 1; depth >= 0; depth--) {
            if (depthWeights.get(depth) > 0) {
                return depth;
            }
        }
        return -1;
    }
}
