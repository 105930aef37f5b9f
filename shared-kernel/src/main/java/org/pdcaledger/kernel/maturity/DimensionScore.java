package org.pdcaledger.kernel.maturity;

import org.pdcaledger.kernel.common.LocalizedName;

/**
 * One dimension of the radar: its index 0–100 and the weight it carries in the overall index.
 *
 * @param weight the framework's weight of the dimension, 1 when the framework gives none
 */
public record DimensionScore(
        String dimensionCode,
        LocalizedName dimensionName,
        double weight,
        double index) {
}
