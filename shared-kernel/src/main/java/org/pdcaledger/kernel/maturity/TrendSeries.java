package org.pdcaledger.kernel.maturity;

import java.util.List;

import org.pdcaledger.kernel.common.LocalizedName;

/**
 * One unit's line in a trend chart.
 */
public record TrendSeries(String unitId, String unitCode, LocalizedName unitName, List<TrendPoint> points) {
}
