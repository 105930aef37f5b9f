package org.pdcaledger.query.initiative;

import java.util.List;

import org.pdcaledger.kernel.initiative.InitiativeSummary;

/**
 * The list entries of one unit's own initiatives (not its subtree's), in launch order, keyed by the unit id.
 * The unit's path is kept beside them so that scope checks on a list need no further look-up.
 */
record UnitInitiatives(String unitId, List<String> unitPath, List<InitiativeSummary> initiatives) {
}
