package org.pdcaledger.kernel.maturity;

import org.pdcaledger.kernel.common.LocalizedName;

/**
 * A value of a frozen ranking that the record has since corrected (a late or reopened assessment of the period):
 * shown next to the ranking, which itself stays as it was published.
 */
public record RankingCorrection(
        String unitId,
        String unitCode,
        LocalizedName unitName,
        Double frozenIndex,
        Double correctedIndex,
        Double frozenChange,
        Double correctedChange) {
}
