package org.pdcaledger.kernel.unit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.pdcaledger.kernel.common.LocalizedName;

/**
 * Register a government unit (a municipal office, a bureau, a division) in the unit tree.
 *
 * @param unitId   the new unit's id, chosen by the caller so a retried request cannot register the unit twice
 * @param code     the unit's short code, unique across the tree, e.g. {@code SZ-JGSW}
 * @param name     the unit's name in Chinese and English
 * @param parentId the unit above it, or {@code null} for a root
 */
public record RegisterUnitCommand(
        @TargetAggregateIdentifier String unitId,
        String code,
        LocalizedName name,
        String parentId) {
}
