package org.pdcaledger.query.maturity;

import java.time.Instant;
import java.util.List;

import org.pdcaledger.kernel.assessment.AssessmentPeriod;

/**
 * The record of a closed period's ranking, written the first time it is read after closing and never changed. Its
 * values are the ones the system knew at the closing moment, so whenever it is frozen it holds the same numbers.
 */
record FrozenRanking(
        String parentId,
        String frameworkCode,
        AssessmentPeriod period,
        AssessmentPeriod previousPeriod,
        Instant closingAt,
        Instant frozenAt,
        List<Double> depthWeights,
        List<RankedValue> values) {

    static String key(String parentId, String frameworkCode, AssessmentPeriod period) {
        return parentId + "|" + frameworkCode + "|" + period.value();
    }
}
