package org.pdcaledger.kernel.initiative;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The Check of a cycle (评估): the computed result, the team's conclusion (the same unless overridden with a
 * reason), the analysis, and the measurement the result was computed from.
 */
public record CycleCheck(
        CheckResult computedResult,
        CheckResult result,
        boolean overridden,
        String overrideReason,
        String analysis,
        BigDecimal basisValue,
        LocalDate basisMeasuredOn,
        Instant checkedAt,
        String checkedBy) {
}
