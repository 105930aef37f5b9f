package org.pdcaledger.kernel.assessment;

import org.axonframework.serialization.Revision;

/**
 * A submitted or finalised assessment went back to draft. When it had been finalised it no longer counts for
 * maturity and gaps until it is finalised again.
 *
 * @param previousStatus the status it was reopened from
 */
@Revision("1")
public record AssessmentReopenedEvent(
        String assessmentId,
        String unitId,
        AssessmentStatus previousStatus,
        String reason,
        String reopenedBy) {
}
