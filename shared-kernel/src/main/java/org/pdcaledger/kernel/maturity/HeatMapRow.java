package org.pdcaledger.kernel.maturity;

import java.util.List;

import org.pdcaledger.kernel.common.LocalizedName;

/**
 * A row of the heat map: one unit's own levels (not rolled up).
 *
 * @param cells one per heat map column, in column order; a cell of an indicator the unit was not rated on has
 *              {@code null} levels
 */
public record HeatMapRow(
        String unitId,
        String unitCode,
        LocalizedName unitName,
        Double index,
        List<HeatMapCell> cells) {
}
