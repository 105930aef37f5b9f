package org.pdcaledger.kernel.maturity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.pdcaledger.kernel.assessment.AssessmentPeriod;

/**
 * The children of a unit ranked for one period (seed 003: 月总结、季测评、年度考核 with ranking of units) by their
 * roll-up index as of the period's last day, and by the change since the previous period.
 * <p>
 * Once the period is closed (its last day plus the grace {@code pdca.maturity.ranking-grace} has passed), the
 * ranking is frozen as the system knew it at the closing moment, and the same ranking is returned forever; a value
 * recorded later for the period shows in {@code corrections}, never in the entries.
 *
 * @param closingAt   when the period closes
 * @param frozen      whether the entries come from the frozen record
 * @param knownAt     the recorded moment the values are as of: the closing moment once closed, {@code null} (now)
 *                    while open
 * @param tieBreak    the ordering rule, in words
 * @param entries     by {@code rank}; only children the caller may see, ranked among themselves
 * @param corrections units whose values for the period changed after the ranking was frozen
 */
public record Ranking(
        String parentId,
        String frameworkCode,
        AssessmentPeriod period,
        AssessmentPeriod previousPeriod,
        LocalDate asOf,
        Instant closingAt,
        boolean closed,
        boolean frozen,
        Instant frozenAt,
        Instant knownAt,
        String tieBreak,
        List<RankingEntry> entries,
        List<RankingCorrection> corrections) {
}
