package org.pdcaledger.kernel.initiative;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/**
 * A cycle was concluded against the target. {@code computedResult} is what the rule of {@link CheckResult} gives for
 * the basis measurement; {@code result} is the team's conclusion, which differs from it only with an
 * {@code overrideReason}.
 */
@Revision("1")
public record CycleCheckedEvent(
        String initiativeId,
        int cycle,
        CheckResult computedResult,
        CheckResult result,
        String overrideReason,
        String analysis,
        BigDecimal basisValue,
        LocalDate basisMeasuredOn) implements InitiativeEvent {
}
