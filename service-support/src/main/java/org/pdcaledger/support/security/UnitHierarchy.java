package org.pdcaledger.support.security;

import java.util.List;

/**
 * Where a unit sits in the unit tree, as each service knows it from the events. Scope checks need it because a grant
 * on a unit covers the unit's whole subtree.
 */
public interface UnitHierarchy {

    /**
     * The ids from the root down to and including {@code unitId}; empty when the unit is unknown.
     */
    List<String> pathOf(String unitId);
}
