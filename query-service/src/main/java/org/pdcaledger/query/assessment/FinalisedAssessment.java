package org.pdcaledger.query.assessment;

import java.util.List;

import org.pdcaledger.kernel.assessment.AssessmentPeriod;
import org.pdcaledger.kernel.assessment.IndicatorRating;

/**
 * A finalised assessment as a trail keeps it: enough to order it among the others and to read its ratings.
 *
 * @param position the global position of its finalisation, which orders assessments of the same period
 */
public record FinalisedAssessment(
        String assessmentId,
        AssessmentPeriod period,
        int frameworkVersion,
        long position,
        List<IndicatorRating> ratings) {
}
