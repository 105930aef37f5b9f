package org.pdcaledger.query.maturity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.pdcaledger.kernel.access.Role;
import org.pdcaledger.kernel.assessment.AssessmentPeriod;
import org.pdcaledger.kernel.assessment.PeriodType;
import org.pdcaledger.kernel.common.NotFoundException;
import org.pdcaledger.kernel.common.RuleViolationException;
import org.pdcaledger.kernel.framework.FrameworkDefinition;
import org.pdcaledger.kernel.framework.FrameworkDimension;
import org.pdcaledger.kernel.framework.FrameworkIndicator;
import org.pdcaledger.kernel.initiative.CheckResult;
import org.pdcaledger.kernel.initiative.GapReference;
import org.pdcaledger.kernel.initiative.InitiativeStage;
import org.pdcaledger.kernel.initiative.PlannedAction;
import org.pdcaledger.kernel.maturity.CycleTimes;
import org.pdcaledger.kernel.maturity.Dashboard;
import org.pdcaledger.kernel.maturity.DimensionScore;
import org.pdcaledger.kernel.maturity.EvidenceEntry;
import org.pdcaledger.kernel.maturity.GapCoverage;
import org.pdcaledger.kernel.maturity.HeatMap;
import org.pdcaledger.kernel.maturity.HeatMapCell;
import org.pdcaledger.kernel.maturity.HeatMapIndicator;
import org.pdcaledger.kernel.maturity.HeatMapRow;
import org.pdcaledger.kernel.maturity.ImprovementEvidence;
import org.pdcaledger.kernel.maturity.InitiativeList;
import org.pdcaledger.kernel.maturity.InitiativeRow;
import org.pdcaledger.kernel.maturity.OverdueAction;
import org.pdcaledger.kernel.maturity.PhaseTime;
import org.pdcaledger.kernel.maturity.Ranking;
import org.pdcaledger.kernel.maturity.RankingCorrection;
import org.pdcaledger.kernel.maturity.RankingEntry;
import org.pdcaledger.kernel.maturity.RollUp;
import org.pdcaledger.kernel.maturity.RollUpShare;
import org.pdcaledger.kernel.maturity.StalledInitiative;
import org.pdcaledger.kernel.maturity.StalledWork;
import org.pdcaledger.kernel.maturity.TargetsMet;
import org.pdcaledger.kernel.maturity.Trend;
import org.pdcaledger.kernel.maturity.TrendPoint;
import org.pdcaledger.kernel.maturity.TrendSeries;
import org.pdcaledger.kernel.maturity.UncoveredGap;
import org.pdcaledger.kernel.maturity.UnitMaturity;
import org.pdcaledger.query.config.ViewStore;
import org.pdcaledger.query.framework.FrameworkProjection;
import org.pdcaledger.support.security.Caller;
import org.pdcaledger.support.security.ScopeGuard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;

/**
 * The maturity views leadership reads, answered from the history {@link MaturityProjection} keeps: a request reads
 * the unit, its subtree down to the weighted depth and their ledgers by {@code _id}, and folds them for the asked
 * business date ({@code asOf}, default today in the units' time zone) and recorded moment ({@code knownAt}, default
 * everything recorded).
 * <p>
 * <b>Scope.</b> A unit outside the caller's scope does not exist for them (404). A roll-up, a total, a heat map or a
 * trend only counts units the caller may see: units of the subtree outside their scope are left out and the weights
 * are normalised over the rest, without saying that anything was left out. Because a grant covers a whole subtree, a
 * caller who may see a unit sees all of it, so this only matters if grants ever become narrower. A ranking under a
 * parent ranks only the children the caller may see, among themselves (a leader of bureau A asking for the city's
 * ranking sees bureau A ranked first of one, never where B stands); a child's value is its whole subtree's roll-up,
 * which the caller may see whenever they may see the child.
 * <p>
 * <b>The tree.</b> Roll-ups follow the current unit tree (like the gap board); the two time axes apply to the numbers,
 * not to where units sat at the time. Retired units are left out.
 */
public class MaturityViews {

    public static final Role[] READERS = {Role.LEADER, Role.ASSESSOR, Role.IMPROVER, Role.ADMIN};
    public static final String TIE_BREAK = "higher index first; on equal index the larger change since the previous "
            + "period first (an unknown change last); then unit code A-Z. Units without an index follow, by code. "
            + "Indexes are compared at two decimals. Change ranking: larger change first, then higher index, then "
            + "unit code.";

    private static final Comparator<RankedValue> BY_INDEX = Comparator
            .comparing(RankedValue::index, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(RankedValue::change, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(RankedValue::unitCode);
    private static final Comparator<RankedValue> BY_CHANGE = Comparator
            .comparing(RankedValue::change, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(RankedValue::index, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(RankedValue::unitCode);

    private final MaturityProjection store;
    private final FrameworkProjection frameworks;
    private final ScopeGuard scopes;
    private final MaturityProperties properties;
    private final Clock clock;
    private final ProjectionProgress progress;
    private final ViewStore<FrozenRanking> frozenRankings;
    private final ObjectMapper objectMapper;
    private volatile boolean precomputed = true;
    private static final org.bson.json.JsonWriterSettings RELAXED = org.bson.json.JsonWriterSettings.builder()
            .outputMode(org.bson.json.JsonMode.RELAXED).build();

    MaturityViews(MaturityProjection store, FrameworkProjection frameworks, ScopeGuard scopes,
            MaturityProperties properties, Clock clock, ProjectionProgress progress, MongoDatabase readStore,
            ObjectMapper objectMapper) {
        this.store = store;
        this.frameworks = frameworks;
        this.scopes = scopes;
        this.properties = properties;
        this.clock = clock;
        this.progress = progress;
        this.frozenRankings = new ViewStore<>(readStore, "maturity-frozen-rankings", FrozenRanking.class,
                objectMapper);
        this.objectMapper = objectMapper;
    }

    public List<Double> depthWeights() {
        return properties.depthWeights();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    // --- unit maturity

    public UnitMaturity maturity(Caller caller, String unitId, String frameworkCode, LocalDate asOf,
            Instant knownAt) {
        LocalDate day = asOf != null ? asOf : today();
        UnitNode unit = visibleUnit(caller, unitId);
        Optional<Fast> fast = fast(caller, unit, frameworkCode, day, knownAt, false);
        if (fast.isPresent()) {
            return maturity(fast.get(), caller, unitId, frameworkCode, day);
        }
        Snapshot snapshot = snapshot(unitId, frameworkCode, properties.deepestWeighted(), true);
        return maturity(snapshot, caller, unitId, frameworkCode, day, knownAt);
    }

    private UnitMaturity maturity(Snapshot snapshot, Caller caller, String unitId, String frameworkCode,
            LocalDate asOf, Instant knownAt) {
        List<String> contributors = contributors(snapshot, unitId, snapshot.scopes().visibility(caller, READERS));
        List<InitiativeStatus> work = contributors.stream()
                .flatMap(id -> snapshot.initiatives(id, asOf, knownAt).stream())
                .toList();
        return unitMaturity(snapshot, unitId, frameworkCode, asOf, knownAt,
                snapshot.current(unitId, asOf, knownAt), contributors,
                coverage(snapshot, contributors, frameworkCode, asOf, knownAt), stages(work), targetsMet(work),
                cycleTimes(work));
    }

    private UnitMaturity maturity(Fast fast, Caller caller, String unitId, String frameworkCode, LocalDate asOf) {
        List<String> contributors = contributors(fast.view(), unitId, fast.view().scopes().visibility(caller,
                READERS));
        Optional<AssessmentFact> current = AssessmentFolding.current(store.assessmentLedgers(List.of(unitId),
                frameworkCode).get(unitId), asOf, null);
        WorkTally tally = WorkTally.EMPTY;
        for (int depth = 0; depth <= properties.deepestWeighted(); depth++) {
            if (properties.weightAt(depth) > 0) {
                tally = tally.plus(fast.work().at(depth), 1);
            }
        }
        GapTally gaps = tally.coverage().getOrDefault(frameworkCode, new GapTally(0, 0));
        Map<InitiativeStage, Integer> stages = new EnumMap<>(InitiativeStage.class);
        for (InitiativeStage stage : InitiativeStage.values()) {
            stages.put(stage, tally.stages().getOrDefault(stage, 0));
        }
        int met = tally.checks().getOrDefault(CheckResult.MET, 0);
        int partly = tally.checks().getOrDefault(CheckResult.PARTLY_MET, 0);
        int not = tally.checks().getOrDefault(CheckResult.NOT_MET, 0);
        int concluded = met + partly + not;
        return unitMaturity(fast.view(), unitId, frameworkCode, asOf, null, current, contributors,
                new GapCoverage(gaps.open(), gaps.covered(),
                        gaps.open() == 0 ? null : IndexMath.fine((double) gaps.covered() / gaps.open())),
                stages, new TargetsMet(concluded, met, partly, not,
                        concluded == 0 ? null : IndexMath.fine((double) met / concluded)),
                new CycleTimes(median(tally.planToDo()), median(tally.doToCheck()), median(tally.checkToAct())));
    }

    private UnitMaturity unitMaturity(Subtree subtree, String unitId, String frameworkCode, LocalDate asOf,
            Instant knownAt, Optional<AssessmentFact> current, List<String> contributors, GapCoverage coverage,
            Map<InitiativeStage, Integer> stages, TargetsMet targetsMet, CycleTimes cycleTimes) {
        AssessmentFolding.Scores scores = current
                .map(fact -> AssessmentFolding.score(fact, definition(frameworkCode, fact.frameworkVersion())))
                .orElse(new AssessmentFolding.Scores(null, List.of(), List.of()));
        return new UnitMaturity(unitId, subtree.code(unitId), subtree.name(unitId), frameworkCode,
                current.map(AssessmentFact::frameworkVersion).orElse(null), asOf, knownAt,
                IndexMath.round(scores.index()), scores.dimensions(), scores.indicators(),
                rollUp(subtree, unitId, contributors, frameworkCode, asOf, knownAt), coverage, stages, targetsMet,
                cycleTimes);
    }

    /** The units of {@code unitId}'s subtree with a positive depth weight that pass {@code visible}. */
    private List<String> contributors(Subtree snapshot, String unitId, Predicate<String> visible) {
        return snapshot.subtree(unitId, properties.deepestWeighted()).stream()
                .filter(id -> properties.weightAt(snapshot.depthBelow(unitId, id)) > 0)
                .filter(visible)
                .toList();
    }

    private RollUp rollUp(Subtree snapshot, String unitId, List<String> contributors, String frameworkCode,
            LocalDate asOf, Instant knownAt) {
        double weights = 0;
        double weighted = 0;
        for (String id : contributors) {
            Optional<Double> index = snapshot.index(id, asOf, knownAt);
            if (index.isPresent()) {
                double weight = properties.weightAt(snapshot.depthBelow(unitId, id));
                weights += weight;
                weighted += weight * index.get();
            }
        }
        List<RollUpShare> shares = new ArrayList<>();
        for (String id : contributors) {
            int depth = snapshot.depthBelow(unitId, id);
            double weight = properties.weightAt(depth);
            Optional<Double> index = snapshot.index(id, asOf, knownAt);
            double share = index.isPresent() ? weight / weights : 0;
            shares.add(new RollUpShare(id, snapshot.code(id), snapshot.name(id), depth, weight,
                    IndexMath.round(index.orElse(null)), IndexMath.fine(share),
                    IndexMath.round(index.map(i -> share * i).orElse(0.0))));
        }
        return new RollUp(properties.depthWeights(), weights > 0 ? IndexMath.round(weighted / weights) : null,
                dimensions(snapshot, unitId, contributors, frameworkCode, asOf, knownAt), shares);
    }

    /** Per dimension, {@code Σ weight(depth) × dimension index / Σ weight(depth)} over the contributors rated on it. */
    private List<DimensionScore> dimensions(Subtree snapshot, String unitId, List<String> contributors,
            String frameworkCode, LocalDate asOf, Instant knownAt) {
        Map<String, double[]> sums = new java.util.HashMap<>();
        for (String id : contributors) {
            double weight = properties.weightAt(snapshot.depthBelow(unitId, id));
            snapshot.dimensions(id, asOf, knownAt).forEach((code, index) -> {
                double[] sum = sums.computeIfAbsent(code, c -> new double[2]);
                sum[0] += weight * index;
                sum[1] += weight;
            });
        }
        List<DimensionScore> dimensions = new ArrayList<>();
        Optional<FrameworkDefinition> latest = store.latestDefinition(frameworkCode);
        latest.ifPresent(definition -> definition.dimensions().forEach(dimension -> {
            double[] sum = sums.remove(dimension.code());
            if (sum != null) {
                dimensions.add(new DimensionScore(dimension.code(), dimension.name(),
                        IndexMath.weight(dimension.weight()), IndexMath.round(sum[0] / sum[1])));
            }
        }));
        sums.keySet().stream().sorted().forEach(code -> dimensions.add(new DimensionScore(code, null, 1.0,
                IndexMath.round(sums.get(code)[0] / sums.get(code)[1]))));
        return dimensions;
    }

    /** The roll-up index over the whole subtree (no scope filter), unrounded; for rankings and trends. */
    private Optional<Double> rollUpIndex(Subtree snapshot, String unitId, Predicate<String> visible, LocalDate asOf,
            Instant knownAt) {
        if (snapshot instanceof DigestView digest && knownAt == null && visible.test(unitId)) {
            Optional<Optional<Double>> summed = digest.summedRollUp(unitId, asOf, properties);
            if (summed.isPresent()) {
                return summed.get();
            }
        }
        double weights = 0;
        double weighted = 0;
        for (String id : contributors(snapshot, unitId, visible)) {
            Optional<Double> index = snapshot.index(id, asOf, knownAt);
            if (index.isPresent()) {
                double weight = properties.weightAt(snapshot.depthBelow(unitId, id));
                weights += weight;
                weighted += weight * index.get();
            }
        }
        return weights > 0 ? Optional.of(weighted / weights) : Optional.empty();
    }

    private GapCoverage coverage(Snapshot snapshot, List<String> contributors, String frameworkCode, LocalDate asOf,
            Instant knownAt) {
        int open = 0;
        int covered = 0;
        for (String id : contributors) {
            List<LevelFact> gaps = openGaps(snapshot, id, asOf, knownAt);
            List<InitiativeStatus> active = snapshot.initiatives(id, asOf, knownAt).stream()
                    .filter(InitiativeStatus::active).toList();
            for (LevelFact gap : gaps) {
                open++;
                if (active.stream().anyMatch(i -> i.works(frameworkCode, gap.indicatorCode()))) {
                    covered++;
                }
            }
        }
        return new GapCoverage(open, covered, open == 0 ? null : IndexMath.fine((double) covered / open));
    }

    private static List<LevelFact> openGaps(Snapshot snapshot, String unitId, LocalDate asOf, Instant knownAt) {
        return snapshot.current(unitId, asOf, knownAt).map(fact -> fact.levels().stream()
                .filter(level -> level.targetLevel() > level.currentLevel()).toList()).orElse(List.of());
    }

    private static Map<InitiativeStage, Integer> stages(List<InitiativeStatus> work) {
        Map<InitiativeStage, Integer> stages = new EnumMap<>(InitiativeStage.class);
        for (InitiativeStage stage : InitiativeStage.values()) {
            stages.put(stage, 0);
        }
        work.forEach(initiative -> stages.merge(initiative.stage(), 1, Integer::sum));
        return stages;
    }

    private static TargetsMet targetsMet(List<InitiativeStatus> work) {
        int met = 0;
        int partly = 0;
        int not = 0;
        for (InitiativeStatus initiative : work) {
            for (CheckResult result : initiative.checks()) {
                switch (result) {
                    case MET -> met++;
                    case PARTLY_MET -> partly++;
                    case NOT_MET -> not++;
                }
            }
        }
        int concluded = met + partly + not;
        return new TargetsMet(concluded, met, partly, not,
                concluded == 0 ? null : IndexMath.fine((double) met / concluded));
    }

    private static CycleTimes cycleTimes(List<InitiativeStatus> work) {
        return new CycleTimes(
                median(work.stream().flatMap(i -> i.planToDo().stream()).toList()),
                median(work.stream().flatMap(i -> i.doToCheck().stream()).toList()),
                median(work.stream().flatMap(i -> i.checkToAct().stream()).toList()));
    }

    private static PhaseTime median(Map<Long, Integer> histogram) {
        List<Long> days = new ArrayList<>();
        new java.util.TreeMap<>(histogram).forEach((value, count) -> {
            for (int i = 0; i < count; i++) {
                days.add(value);
            }
        });
        return median(days);
    }

    private static PhaseTime median(List<Long> days) {
        if (days.isEmpty()) {
            return new PhaseTime(null, 0);
        }
        List<Long> sorted = days.stream().sorted().toList();
        int middle = sorted.size() / 2;
        double median = sorted.size() % 2 == 1 ? sorted.get(middle)
                : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
        return new PhaseTime(median, sorted.size());
    }

    // --- heat map

    public HeatMap heatMap(Caller caller, String parentId, String frameworkCode, LocalDate asOf, Instant knownAt) {
        visibleUnit(caller, parentId);
        Snapshot snapshot = snapshot(parentId, frameworkCode, 1, false);
        return heatMap(snapshot, caller, parentId, frameworkCode, asOf != null ? asOf : today(), knownAt);
    }

    private HeatMap heatMap(Snapshot snapshot, Caller caller, String parentId, String frameworkCode, LocalDate asOf,
            Instant knownAt) {
        Predicate<String> visible = snapshot.scopes().visibility(caller, READERS);
        List<String> units = new ArrayList<>();
        units.add(parentId);
        snapshot.children(parentId).stream().filter(visible).forEach(units::add);
        List<Optional<AssessmentFact>> currents = units.stream()
                .map(id -> snapshot.current(id, asOf, knownAt)).toList();
        List<HeatMapIndicator> columns = columns(snapshot, currents);
        List<HeatMapRow> rows = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            UnitNode node = snapshot.node(units.get(i));
            Map<String, LevelFact> levels = new java.util.HashMap<>();
            currents.get(i).ifPresent(fact -> fact.levels().forEach(l -> levels.put(l.indicatorCode(), l)));
            List<HeatMapCell> cells = columns.stream().map(column -> {
                LevelFact level = levels.get(column.indicatorCode());
                return level == null ? new HeatMapCell(column.indicatorCode(), null, null, null)
                        : new HeatMapCell(column.indicatorCode(), level.currentLevel(), level.targetLevel(),
                                Math.max(0, level.targetLevel() - level.currentLevel()));
            }).toList();
            rows.add(new HeatMapRow(node.unitId(), node.code(), node.name(),
                    IndexMath.round(snapshot.index(node.unitId(), asOf, knownAt).orElse(null)), cells));
        }
        return new HeatMap(parentId, frameworkCode, asOf, knownAt, columns, rows);
    }

    /** The indicators of the newest framework version in use first, then any only older versions rated. */
    private static List<HeatMapIndicator> columns(Snapshot snapshot, List<Optional<AssessmentFact>> currents) {
        List<Integer> versions = currents.stream().flatMap(Optional::stream).map(AssessmentFact::frameworkVersion)
                .distinct().sorted(Comparator.reverseOrder()).toList();
        Map<String, HeatMapIndicator> columns = new java.util.LinkedHashMap<>();
        for (int version : versions) {
            Optional<FrameworkDefinition> definition = snapshot.definition(version);
            if (definition.isPresent()) {
                for (FrameworkDimension dimension : definition.get().dimensions()) {
                    for (FrameworkIndicator indicator : dimension.indicators()) {
                        columns.putIfAbsent(indicator.code(),
                                new HeatMapIndicator(indicator.code(), indicator.name(), dimension.code()));
                    }
                }
            } else {
                currents.stream().flatMap(Optional::stream).filter(f -> f.frameworkVersion() == version)
                        .flatMap(f -> f.levels().stream())
                        .forEach(l -> columns.putIfAbsent(l.indicatorCode(),
                                new HeatMapIndicator(l.indicatorCode(), null, null)));
            }
        }
        return List.copyOf(columns.values());
    }

    // --- trend

    public Trend trend(Caller caller, String unitId, String frameworkCode, AssessmentPeriod from, AssessmentPeriod to,
            PeriodType granularity) {
        PeriodType type = granularity != null ? granularity : PeriodType.QUARTER;
        AssessmentPeriod last = to != null ? Periods.containing(type, to.lastDay()) : Periods.containing(type, today());
        AssessmentPeriod first = from != null ? Periods.containing(type, from.firstDay()) : back(last, 3);
        List<AssessmentPeriod> periods = periods(first, last);
        UnitNode unit = visibleUnit(caller, unitId);
        return trend(withChildren(unit, frameworkCode), caller, unitId, frameworkCode, periods, type);
    }

    private List<AssessmentPeriod> periods(AssessmentPeriod first, AssessmentPeriod last) {
        if (first.firstDay().isAfter(last.firstDay())) {
            throw new RuleViolationException("trend-range-reversed", "from", "from " + first.value()
                    + " is after to " + last.value());
        }
        List<AssessmentPeriod> periods = new ArrayList<>();
        for (AssessmentPeriod p = first; !p.firstDay().isAfter(last.firstDay()); p = Periods.next(p)) {
            periods.add(p);
            if (periods.size() > properties.maxTrendPeriods()) {
                throw new RuleViolationException("trend-too-long", "from", "a trend covers at most "
                        + properties.maxTrendPeriods() + " periods");
            }
        }
        return periods;
    }

    private static AssessmentPeriod back(AssessmentPeriod period, int steps) {
        AssessmentPeriod p = period;
        for (int i = 0; i < steps; i++) {
            p = Periods.previous(p);
        }
        return p;
    }

    private Trend trend(Subtree subtree, Caller caller, String unitId, String frameworkCode,
            List<AssessmentPeriod> periods, PeriodType type) {
        Predicate<String> visible = subtree.scopes().visibility(caller, READERS);
        List<String> units = new ArrayList<>();
        units.add(unitId);
        subtree.children(unitId).stream().filter(visible).forEach(units::add);
        List<TrendSeries> series = new ArrayList<>();
        for (String id : units) {
            List<TrendPoint> points = periods.stream().map(p -> new TrendPoint(p.value(),
                    IndexMath.round(rollUpIndex(subtree, id, visible, p.lastDay(), null).orElse(null)))).toList();
            series.add(new TrendSeries(id, subtree.code(id), subtree.name(id), points));
        }
        return new Trend(unitId, frameworkCode, type, periods.stream().map(AssessmentPeriod::value).toList(), series);
    }

    // --- ranking

    /** When {@code period} closes: the start of the day after its last day, in the units' zone, plus the grace. */
    public Instant closingOf(AssessmentPeriod period) {
        return period.lastDay().plusDays(1).atStartOfDay(clock.getZone()).toInstant().plus(properties.rankingGrace());
    }

    public Ranking ranking(Caller caller, String parentId, String frameworkCode, AssessmentPeriod period) {
        UnitNode parent = store.node(parentId).orElseThrow(() -> unitNotFound(parentId));
        return ranking(withChildren(parent, frameworkCode), caller, frameworkCode, period);
    }

    private Ranking ranking(Subtree live, Caller caller, String frameworkCode, AssessmentPeriod period) {
        String parentId = live.rootId();
        boolean parentVisible = scopes.covers(caller, parentId, READERS);
        AssessmentPeriod previous = Periods.previous(period);
        Instant closingAt = closingOf(period);
        boolean closed = !clock.instant().isBefore(closingAt);
        List<RankedValue> values;
        List<RankingCorrection> corrections = List.of();
        boolean frozen = false;
        Instant frozenAt = null;
        if (closed) {
            String key = FrozenRanking.key(parentId, frameworkCode, period);
            Optional<FrozenRanking> record = frozenRankings.find(key);
            if (record.isEmpty()) {
                Snapshot atClosing = snapshot(parentId, frameworkCode, properties.deepestWeighted() + 1, false);
                FrozenRanking fresh = new FrozenRanking(parentId, frameworkCode, period, previous, closingAt,
                        clock.instant(), properties.depthWeights(),
                        values(atClosing, period, previous, closingAt));
                frozen = progress.caughtUp();
                if (frozen) {
                    frozenRankings.apply(key, Long.MAX_VALUE, current -> current == null ? fresh : null);
                    record = Optional.of(frozenRankings.find(key).orElse(fresh));
                } else {
                    record = Optional.of(fresh);
                }
            } else {
                frozen = true;
            }
            values = record.get().values();
            frozenAt = frozen ? record.get().frozenAt() : null;
            corrections = corrections(values, values(live, period, previous, null));
        } else {
            values = values(live, period, previous, null);
        }
        Predicate<String> visible = id -> parentVisible || scopes.covers(caller, id, READERS);
        List<RankedValue> shown = values.stream().filter(v -> visible.test(v.unitId())).toList();
        if (!parentVisible && shown.isEmpty()) {
            throw unitNotFound(parentId);
        }
        return new Ranking(parentId, frameworkCode, period, previous, period.lastDay(), closingAt, closed, frozen,
                frozenAt, closed ? closingAt : null, TIE_BREAK, rank(shown),
                corrections.stream().filter(c -> visible.test(c.unitId())).toList());
    }

    /** Every active child's roll-up (over its whole subtree) at the ends of both periods, as known at knownAt. */
    private List<RankedValue> values(Subtree subtree, AssessmentPeriod period, AssessmentPeriod previous,
            Instant knownAt) {
        List<RankedValue> values = new ArrayList<>();
        for (String child : subtree.children(subtree.rootId())) {
            Double index = IndexMath.round(rollUpIndex(subtree, child, id -> true, period.lastDay(), knownAt)
                    .orElse(null));
            Double before = IndexMath.round(rollUpIndex(subtree, child, id -> true, previous.lastDay(), knownAt)
                    .orElse(null));
            Double change = index == null || before == null ? null : IndexMath.round(index - before);
            values.add(new RankedValue(child, subtree.code(child), subtree.name(child), index, before, change));
        }
        return values;
    }

    private static List<RankingCorrection> corrections(List<RankedValue> frozen, List<RankedValue> now) {
        Map<String, RankedValue> current = new java.util.HashMap<>();
        now.forEach(value -> current.put(value.unitId(), value));
        List<RankingCorrection> corrections = new ArrayList<>();
        for (RankedValue was : frozen) {
            RankedValue is = current.get(was.unitId());
            if (is != null && (!java.util.Objects.equals(was.index(), is.index())
                    || !java.util.Objects.equals(was.change(), is.change()))) {
                corrections.add(new RankingCorrection(was.unitId(), was.unitCode(), was.unitName(), was.index(),
                        is.index(), was.change(), is.change()));
            }
        }
        return corrections;
    }

    private static List<RankingEntry> rank(List<RankedValue> values) {
        List<RankedValue> byIndex = values.stream().sorted(BY_INDEX).toList();
        List<RankedValue> byChange = values.stream().filter(v -> v.change() != null).sorted(BY_CHANGE).toList();
        List<RankingEntry> entries = new ArrayList<>();
        int rank = 0;
        for (RankedValue value : byIndex) {
            Integer changeRank = byChange.contains(value) ? byChange.indexOf(value) + 1 : null;
            entries.add(new RankingEntry(value.index() == null ? null : ++rank, changeRank, value.unitId(),
                    value.unitCode(), value.unitName(), value.index(), value.previousIndex(), value.change()));
        }
        return entries;
    }

    // --- stalled and overdue work, evidence, initiative list

    public StalledWork stalledWork(Caller caller, String unitId, String frameworkCode, LocalDate asOf,
            Integer stalledAfterDays) {
        LocalDate day = asOf != null ? asOf : today();
        UnitNode unit = visibleUnit(caller, unitId);
        Optional<Fast> fast = fast(caller, unit, frameworkCode, day, null, false);
        if (fast.isPresent()) {
            return stalledWork(fast.get(), caller, unitId, frameworkCode, day, stalledAfterDays);
        }
        Snapshot snapshot = snapshot(unitId, frameworkCode, properties.deepestWeighted(), true);
        return stalledWork(snapshot, caller, unitId, frameworkCode, day, stalledAfterDays);
    }

    private StalledWork stalledWork(Snapshot snapshot, Caller caller, String unitId, String frameworkCode,
            LocalDate asOf, Integer stalledAfterDays) {
        List<String> contributors = contributors(snapshot, unitId, snapshot.scopes().visibility(caller, READERS));
        Map<String, List<InitiativeStatus>> active = new java.util.LinkedHashMap<>();
        Map<String, List<LevelFact>> gaps = new java.util.HashMap<>();
        Map<String, Optional<FrameworkDefinition>> definitions = new java.util.HashMap<>();
        for (String id : contributors) {
            active.put(id, snapshot.initiatives(id, asOf, null).stream().filter(InitiativeStatus::active).toList());
            gaps.put(id, openGaps(snapshot, id, asOf, null));
            definitions.put(id, snapshot.current(id, asOf, null)
                    .flatMap(fact -> snapshot.definition(fact.frameworkVersion())));
        }
        return stalledWork(unitId, frameworkCode, asOf, stalledAfterDays, active, gaps, definitions);
    }

    private StalledWork stalledWork(Fast fast, Caller caller, String unitId, String frameworkCode, LocalDate asOf,
            Integer stalledAfterDays) {
        List<String> contributors = contributors(fast.view(), unitId, fast.view().scopes().visibility(caller,
                READERS));
        Map<String, UnitWork> own = new java.util.HashMap<>();
        store.digests().unitWork().findAll(com.mongodb.client.model.Filters.in("_id", contributors))
                .forEach(work -> own.put(work.unitId(), work));
        Map<String, List<InitiativeStatus>> active = new java.util.LinkedHashMap<>();
        Map<String, List<LevelFact>> gaps = new java.util.HashMap<>();
        Map<String, Optional<FrameworkDefinition>> definitions = new java.util.HashMap<>();
        for (String id : contributors) {
            UnitWork work = own.getOrDefault(id, UnitWork.empty(id));
            active.put(id, work.active());
            gaps.put(id, work.openGaps().getOrDefault(frameworkCode, List.of()));
            definitions.put(id, Optional.ofNullable(work.gapVersions().get(frameworkCode))
                    .flatMap(version -> definition(frameworkCode, version)));
        }
        return stalledWork(unitId, frameworkCode, asOf, stalledAfterDays, active, gaps, definitions);
    }

    private StalledWork stalledWork(String unitId, String frameworkCode, LocalDate asOf, Integer stalledAfterDays,
            Map<String, List<InitiativeStatus>> active, Map<String, List<LevelFact>> openGaps,
            Map<String, Optional<FrameworkDefinition>> definitions) {
        int idleLimit = stalledAfterDays != null ? stalledAfterDays : (int) properties.stalledAfter().toDays();
        List<StalledInitiative> stalled = new ArrayList<>();
        List<OverdueAction> overdue = new ArrayList<>();
        List<UncoveredGap> uncovered = new ArrayList<>();
        active.forEach((id, work) -> {
            for (InitiativeStatus initiative : work) {
                long idle = ChronoUnit.DAYS.between(initiative.lastActivityOn(), asOf);
                if (idle > idleLimit) {
                    stalled.add(new StalledInitiative(initiative.initiativeId(), id, initiative.title(),
                            initiative.stage(), initiative.lastActivityOn(), idle));
                }
                for (PlannedAction action : initiative.openActions()) {
                    if (action.dueDate() != null && action.dueDate().isBefore(asOf)) {
                        overdue.add(new OverdueAction(initiative.initiativeId(), id, initiative.title(),
                                action.actionId(), action.description(), action.owner(), action.dueDate(),
                                ChronoUnit.DAYS.between(action.dueDate(), asOf)));
                    }
                }
            }
            for (LevelFact gap : openGaps.getOrDefault(id, List.of())) {
                if (work.stream().noneMatch(i -> i.works(frameworkCode, gap.indicatorCode()))) {
                    uncovered.add(new UncoveredGap(id, frameworkCode, gap.indicatorCode(), definitions.get(id)
                            .flatMap(d -> d.indicator(gap.indicatorCode())).map(FrameworkIndicator::name)
                            .orElse(null), gap.currentLevel(), gap.targetLevel()));
                }
            }
        });
        stalled.sort(Comparator.comparingLong(StalledInitiative::idleDays).reversed()
                .thenComparing(StalledInitiative::initiativeId));
        overdue.sort(Comparator.comparing(OverdueAction::dueDate).thenComparing(OverdueAction::initiativeId)
                .thenComparing(OverdueAction::actionId));
        return new StalledWork(unitId, frameworkCode, asOf, idleLimit, stalled, overdue, uncovered);
    }

    public ImprovementEvidence evidence(Caller caller, String unitId, String frameworkCode, LocalDate asOf) {
        visibleUnit(caller, unitId);
        Snapshot snapshot = snapshot(unitId, frameworkCode, properties.deepestWeighted(), true);
        LocalDate day = asOf != null ? asOf : today();
        List<EvidenceEntry> entries = new ArrayList<>();
        for (String id : contributors(snapshot, unitId, snapshot.scopes().visibility(caller, READERS))) {
            List<AssessmentFact> trail = AssessmentFolding.trail(snapshot.assessments(id), day, null);
            for (InitiativeStatus initiative : snapshot.initiatives(id, day, null)) {
                if (initiative.standardisedOn() == null) {
                    continue;
                }
                Optional<AssessmentFact> before = AssessmentFolding.current(snapshot.assessments(id),
                        initiative.launchedOn(), initiative.launchedAt());
                Optional<AssessmentFact> after = trail.stream()
                        .filter(fact -> fact.periodEnd().isAfter(initiative.standardisedOn())).findFirst();
                for (GapReference gap : initiative.gaps()) {
                    if (!gap.frameworkCode().equals(frameworkCode)) {
                        continue;
                    }
                    Integer was = before.flatMap(f -> level(f, gap.indicatorCode())).orElse(null);
                    Integer is = after.flatMap(f -> level(f, gap.indicatorCode())).orElse(null);
                    entries.add(new EvidenceEntry(initiative.initiativeId(), id, initiative.title(),
                            initiative.launchedOn(), initiative.standardisedOn(), gap.indicatorCode(), was,
                            before.map(AssessmentFact::assessmentId).orElse(null), is,
                            after.map(AssessmentFact::assessmentId).orElse(null),
                            after.map(AssessmentFact::period).orElse(null),
                            was == null || is == null ? null : is - was));
                }
            }
        }
        return new ImprovementEvidence(unitId, frameworkCode, day, entries);
    }

    private static Optional<Integer> level(AssessmentFact fact, String indicatorCode) {
        return fact.levels().stream().filter(l -> l.indicatorCode().equals(indicatorCode))
                .map(LevelFact::currentLevel).findFirst();
    }

    public InitiativeList initiatives(Caller caller, String unitId, String frameworkCode, LocalDate asOf) {
        visibleUnit(caller, unitId);
        Snapshot snapshot = snapshot(unitId, frameworkCode, properties.deepestWeighted(), true);
        LocalDate day = asOf != null ? asOf : today();
        long idleLimit = properties.stalledAfter().toDays();
        List<InitiativeRow> rows = new ArrayList<>();
        for (String id : contributors(snapshot, unitId, snapshot.scopes().visibility(caller, READERS))) {
            UnitNode node = snapshot.node(id);
            snapshot.initiatives(id, day, null).stream()
                    .filter(i -> frameworkCode == null
                            || i.gaps().stream().anyMatch(g -> g.frameworkCode().equals(frameworkCode)))
                    .sorted(Comparator.comparing(InitiativeStatus::launchedOn)
                            .thenComparing(InitiativeStatus::initiativeId))
                    .forEach(i -> rows.add(new InitiativeRow(i.initiativeId(), id, node.code(), node.name(),
                            i.title(), i.owner(), i.stage(), i.cycle(),
                            i.gaps().stream().map(g -> g.frameworkCode() + "/" + g.indicatorCode()).toList(),
                            i.lastResult(), i.openActions().size(),
                            (int) i.openActions().stream()
                                    .filter(a -> a.dueDate() != null && a.dueDate().isBefore(day)).count(),
                            i.active() && ChronoUnit.DAYS.between(i.lastActivityOn(), day) > idleLimit,
                            i.launchedOn(), i.lastActivityOn())));
        }
        rows.sort(Comparator.comparing(InitiativeRow::unitCode));
        return new InitiativeList(unitId, day, rows);
    }

    // --- the dashboard

    public Dashboard dashboard(Caller caller, String unitId, String frameworkCode, AssessmentPeriod period,
            LocalDate asOf) {
        LocalDate today = today();
        AssessmentPeriod shown = period != null ? period
                : Periods.containing(PeriodType.QUARTER, asOf != null ? asOf : today);
        LocalDate day = asOf != null ? asOf
                : shown.lastDay().isBefore(today) ? shown.lastDay() : today;
        UnitNode unit = visibleUnit(caller, unitId);
        List<AssessmentPeriod> periods = periods(back(shown, 3), shown);
        Snapshot heat = snapshot(unitId, frameworkCode, 1, false);
        Optional<Fast> fast = fast(caller, unit, frameworkCode, day, null, true);
        if (fast.isPresent()) {
            return new Dashboard(unitId, frameworkCode, shown, day,
                    maturity(fast.get(), caller, unitId, frameworkCode, day),
                    ranking(fast.get().view(), caller, frameworkCode, shown),
                    heatMap(heat, caller, unitId, frameworkCode, day, null),
                    trend(fast.get().view(), caller, unitId, frameworkCode, periods, shown.type()),
                    stalledWork(fast.get(), caller, unitId, frameworkCode, day, null));
        }
        Snapshot snapshot = snapshot(unitId, frameworkCode, properties.deepestWeighted() + 1, true);
        return new Dashboard(unitId, frameworkCode, shown, day,
                maturity(snapshot, caller, unitId, frameworkCode, day, null),
                ranking(snapshot, caller, frameworkCode, shown),
                heatMap(heat, caller, unitId, frameworkCode, day, null),
                trend(snapshot, caller, unitId, frameworkCode, periods, shown.type()),
                stalledWork(snapshot, caller, unitId, frameworkCode, day, null));
    }

    // --- where the numbers come from

    /**
     * The digests of the unit (and of its children), when they can answer: everything recorded so far
     * ({@code knownAt} absent), digests as deep as the weights reach, no business date in the subtree after
     * {@code asOf} (the work tallies hold the latest state), and every contributor visible to the caller (the
     * tallies cannot leave a unit out). Otherwise the ledgers are folded.
     */
    private Optional<Fast> fast(Caller caller, UnitNode unit, String frameworkCode, LocalDate asOf, Instant knownAt,
            boolean children) {
        if (knownAt != null || !precomputed) {
            return Optional.empty();
        }
        Optional<DigestView> view = digest(unit, frameworkCode, children);
        if (view.isEmpty()) {
            return Optional.empty();
        }
        SubtreeWork work = store.digests().work().find(unit.unitId())
                .orElse(new SubtreeWork(unit.unitId(), List.of(), null));
        if (work.latestBusinessDate() != null && work.latestBusinessDate().isAfter(asOf)) {
            return Optional.empty();
        }
        Predicate<String> visible = view.get().scopes().visibility(caller, READERS);
        if (!view.get().subtree(unit.unitId(), properties.deepestWeighted()).stream().allMatch(visible)) {
            return Optional.empty();
        }
        return Optional.of(new Fast(view.get(), work));
    }

    /** The unit's subtree with its children's, from the digests when they reach deep enough, else the ledgers. */
    private Subtree withChildren(UnitNode unit, String frameworkCode) {
        Optional<DigestView> view = precomputed ? digest(unit, frameworkCode, true) : Optional.empty();
        if (view.isPresent()) {
            return view.get();
        }
        return snapshot(unit.unitId(), frameworkCode, properties.deepestWeighted() + 1, false);
    }

    private Optional<DigestView> digest(UnitNode unit, String frameworkCode, boolean withChildren) {
        int deepest = properties.deepestWeighted();
        Optional<SubtreeMembers> root = store.digests().members().find(unit.unitId());
        if (root.isEmpty() || root.get().depth() < deepest) {
            return Optional.empty();
        }
        Map<String, SubtreeMembers> members = new java.util.HashMap<>();
        members.put(unit.unitId(), root.get());
        List<String> keys = new ArrayList<>(List.of(SubtreeScores.key(unit.unitId(), frameworkCode)));
        Map<String, List<DepthSums>> sums = new java.util.HashMap<>();
        if (withChildren) {
            List<String> children = root.get().members().stream().filter(m -> m.depth() == 1)
                    .map(SubtreeMember::unitId).toList();
            for (SubtreeMembers child : withoutMembers(store.digests().members(), SubtreeMembers.class,
                    children)) {
                if (child.depth() < deepest) {
                    return Optional.empty();
                }
            }
            withoutMembers(store.digests().scores(), SubtreeScores.class, children.stream()
                    .map(child -> SubtreeScores.key(child, frameworkCode)).toList())
                    .forEach(doc -> sums.put(doc.unitId(), doc.byDepth()));
            children.forEach(child -> sums.putIfAbsent(child, List.of()));
        }
        List<SubtreeScores> scores = store.digests().scores().findAll(com.mongodb.client.model.Filters.in("_id",
                keys));
        return Optional.of(new DigestView(unit.unitId(), unit.path(), members, scores, sums));
    }

    /** Digest documents without their (long) member lists: a child's depth and depth sums are all a read needs. */
    private <T> List<T> withoutMembers(ViewStore<T> digest, Class<T> type, List<String> keys) {
        List<T> documents = new ArrayList<>();
        digest.collection().find(com.mongodb.client.model.Filters.in("_id", keys))
                .projection(com.mongodb.client.model.Projections.exclude("_id", ViewStore.POSITION, "members"))
                .forEach(document -> {
                    try {
                        documents.add(objectMapper.readValue(document.toJson(RELAXED), type));
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new IllegalStateException("cannot read " + type.getSimpleName(), e);
                    }
                });
        return documents;
    }

    /** What the digests give a read: the subtree and the unit's work tallies by depth. */
    private record Fast(DigestView view, SubtreeWork work) {
    }

    private Snapshot snapshot(String unitId, String frameworkCode, int depth, boolean withWork) {
        return Snapshot.load(store, unitId, Math.max(0, depth), frameworkCode,
                version -> definition(frameworkCode, version), withWork)
                .orElseThrow(() -> unitNotFound(unitId));
    }

    private Optional<FrameworkDefinition> definition(String frameworkCode, int version) {
        Optional<FrameworkDefinition> own = store.definition(frameworkCode, version);
        return own.isPresent() ? own : frameworks.definition(frameworkCode, version);
    }

    /** Reads from the digests when they can answer (the default); {@code false} always folds the ledgers. */
    MaturityViews precomputed(boolean use) {
        this.precomputed = use;
        return this;
    }

    // --- scope

    private UnitNode visibleUnit(Caller caller, String unitId) {
        if (!scopes.covers(caller, unitId, READERS)) {
            throw unitNotFound(unitId);
        }
        return store.node(unitId).orElseThrow(() -> unitNotFound(unitId));
    }

    private static NotFoundException unitNotFound(String unitId) {
        return new NotFoundException("unit-not-found", "unit", "no unit " + unitId);
    }
}
