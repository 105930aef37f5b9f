package org.pdcaledger.kernel.unit;

import org.axonframework.serialization.Revision;
import org.pdcaledger.kernel.common.LocalizedName;

/**
 * A unit was given a new name.
 */
@Revision("1")
public record UnitRenamedEvent(String unitId, LocalizedName name) {
}
