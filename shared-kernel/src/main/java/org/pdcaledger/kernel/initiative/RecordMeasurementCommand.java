package org.pdcaledger.kernel.initiative;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Record a value of the initiative's metric, during Do. The Check of the cycle is computed from these.
 *
 * @param measuredOn the day the value was measured; not in the future (it may be earlier than the day it is recorded)
 * @param note       how or where it was measured; optional
 */
public record RecordMeasurementCommand(
        @TargetAggregateIdentifier String initiativeId,
        BigDecimal value,
        LocalDate measuredOn,
        String note,
        @TargetAggregateVersion Long expectedVersion) {
}
