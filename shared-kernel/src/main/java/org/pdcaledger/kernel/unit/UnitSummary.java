package org.pdcaledger.kernel.unit;

import java.time.Instant;

import org.pdcaledger.kernel.common.LocalizedName;

/**
 * One unit as the unit list and the unit picker show it.
 *
 * @param path the ids from the root down to and including this unit, so subtree filters are a prefix match
 */
public record UnitSummary(
        String unitId,
        String code,
        LocalizedName name,
        String parentId,
        java.util.List<String> path,
        boolean retired,
        Instant registeredAt,
        long version) {
}
