package org.pdcaledger.query.gap;

import org.pdcaledger.kernel.assessment.AssessmentPeriod;
import org.pdcaledger.kernel.common.LocalizedName;

/**
 * An open gap as the gap projection keeps it; names are copied from the framework version the levels come from.
 */
record OpenGap(
        String gapId,
        String indicatorCode,
        LocalizedName indicatorName,
        String dimensionCode,
        LocalizedName dimensionName,
        int frameworkVersion,
        int currentLevel,
        int targetLevel,
        String openedByAssessmentId,
        AssessmentPeriod openedInPeriod,
        String assessmentId,
        AssessmentPeriod period) {
}
