package org.pdcaledger.kernel.maturity;

import java.util.List;

import org.pdcaledger.kernel.assessment.PeriodType;

/**
 * The roll-up index per period of a unit (first series) and of each child the caller may see.
 */
public record Trend(
        String unitId,
        String frameworkCode,
        PeriodType granularity,
        List<String> periods,
        List<TrendSeries> series) {
}
