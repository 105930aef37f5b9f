package org.pdcaledger.kernel.maturity;

import org.pdcaledger.kernel.assessment.AssessmentPeriod;
import org.pdcaledger.kernel.common.LocalizedName;

/**
 * Where a unit stands on one indicator, and the finalised assessment the levels come from.
 *
 * @param gap   target minus current level, 0 when there is no gap
 * @param score {@code (currentLevel − 1) / 4 × 100}
 */
public record IndicatorStanding(
        String indicatorCode,
        LocalizedName indicatorName,
        String dimensionCode,
        int currentLevel,
        int targetLevel,
        int gap,
        double score,
        String assessmentId,
        AssessmentPeriod period,
        int frameworkVersion) {
}
