package org.pdcaledger.kernel.unit;

import org.axonframework.serialization.Revision;

/**
 * A unit was retired: it stays in the tree and in every history, but takes no new children or assessments.
 */
@Revision("1")
public record UnitRetiredEvent(String unitId, String reason) {
}
