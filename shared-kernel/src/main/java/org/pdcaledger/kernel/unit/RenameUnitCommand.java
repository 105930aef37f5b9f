package org.pdcaledger.kernel.unit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.pdcaledger.kernel.common.LocalizedName;

/**
 * Give a unit a new name (its code and history stay).
 *
 * @param expectedVersion the unit version the caller saw; a stale version is refused
 */
public record RenameUnitCommand(
        @TargetAggregateIdentifier String unitId,
        LocalizedName name,
        @TargetAggregateVersion Long expectedVersion) {
}
