package org.pdcaledger.query.maturity;

import org.pdcaledger.kernel.common.LocalizedName;

/**
 * One child's values in a ranking, before ranks are given (ranks depend on which children the caller may see).
 */
record RankedValue(String unitId, String unitCode, LocalizedName unitName, Double index, Double previousIndex,
        Double change) {
}
