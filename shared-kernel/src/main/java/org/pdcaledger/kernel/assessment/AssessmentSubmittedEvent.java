package org.pdcaledger.kernel.assessment;

import org.axonframework.serialization.Revision;

/**
 * Every indicator was rated and the assessment was handed over for review.
 *
 * @param submittedBy the assessor who submitted; by the four-eyes rule they cannot finalise it
 */
@Revision("1")
public record AssessmentSubmittedEvent(String assessmentId, String unitId, String submittedBy) {
}
