package org.pdcaledger.query.maturity;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The arithmetic of the maturity index, in one place.
 */
final class IndexMath {

    private IndexMath() {
    }

    /** A level 1–5 as a score 0–100: {@code (level − 1) / 4 × 100}. */
    static double score(int level) {
        return (level - 1) / 4.0 * 100.0;
    }

    /** Half up to two decimals: every index and ratio is shown, compared and ranked at this precision. */
    static Double round(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    /** Half up to four decimals, for shares and ratios. */
    static double fine(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }

    static double weight(Double configured) {
        return configured == null ? 1.0 : configured;
    }
}
