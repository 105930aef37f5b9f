package org.pdcaledger.kernel.maturity;

import java.util.List;

/**
 * A unit's index over its subtree, weighted by depth (seed 004: responsibility cascades up the tree — own 1,
 * children 0.5, grandchildren 0.25 by default, {@code pdca.maturity.depth-weights}).
 * {@code index = Σ weight(depth(u)) × index(u) / Σ weight(depth(u))} over the contributing units {@code u} that have
 * an index; units at a depth beyond the weights list (or with weight 0) do not contribute.
 *
 * @param depthWeights the weights used, index = depth (0 = the unit itself)
 * @param index        {@code null} when no contributing unit has an index
 * @param dimensions   the dimension radar of the subtree: each dimension's index rolled up the same way over the
 *                     contributors rated on it (a parent without its own assessment still has a radar)
 * @param contributors every unit within the weighted depths that the caller may see, with its share
 */
public record RollUp(
        List<Double> depthWeights,
        Double index,
        List<DimensionScore> dimensions,
        List<RollUpShare> contributors) {
}
