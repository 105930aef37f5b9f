package org.pdcaledger.kernel.feedback;

import java.util.List;

/**
 * Feedback volume and satisfaction of a unit (and its subtree) over a range of months, for the dashboard: in total,
 * per period, per unit and per indicator. With a framework, only the items bearing on one of its indicators count.
 * Only units the reader may see are counted, in totals too.
 *
 * @param from        the first month, {@code 2026-01}
 * @param to          the last month, inclusive
 * @param granularity {@code MONTH} or {@code QUARTER}
 * @param units       the units with feedback in the range, most complaints first
 * @param indicators  the indicators with feedback in the range, most complaints first
 */
public record FeedbackSummary(
        String unitId,
        String frameworkCode,
        boolean subtree,
        String from,
        String to,
        String granularity,
        FeedbackFigures totals,
        List<FeedbackPeriod> periods,
        List<UnitFeedback> units,
        List<IndicatorFeedback> indicators) {
}
