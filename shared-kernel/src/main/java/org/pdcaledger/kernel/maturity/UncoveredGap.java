package org.pdcaledger.kernel.maturity;

import org.pdcaledger.kernel.common.LocalizedName;

/**
 * An open gap without any active initiative linked to its indicator.
 */
public record UncoveredGap(
        String unitId,
        String frameworkCode,
        String indicatorCode,
        LocalizedName indicatorName,
        int currentLevel,
        int targetLevel) {
}
