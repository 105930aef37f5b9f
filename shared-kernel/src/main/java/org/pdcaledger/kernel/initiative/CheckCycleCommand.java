package org.pdcaledger.kernel.initiative;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Conclude the current cycle against the target (评估). The system computes the result from the measurements (see
 * {@link CheckResult}); the team accepts it by sending no {@code result}, or overrides it with a reason.
 *
 * @param result         the team's conclusion when it differs from the computed one; {@code null} to accept it
 * @param overrideReason why the team concludes differently; required when {@code result} differs
 * @param analysis       the team's analysis of why the cycle went as it did
 */
public record CheckCycleCommand(
        @TargetAggregateIdentifier String initiativeId,
        CheckResult result,
        String overrideReason,
        String analysis,
        @TargetAggregateVersion Long expectedVersion) {
}
