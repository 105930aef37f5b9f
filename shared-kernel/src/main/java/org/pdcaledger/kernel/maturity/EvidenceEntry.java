package org.pdcaledger.kernel.maturity;

import java.time.LocalDate;

import org.pdcaledger.kernel.assessment.AssessmentPeriod;

/**
 * One linked indicator of a standardised initiative.
 *
 * @param levelBeforeLaunch the level in the assessment current on the launch day, as the system knew it at the
 *                          launch; {@code null} when there was none
 * @param levelAfter        the level in the first finalised assessment whose period ends after the standardisation;
 *                          {@code null} while there is none yet
 * @param change            {@code levelAfter − levelBeforeLaunch}, {@code null} when either is missing
 */
public record EvidenceEntry(
        String initiativeId,
        String unitId,
        String title,
        LocalDate launchedOn,
        LocalDate standardisedOn,
        String indicatorCode,
        Integer levelBeforeLaunch,
        String assessmentBeforeId,
        Integer levelAfter,
        String assessmentAfterId,
        AssessmentPeriod periodAfter,
        Integer change) {
}
