package org.pdcaledger.kernel.unit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Retire a unit that no longer exists in the organisation (merged, abolished). Its history stays readable; it takes
 * no new children and no new assessments. A unit with active children cannot be retired: move or retire them first.
 *
 * @param reason          why the unit is retired, for the record (e.g. the reorganisation decision)
 * @param expectedVersion the unit version the caller saw; a stale version is refused
 */
public record RetireUnitCommand(
        @TargetAggregateIdentifier String unitId,
        String reason,
        @TargetAggregateVersion Long expectedVersion) {
}
