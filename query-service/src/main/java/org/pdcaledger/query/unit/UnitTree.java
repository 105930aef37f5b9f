package org.pdcaledger.query.unit;

import java.util.List;

import org.pdcaledger.support.security.UnitHierarchy;

/**
 * The projected unit tree as other read models use it at query time: where a unit sits, and which units lie below
 * it. Always the current tree, so a board of a subtree follows reorganisations without being rebuilt.
 */
public interface UnitTree extends UnitHierarchy {

    /** {@code unitId} and every unit below it that is not retired, {@code unitId} first; empty when unknown. */
    List<String> activeSubtreeOf(String unitId);
}
