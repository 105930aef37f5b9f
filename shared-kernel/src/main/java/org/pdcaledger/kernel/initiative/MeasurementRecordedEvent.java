package org.pdcaledger.kernel.initiative;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/**
 * A value of the initiative's metric was recorded during a cycle. {@code note} may be {@code null}.
 */
@Revision("1")
public record MeasurementRecordedEvent(
        String initiativeId,
        int cycle,
        BigDecimal value,
        LocalDate measuredOn,
        String note) implements InitiativeEvent {
}
