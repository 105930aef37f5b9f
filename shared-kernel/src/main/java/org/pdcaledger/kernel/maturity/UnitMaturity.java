package org.pdcaledger.kernel.maturity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.pdcaledger.kernel.common.LocalizedName;
import org.pdcaledger.kernel.initiative.InitiativeStage;

/**
 * A unit's maturity against one framework as of a business date ({@code asOf}) and, for audits, as the system knew
 * it at a recorded moment ({@code knownAt}, {@code null} for "everything recorded so far").
 * <p>
 * The maturity index (0–100) of one assessment: each indicator scores {@code (level − 1) / 4 × 100}; a dimension's
 * index is the mean of its indicators' scores weighted by the indicators' weights; the overall index is the mean of
 * the dimensions' indexes weighted by the dimensions' weights. A missing weight counts as 1 (equal weights), and
 * only rated indicators and dimensions with a rated indicator take part. Indexes are rounded to two decimals.
 *
 * @param index       the unit's own overall index; {@code null} when no finalised assessment counts as of the date
 * @param rollUp      the index of the unit's subtree, weighted by depth, with every contributor's share
 * @param coverage    open gaps of the contributing units with at least one active initiative, over all open gaps
 * @param stages      initiatives of the contributing units per management-chain stage (every stage present)
 * @param targetsMet  concluded (checked) cycles of the contributing units and how many met their target
 * @param cycleTimes  median days per PDCA phase over the contributing units' cycles that passed it
 */
public record UnitMaturity(
        String unitId,
        String unitCode,
        LocalizedName unitName,
        String frameworkCode,
        Integer frameworkVersion,
        LocalDate asOf,
        Instant knownAt,
        Double index,
        List<DimensionScore> dimensions,
        List<IndicatorStanding> indicators,
        RollUp rollUp,
        GapCoverage coverage,
        Map<InitiativeStage, Integer> stages,
        TargetsMet targetsMet,
        CycleTimes cycleTimes) {
}
