package org.pdcaledger.kernel.assessment;

import java.time.Instant;
import java.util.List;

/**
 * One assessment as its page shows it: what was rated against which framework version, every rating, who did what.
 *
 * @param indicatorCodes the framework version's indicators, in order; those without a rating are still to be rated
 * @param current        whether this is the finalised assessment that currently stands for the unit and framework
 *                       (a later finalised one supersedes it; a superseded one stays readable)
 * @param version        the assessment's version, for {@code If-Match} on the next write
 */
public record AssessmentView(
        String assessmentId,
        String unitId,
        String frameworkCode,
        int frameworkVersion,
        AssessmentPeriod period,
        AssessmentKind kind,
        AssessmentStatus status,
        List<String> indicatorCodes,
        List<IndicatorRating> ratings,
        String startedBy,
        Instant startedAt,
        String submittedBy,
        Instant submittedAt,
        String finalisedBy,
        Instant finalisedAt,
        List<AssessmentReopening> reopenings,
        boolean current,
        long version) {
}
