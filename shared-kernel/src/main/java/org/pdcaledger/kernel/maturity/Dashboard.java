package org.pdcaledger.kernel.maturity;

import java.time.LocalDate;

import org.pdcaledger.kernel.assessment.AssessmentPeriod;

/**
 * Everything the leadership dashboard draws, in one answer: the unit's maturity (index, roll-up, coverage, targets
 * met, stage funnel, dimension radar, cycle times), the ranking of its children for the period with their change,
 * the heat map of the children, the trend over the last periods, and the stalled and overdue work. Each part is also
 * served on its own endpoint.
 */
public record Dashboard(
        String unitId,
        String frameworkCode,
        AssessmentPeriod period,
        LocalDate asOf,
        UnitMaturity maturity,
        Ranking ranking,
        HeatMap heatMap,
        Trend trend,
        StalledWork work) {
}
