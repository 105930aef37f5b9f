package org.pdcaledger.kernel.maturity;

import org.pdcaledger.kernel.common.LocalizedName;

/**
 * How one unit of a subtree counts in the roll-up.
 *
 * @param depth        0 for the unit itself, 1 for a child, …
 * @param depthWeight  the configured weight of that depth
 * @param index        the unit's own index, {@code null} when not assessed (it then has no share)
 * @param share        {@code depthWeight / Σ depthWeight} over the contributors with an index, 0 without one
 * @param contribution {@code share × index}: the contributions add up to the roll-up index
 */
public record RollUpShare(
        String unitId,
        String unitCode,
        LocalizedName unitName,
        int depth,
        double depthWeight,
        Double index,
        double share,
        double contribution) {
}
