package org.pdcaledger.kernel.assessment;

import java.util.List;

/**
 * An assessment next to the previous finalised assessment of the same unit and framework: per indicator, up, down
 * or same. Without a previous one, {@code previousAssessmentId} is {@code null} and every indicator is {@code NEW}.
 */
public record AssessmentComparison(
        String assessmentId,
        AssessmentPeriod period,
        String previousAssessmentId,
        AssessmentPeriod previousPeriod,
        List<IndicatorChange> changes) {
}
