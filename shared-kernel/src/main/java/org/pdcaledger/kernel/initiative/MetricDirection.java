package org.pdcaledger.kernel.initiative;

/**
 * Which way a metric must move to be an improvement. Document handling time is {@link #LOWER_IS_BETTER}
 * (7–15 days down to 3–5, seed 004); service-user satisfaction is {@link #HIGHER_IS_BETTER} (seed 003).
 */
public enum MetricDirection {
    LOWER_IS_BETTER,
    HIGHER_IS_BETTER
}
