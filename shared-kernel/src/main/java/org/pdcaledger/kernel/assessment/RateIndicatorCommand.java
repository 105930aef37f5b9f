package org.pdcaledger.kernel.assessment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Rate one indicator of a draft assessment (again, if it was rated before: the last rating counts).
 */
public record RateIndicatorCommand(
        @TargetAggregateIdentifier String assessmentId,
        String indicatorCode,
        int currentLevel,
        int targetLevel,
        String evidence,
        String note,
        @TargetAggregateVersion Long expectedVersion) {
}
