package org.pdcaledger.kernel.assessment;

import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * A second assessor accepted the assessment: it is now the record of the unit's maturity for its period. It carries
 * the final ratings so maturity and gap views (and integrators) need nothing else to act on it.
 */
@Revision("1")
public record AssessmentFinalisedEvent(
        String assessmentId,
        String unitId,
        String frameworkCode,
        int frameworkVersion,
        AssessmentPeriod period,
        AssessmentKind kind,
        List<IndicatorRating> ratings,
        String submittedBy,
        String finalisedBy) {
}
