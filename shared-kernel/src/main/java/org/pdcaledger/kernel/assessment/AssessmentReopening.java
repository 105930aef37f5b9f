package org.pdcaledger.kernel.assessment;

import java.time.Instant;

/**
 * One time an assessment was sent back to draft, kept on the assessment page so the reason is never lost.
 */
public record AssessmentReopening(
        AssessmentStatus previousStatus,
        String reason,
        String reopenedBy,
        Instant reopenedAt) {
}
