package org.pdcaledger.kernel.unit;

import org.axonframework.serialization.Revision;

/**
 * A unit moved, with its subtree, from one parent to another. Both parents are recorded so that a reader of the
 * history alone can tell where the unit was before, and so that views of either side can be corrected.
 */
@Revision("1")
public record UnitMovedEvent(String unitId, String fromParentId, String toParentId) {
}
