package org.pdcaledger.kernel.maturity;

import org.pdcaledger.kernel.common.LocalizedName;

/**
 * A column of the heat map.
 */
public record HeatMapIndicator(String indicatorCode, LocalizedName indicatorName, String dimensionCode) {
}
