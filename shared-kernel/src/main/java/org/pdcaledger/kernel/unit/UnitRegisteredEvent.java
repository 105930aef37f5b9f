package org.pdcaledger.kernel.unit;

import org.axonframework.serialization.Revision;
import org.pdcaledger.kernel.common.LocalizedName;

/**
 * A unit was registered in the unit tree.
 */
@Revision("1")
public record UnitRegisteredEvent(
        String unitId,
        String code,
        LocalizedName name,
        String parentId) {
}
