package org.pdcaledger.kernel.gap;

import java.util.List;
import java.util.Map;

import org.pdcaledger.kernel.assessment.AssessmentPeriod;
import org.pdcaledger.kernel.common.LocalizedName;

/**
 * One open gap: an indicator whose target level is above its current level in the unit's current finalised
 * assessment. The gap keeps its id across assessments until one rates the indicator at or above target.
 *
 * @param gapId                the gap's stable id (derived from unit, framework, indicator and the assessment
 *                             that opened it)
 * @param size                 target minus current
 * @param openedByAssessmentId the finalised assessment in which the gap first appeared
 * @param assessmentId         the current finalised assessment the levels come from
 * @param initiatives          the initiatives working on the gap by management-chain stage (always the four stage
 *                             keys); all empty means the card sits in {@link BoardColumn#NO_INITIATIVE_YET}
 */
public record GapCard(
        String gapId,
        String unitId,
        String frameworkCode,
        int frameworkVersion,
        String dimensionCode,
        LocalizedName dimensionName,
        String indicatorCode,
        LocalizedName indicatorName,
        int currentLevel,
        int targetLevel,
        int size,
        String openedByAssessmentId,
        AssessmentPeriod openedInPeriod,
        String assessmentId,
        AssessmentPeriod period,
        Map<BoardColumn, List<GapInitiative>> initiatives) {
}
