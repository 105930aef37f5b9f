package org.pdcaledger.query.initiative;

import java.util.List;

/**
 * The units in the subtree of {@code unitId} (itself included) that have at least one initiative, in the order
 * their first initiative was launched. Keyed by the unit id; the key {@code *} lists every such unit. A subtree
 * list is assembled from this one document and key look-ups of {@link UnitInitiatives}, never from a scan.
 */
record SubtreeUnits(String unitId, List<String> units) {
}
