package org.pdcaledger.query.maturity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pdcaledger.kernel.common.LocalizedName;
import org.pdcaledger.kernel.framework.FrameworkDefinition;
import org.pdcaledger.kernel.framework.FrameworkDimension;
import org.pdcaledger.kernel.framework.FrameworkIndicator;
import org.pdcaledger.kernel.maturity.DimensionScore;
import org.pdcaledger.kernel.maturity.IndicatorStanding;

/**
 * Folds an assessment ledger for a business date and a recorded moment, and scores an assessment.
 */
final class AssessmentFolding {

    /** The order that decides which assessment stands, as {@code AssessmentTrail} orders them. */
    static final Comparator<AssessmentFact> ORDER = Comparator.comparing(AssessmentFact::periodEnd)
            .thenComparingLong(AssessmentFact::position);

    private AssessmentFolding() {
    }

    /**
     * The finalised assessments that count as of {@code asOf} (their period ended on or before it) as the system
     * knew them at {@code knownAt} ({@code null}: everything recorded), in standing order: the last one is current.
     * A reopening recorded by then takes its assessment out until it is finalised again.
     */
    static List<AssessmentFact> trail(AssessmentLedger ledger, LocalDate asOf, Instant knownAt) {
        if (ledger == null) {
            return List.of();
        }
        Map<String, AssessmentFact> finalised = new LinkedHashMap<>();
        for (AssessmentFact fact : ledger.facts()) {
            if (knownAt != null && fact.recordedAt().isAfter(knownAt)) {
                continue;
            }
            if (fact.finalised()) {
                finalised.remove(fact.assessmentId());
                finalised.put(fact.assessmentId(), fact);
            } else {
                finalised.remove(fact.assessmentId());
            }
        }
        List<AssessmentFact> trail = new ArrayList<>();
        for (AssessmentFact fact : finalised.values()) {
            if (asOf == null || !fact.periodEnd().isAfter(asOf)) {
                trail.add(fact);
            }
        }
        trail.sort(ORDER);
        return trail;
    }

    static Optional<AssessmentFact> current(AssessmentLedger ledger, LocalDate asOf, Instant knownAt) {
        List<AssessmentFact> trail = trail(ledger, asOf, knownAt);
        return trail.isEmpty() ? Optional.empty() : Optional.of(trail.get(trail.size() - 1));
    }

    /**
     * The index of one assessment: see {@link org.pdcaledger.kernel.maturity.UnitMaturity}. Without the framework
     * version's definition (not projected yet) every indicator weighs the same and there are no dimensions.
     */
    static Scores score(AssessmentFact assessment, Optional<FrameworkDefinition> definition) {
        Map<String, LevelFact> levels = new LinkedHashMap<>();
        assessment.levels().forEach(level -> levels.put(level.indicatorCode(), level));
        List<IndicatorStanding> standings = new ArrayList<>();
        if (definition.isEmpty()) {
            double sum = 0;
            for (LevelFact level : levels.values()) {
                standings.add(standing(level, null, null, assessment));
                sum += IndexMath.score(level.currentLevel());
            }
            Double index = levels.isEmpty() ? null : sum / levels.size();
            return new Scores(index, List.of(), standings);
        }
        List<DimensionScore> dimensions = new ArrayList<>();
        double weighted = 0;
        double weights = 0;
        for (FrameworkDimension dimension : definition.get().dimensions()) {
            double dimensionSum = 0;
            double dimensionWeights = 0;
            for (FrameworkIndicator indicator : dimension.indicators()) {
                LevelFact level = levels.get(indicator.code());
                if (level == null) {
                    continue;
                }
                standings.add(standing(level, indicator.name(), dimension.code(), assessment));
                double weight = IndexMath.weight(indicator.weight());
                dimensionSum += weight * IndexMath.score(level.currentLevel());
                dimensionWeights += weight;
            }
            if (dimensionWeights > 0) {
                double dimensionIndex = dimensionSum / dimensionWeights;
                double weight = IndexMath.weight(dimension.weight());
                dimensions.add(new DimensionScore(dimension.code(), dimension.name(), weight,
                        IndexMath.round(dimensionIndex)));
                weighted += weight * dimensionIndex;
                weights += weight;
            }
        }
        return new Scores(weights > 0 ? weighted / weights : null, dimensions, standings);
    }

    private static IndicatorStanding standing(LevelFact level, LocalizedName name, String dimensionCode,
            AssessmentFact assessment) {
        return new IndicatorStanding(level.indicatorCode(), name, dimensionCode, level.currentLevel(),
                level.targetLevel(), Math.max(0, level.targetLevel() - level.currentLevel()),
                IndexMath.round(IndexMath.score(level.currentLevel())), assessment.assessmentId(),
                assessment.period(), assessment.frameworkVersion());
    }

    /**
     * The scores of one assessment.
     *
     * @param index unrounded; rounded where it is shown
     */
    record Scores(Double index, List<DimensionScore> dimensions, List<IndicatorStanding> indicators) {
    }
}
