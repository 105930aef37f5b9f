package org.pdcaledger.query.maturity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.pdcaledger.query.maturity.MaturityStory.FRAMEWORK;
import static org.pdcaledger.query.maturity.MaturityStory.at;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pdcaledger.kernel.access.Grant;
import org.pdcaledger.kernel.assessment.PeriodType;
import org.pdcaledger.kernel.common.NotFoundException;
import org.pdcaledger.kernel.initiative.CheckResult;
import org.pdcaledger.kernel.initiative.InitiativeStage;
import org.pdcaledger.kernel.maturity.EvidenceEntry;
import org.pdcaledger.kernel.maturity.HeatMap;
import org.pdcaledger.kernel.maturity.ImprovementEvidence;
import org.pdcaledger.kernel.maturity.IndicatorStanding;
import org.pdcaledger.kernel.maturity.Ranking;
import org.pdcaledger.kernel.maturity.RankingEntry;
import org.pdcaledger.kernel.maturity.RollUpShare;
import org.pdcaledger.kernel.maturity.StalledWork;
import org.pdcaledger.kernel.maturity.Trend;
import org.pdcaledger.kernel.maturity.UnitMaturity;
import org.pdcaledger.query.framework.FrameworkProjection;
import org.pdcaledger.support.security.Caller;
import org.pdcaledger.support.security.ScopeGuard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The maturity views over the real embedded read store, fed by the projection, for a small city whose numbers are
 * worked out by hand below.
 * <pre>
 * city C ── A ── A1, A2        framework MX: d1 (weight 2) = i1 (weight 1) + i2 (weight 3); d2 (weight 1) = i3
 *        ├─ B, D, E, F         score(level) = (level − 1) / 4 × 100: 1→0, 2→25, 3→50, 4→75, 5→100
 *
 * Q1 (recorded 2026-04-05): A all 2 → 25; B all 2 → 25; D, E all 3 → 50
 * Q2 (recorded 2026-07-03, late but counting in Q2):
 *   A  i1 5/5, i2 3/4, i3 2/4: d1 = (1×100 + 3×50) / 4 = 62.5; d2 = 25; index = (2×62.5 + 1×25) / 3 = 50
 *   A1 all 5 → 100;  A2 i1 1/3, i2 1/3, i3 4/4: d1 = 0, d2 = 75, index = 75 / 3 = 25;  B, D, E all 3 → 50
 * Roll-up of A in Q2 (own 1, children 0.5): (1×50 + 0.5×100 + 0.5×25) / 2 = 56.25; shares 0.5, 0.25, 0.25
 * Roll-up of C (no own index; children 0.5, grandchildren 0.25): (0.5×(50+50+50+50) + 0.25×(100+25)) / 2.5 = 52.5
 * Initiatives: in-1 on A/i2 (Plan 04-10, Do 04-20, Check MET 05-20, standardised 05-25),
 *              in-2 on A/i3 (Plan 05-01 with action due 05-15, Do 05-11),
 *              in-3 on A2/i1 (Plan 04-01, Do 04-05, Check NOT_MET 05-01, adjusted 05-03: cycle 2 in Plan)
 * </pre>
 */
class MaturityViewsTest {

    private static final LocalDate END_OF_Q2 = LocalDate.parse("2026-06-30");
    private static final Caller ADMIN = caller("admin", "ADMIN@*");

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private ObjectMapper mapper;
    private MaturityProjection projection;
    private FrameworkProjection frameworks;
    private MaturityStory story;
    private MovableClock clock;
    private boolean caughtUp;
    private MaturityViews views;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("test");
        mapper = new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        clock = new MovableClock(Instant.parse("2026-07-05T00:00:00Z"));
        projection = new MaturityProjection(database, mapper, clock, new MaturityProperties(null, null, null, null));
        frameworks = new FrameworkProjection(database, mapper);
        story = new MaturityStory(projection, frameworks);
        caughtUp = true;
        views = views(new MaturityProperties(null, null, null, null));
    }

    private MaturityViews views(MaturityProperties properties) {
        ScopeGuard scopes = new ScopeGuard(id -> projection.node(id).map(UnitNode::path).orElse(List.of()));
        return new MaturityViews(projection, frameworks, scopes, properties, clock, () -> caughtUp, database, mapper);
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    private static Caller caller(String name, String... grants) {
        return new Caller(name, name, java.util.Arrays.stream(grants).map(Grant::parse).toList(), false);
    }

    private void city() {
        story.published("2026-01-01")
                .unit("u-c", "C", null).unit("u-a", "A", "u-c").unit("u-b", "B", "u-c").unit("u-d", "D", "u-c")
                .unit("u-e", "E", "u-c").unit("u-f", "F", "u-c").unit("u-a1", "A1", "u-a").unit("u-a2", "A2", "u-a")
                .finalised("a-q1", "u-a", "2026-Q1", "2026-04-05", 2, 5, 2, 4, 2, 4)
                .finalised("b-q1", "u-b", "2026-Q1", "2026-04-05", 2, 3, 2, 3, 2, 3)
                .finalised("d-q1", "u-d", "2026-Q1", "2026-04-05", 3, 3, 3, 3, 3, 3)
                .finalised("e-q1", "u-e", "2026-Q1", "2026-04-05", 3, 3, 3, 3, 3, 3)
                .launched("in-3", "u-a2", "i1", "2026-04-01").executing("in-3", 1, "2026-04-05")
                .launched("in-1", "u-a", "i2", "2026-04-10").planned("in-1", 1, "act-1", "2026-05-01", "2026-04-10")
                .executing("in-1", 1, "2026-04-20")
                .measured("in-3", 1, "2026-04-20", "2026-04-20")
                .launched("in-2", "u-a", "i3", "2026-05-01").planned("in-2", 1, "act-2", "2026-05-15", "2026-05-01")
                .checked("in-3", 1, CheckResult.NOT_MET, "2026-05-01").adjusted("in-3", 1, "2026-05-03")
                .measured("in-1", 1, "2026-05-10", "2026-05-10")
                .executing("in-2", 1, "2026-05-11")
                .checked("in-1", 1, CheckResult.MET, "2026-05-20").standardised("in-1", 1, "2026-05-25")
                .finalised("a-q2", "u-a", "2026-Q2", "2026-07-03", 5, 5, 3, 4, 2, 4)
                .finalised("a1-q2", "u-a1", "2026-Q2", "2026-07-03", 5, 5, 5, 5, 5, 5)
                .finalised("a2-q2", "u-a2", "2026-Q2", "2026-07-03", 1, 3, 1, 3, 4, 4)
                .finalised("b-q2", "u-b", "2026-Q2", "2026-07-03", 3, 3, 3, 3, 3, 3)
                .finalised("d-q2", "u-d", "2026-Q2", "2026-07-03", 3, 3, 3, 3, 3, 3)
                .finalised("e-q2", "u-e", "2026-Q2", "2026-07-03", 3, 3, 3, 3, 3, 3);
    }

    /** Events whose business dates all lie after the end of Q2. */
    private void afterQ2() {
        story.finalised("a-q3", "u-a", "2026-Q3", "2026-10-05", 5, 5, 5, 5, 5, 5)
                .measured("in-2", 1, "2026-07-15", "2026-07-15")
                .checked("in-2", 1, CheckResult.PARTLY_MET, "2026-07-20")
                .launched("in-4", "u-a2", "i2", "2026-08-01");
    }

    @Test
    void unitMaturity_weighsIndicatorsAndDimensions_andRollsUpTheSubtreeByDepth() {
        city();

        UnitMaturity a = views.maturity(ADMIN, "u-a", FRAMEWORK, END_OF_Q2, null);

        assertThat(a.index()).isEqualTo(50.0);
        assertThat(a.frameworkVersion()).isEqualTo(1);
        assertThat(a.dimensions()).extracting("dimensionCode", "weight", "index")
                .containsExactly(tuple("d1", 2.0, 62.5), tuple("d2", 1.0, 25.0));
        assertThat(a.indicators()).extracting(IndicatorStanding::indicatorCode, IndicatorStanding::currentLevel,
                        IndicatorStanding::targetLevel, IndicatorStanding::gap, IndicatorStanding::score,
                        IndicatorStanding::assessmentId)
                .containsExactly(tuple("i1", 5, 5, 0, 100.0, "a-q2"), tuple("i2", 3, 4, 1, 50.0, "a-q2"),
                        tuple("i3", 2, 4, 2, 25.0, "a-q2"));
        assertThat(a.rollUp().depthWeights()).containsExactly(1.0, 0.5, 0.25);
        assertThat(a.rollUp().index()).isEqualTo(56.25);
        // radar of the subtree: d1 (1×62.5 + 0.5×100 + 0.5×0) / 2 = 56.25; d2 (1×25 + 0.5×100 + 0.5×75) / 2 = 56.25
        assertThat(a.rollUp().dimensions()).extracting("dimensionCode", "index")
                .containsExactly(tuple("d1", 56.25), tuple("d2", 56.25));
        assertThat(a.rollUp().contributors()).extracting(RollUpShare::unitCode, RollUpShare::depth,
                        RollUpShare::depthWeight, RollUpShare::index, RollUpShare::share, RollUpShare::contribution)
                .containsExactly(tuple("A", 0, 1.0, 50.0, 0.5, 25.0), tuple("A1", 1, 0.5, 100.0, 0.25, 25.0),
                        tuple("A2", 1, 0.5, 25.0, 0.25, 6.25));
    }

    @Test
    void aRollUp_reachesGrandchildren_andLeavesOutUnitsWithoutAnIndex() {
        city();

        UnitMaturity c = views.maturity(ADMIN, "u-c", FRAMEWORK, END_OF_Q2, null);

        assertThat(c.index()).isNull();
        assertThat(c.rollUp().index()).isEqualTo(52.5);
        RollUpShare f = c.rollUp().contributors().stream().filter(s -> s.unitCode().equals("F")).findFirst()
                .orElseThrow();
        assertThat(f.index()).isNull();
        assertThat(f.share()).isZero();
        RollUpShare a1 = c.rollUp().contributors().stream().filter(s -> s.unitCode().equals("A1")).findFirst()
                .orElseThrow();
        assertThat(a1.depth()).isEqualTo(2);
        assertThat(a1.share()).isEqualTo(0.1); // 0.25 / 2.5
    }

    @Test
    void depthWeights_areConfigurable_andAZeroWeightLeavesALevelOut() {
        city();

        MaturityViews grandchildrenOnly = views(new MaturityProperties(List.of(1.0, 0.0, 1.0), null, null, null));
        UnitMaturity c = grandchildrenOnly.maturity(ADMIN, "u-c", FRAMEWORK, END_OF_Q2, null);

        assertThat(c.rollUp().depthWeights()).containsExactly(1.0, 0.0, 1.0);
        assertThat(c.rollUp().index()).isEqualTo(62.5); // (100 + 25) / 2
        assertThat(c.rollUp().contributors()).extracting(RollUpShare::unitCode).containsExactly("C", "A1", "A2");

        MaturityViews even = views(new MaturityProperties(List.of(1.0, 1.0, 1.0), null, null, null));
        assertThat(even.maturity(ADMIN, "u-c", FRAMEWORK, END_OF_Q2, null).rollUp().index())
                .isEqualTo(54.17); // (4 × 50 + 100 + 25) / 6 = 54.1666…
    }

    @Test
    void coverageStagesTargetsAndCycleTimes_countTheContributingUnitsInitiatives() {
        city();

        UnitMaturity a = views.maturity(ADMIN, "u-a", FRAMEWORK, END_OF_Q2, null);

        // open gaps: A/i2, A/i3, A2/i1, A2/i2; active initiatives on A/i3 (in-2) and A2/i1 (in-3); in-1 is completed
        assertThat(a.coverage().openGaps()).isEqualTo(4);
        assertThat(a.coverage().coveredGaps()).isEqualTo(2);
        assertThat(a.coverage().ratio()).isEqualTo(0.5);
        assertThat(a.stages()).containsExactly(Map.entry(InitiativeStage.PLANNING, 1),
                Map.entry(InitiativeStage.EXECUTION, 1), Map.entry(InitiativeStage.EVALUATION, 0),
                Map.entry(InitiativeStage.CONTINUOUS_IMPROVEMENT, 0), Map.entry(InitiativeStage.COMPLETED, 1),
                Map.entry(InitiativeStage.ABANDONED, 0));
        assertThat(a.targetsMet().concludedCycles()).isEqualTo(2);
        assertThat(a.targetsMet().met()).isEqualTo(1);
        assertThat(a.targetsMet().notMet()).isEqualTo(1);
        assertThat(a.targetsMet().ratio()).isEqualTo(0.5);
        // Plan→Do: in-1 10, in-2 10, in-3 4 days; Do→Check: in-1 30, in-3 26; Check→Act: in-1 5, in-3 2
        assertThat(a.cycleTimes().planToDo().medianDays()).isEqualTo(10.0);
        assertThat(a.cycleTimes().planToDo().samples()).isEqualTo(3);
        assertThat(a.cycleTimes().doToCheck().medianDays()).isEqualTo(28.0);
        assertThat(a.cycleTimes().checkToAct().medianDays()).isEqualTo(3.5);
    }

    @Test
    void aViewAsOfADate_isIdentical_beforeAndAfterEventsWithLaterBusinessDates() throws Exception {
        city();
        String maturity = mapper.writeValueAsString(views.maturity(ADMIN, "u-a", FRAMEWORK, END_OF_Q2, null));
        String heatMap = mapper.writeValueAsString(views.heatMap(ADMIN, "u-c", FRAMEWORK, END_OF_Q2, null));
        String work = mapper.writeValueAsString(views.stalledWork(ADMIN, "u-a", FRAMEWORK, END_OF_Q2, null));
        String evidence = mapper.writeValueAsString(views.evidence(ADMIN, "u-a", FRAMEWORK, END_OF_Q2));

        afterQ2();

        assertThat(mapper.writeValueAsString(views.maturity(ADMIN, "u-a", FRAMEWORK, END_OF_Q2, null)))
                .isEqualTo(maturity);
        assertThat(mapper.writeValueAsString(views.heatMap(ADMIN, "u-c", FRAMEWORK, END_OF_Q2, null)))
                .isEqualTo(heatMap);
        assertThat(mapper.writeValueAsString(views.stalledWork(ADMIN, "u-a", FRAMEWORK, END_OF_Q2, null)))
                .isEqualTo(work);
        assertThat(mapper.writeValueAsString(views.evidence(ADMIN, "u-a", FRAMEWORK, END_OF_Q2)))
                .isEqualTo(evidence);
        // while today's view has moved on
        UnitMaturity later = views.maturity(ADMIN, "u-a", FRAMEWORK, LocalDate.parse("2026-10-31"), null);
        assertThat(later.index()).isEqualTo(100.0);
        assertThat(later.stages().get(InitiativeStage.CONTINUOUS_IMPROVEMENT)).isEqualTo(1);
    }

    @Test
    void aLateEnteredRating_countsInItsPeriod_butKnownAtShowsWhatTheSystemShowedBefore() {
        city();

        assertThat(views.maturity(ADMIN, "u-a", FRAMEWORK, END_OF_Q2, null).index()).isEqualTo(50.0);
        UnitMaturity audit = views.maturity(ADMIN, "u-a", FRAMEWORK, END_OF_Q2, Instant.parse("2026-07-01T00:00:00Z"));
        assertThat(audit.knownAt()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
        assertThat(audit.index()).isEqualTo(25.0);
        assertThat(audit.indicators()).extracting(IndicatorStanding::assessmentId).containsOnly("a-q1");
        assertThat(audit.rollUp().index()).isEqualTo(25.0);
    }

    @Test
    void knownAt_followsAReopeningAndTheCorrectedFinalisation() {
        city();
        story.reopened("a-q2", "u-a", "2026-07-10")
                .finalised("a-q2", "u-a", "2026-Q2", "2026-07-12", 5, 5, 3, 4, 3, 4);

        assertThat(views.maturity(ADMIN, "u-a", FRAMEWORK, END_OF_Q2, at("2026-07-05")).index()).isEqualTo(50.0);
        assertThat(views.maturity(ADMIN, "u-a", FRAMEWORK, END_OF_Q2, at("2026-07-11")).index()).isEqualTo(25.0);
        // i3 now 3: d2 = 50, index = (2 × 62.5 + 50) / 3 = 58.333…
        assertThat(views.maturity(ADMIN, "u-a", FRAMEWORK, END_OF_Q2, null).index()).isEqualTo(58.33);
    }

    @Test
    void ranking_ordersByIndex_thenByImprovement_thenByCode_andRanksTheChange() {
        city();

        Ranking ranking = views.ranking(ADMIN, "u-c", FRAMEWORK, Periods.parse("2026-Q2"));

        assertThat(ranking.previousPeriod().value()).isEqualTo("2026-Q1");
        assertThat(ranking.closed()).isFalse();
        assertThat(ranking.tieBreak()).contains("larger change").contains("unit code");
        // A 56.25 (Q1 25: +31.25); B 50 (Q1 25: +25); D and E 50 (Q1 50: 0) tie on both, so by code; F unassessed
        assertThat(ranking.entries()).extracting(RankingEntry::rank, RankingEntry::changeRank,
                        RankingEntry::unitCode, RankingEntry::index, RankingEntry::previousIndex,
                        RankingEntry::change)
                .containsExactly(tuple(1, 1, "A", 56.25, 25.0, 31.25), tuple(2, 2, "B", 50.0, 25.0, 25.0),
                        tuple(3, 3, "D", 50.0, 50.0, 0.0), tuple(4, 4, "E", 50.0, 50.0, 0.0),
                        tuple(null, null, "F", null, null, null));
    }

    @Test
    void aClosedPeriodsRanking_isFrozen_andALateCorrectionIsListedBesideIt_neverRewritingIt() throws Exception {
        city();
        clock.set(Instant.parse("2026-07-20T00:00:00Z"));

        Ranking first = views.ranking(ADMIN, "u-c", FRAMEWORK, Periods.parse("2026-Q2"));
        assertThat(first.closed()).isTrue();
        assertThat(first.frozen()).isTrue();
        assertThat(first.closingAt()).isEqualTo(Instant.parse("2026-07-11T00:00:00Z"));
        assertThat(first.knownAt()).isEqualTo(first.closingAt());
        assertThat(first.corrections()).isEmpty();
        List<String> frozenDocuments = documents("maturity-frozen-rankings");

        story.reopened("b-q2", "u-b", "2026-07-25")
                .finalised("b-q2", "u-b", "2026-Q2", "2026-07-26", 4, 4, 4, 4, 4, 4);
        clock.set(Instant.parse("2026-08-01T00:00:00Z"));
        Ranking later = views.ranking(ADMIN, "u-c", FRAMEWORK, Periods.parse("2026-Q2"));

        assertThat(mapper.writeValueAsString(later.entries())).isEqualTo(mapper.writeValueAsString(first.entries()));
        assertThat(later.frozenAt()).isEqualTo(first.frozenAt());
        assertThat(later.corrections()).extracting("unitCode", "frozenIndex", "correctedIndex", "frozenChange",
                "correctedChange").containsExactly(tuple("B", 50.0, 75.0, 25.0, 50.0));
        assertThat(documents("maturity-frozen-rankings")).isEqualTo(frozenDocuments);
    }

    @Test
    void aRankingFrozenLate_stillHoldsWhatWasKnownAtClosing() {
        city();
        story.reopened("b-q2", "u-b", "2026-07-25")
                .finalised("b-q2", "u-b", "2026-Q2", "2026-07-26", 4, 4, 4, 4, 4, 4);
        clock.set(Instant.parse("2026-09-01T00:00:00Z"));

        Ranking ranking = views.ranking(ADMIN, "u-c", FRAMEWORK, Periods.parse("2026-Q2"));

        assertThat(ranking.entries()).extracting(RankingEntry::unitCode, RankingEntry::index)
                .startsWith(tuple("A", 56.25), tuple("B", 50.0));
        assertThat(ranking.corrections()).extracting("unitCode", "correctedIndex").containsExactly(tuple("B", 75.0));
    }

    @Test
    void aRanking_isNotFrozen_whileTheProjectionIsCatchingUp() {
        city();
        clock.set(Instant.parse("2026-07-20T00:00:00Z"));
        caughtUp = false;

        Ranking ranking = views.ranking(ADMIN, "u-c", FRAMEWORK, Periods.parse("2026-Q2"));

        assertThat(ranking.closed()).isTrue();
        assertThat(ranking.frozen()).isFalse();
        assertThat(documents("maturity-frozen-rankings")).isEmpty();
        caughtUp = true;
        assertThat(views.ranking(ADMIN, "u-c", FRAMEWORK, Periods.parse("2026-Q2")).frozen()).isTrue();
        assertThat(documents("maturity-frozen-rankings")).hasSize(1);
    }

    @Test
    void aRanking_onlyShowsTheChildrenTheCallerMaySee_rankedAmongThemselves() {
        city();

        Ranking forLeaderOfA = views.ranking(caller("leader-a", "LEADER@u-a"), "u-c", FRAMEWORK,
                Periods.parse("2026-Q2"));
        assertThat(forLeaderOfA.entries()).extracting(RankingEntry::rank, RankingEntry::unitCode)
                .containsExactly(tuple(1, "A"));

        Ranking forLeaderOfB = views.ranking(caller("leader-b", "LEADER@u-b"), "u-c", FRAMEWORK,
                Periods.parse("2026-Q2"));
        assertThat(forLeaderOfB.entries()).extracting(RankingEntry::rank, RankingEntry::unitCode,
                RankingEntry::changeRank).containsExactly(tuple(1, "B", 1));

        assertThatThrownBy(() -> views.ranking(caller("leader-b", "LEADER@u-b"), "u-a", FRAMEWORK,
                Periods.parse("2026-Q2"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void totalsAndRollUps_ofAUnitOutsideTheCallersScope_doNotExistForThem() {
        city();
        Caller leaderOfA = caller("leader-a", "LEADER@u-a");

        assertThatThrownBy(() -> views.maturity(leaderOfA, "u-c", FRAMEWORK, END_OF_Q2, null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> views.heatMap(leaderOfA, "u-c", FRAMEWORK, END_OF_Q2, null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> views.dashboard(leaderOfA, "u-b", FRAMEWORK, Periods.parse("2026-Q2"), null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> views.maturity(caller("integrator", "INTEGRATOR@*"), "u-a", FRAMEWORK, END_OF_Q2,
                null)).isInstanceOf(NotFoundException.class);

        UnitMaturity own = views.maturity(leaderOfA, "u-a", FRAMEWORK, END_OF_Q2, null);
        assertThat(own.rollUp().contributors()).extracting(RollUpShare::unitCode).containsExactly("A", "A1", "A2");
        assertThat(own.rollUp().index()).isEqualTo(56.25);
    }

    @Test
    void heatMap_showsTheUnitThenItsChildren_withLevelAndGapPerIndicator() {
        city();

        HeatMap map = views.heatMap(ADMIN, "u-a", FRAMEWORK, END_OF_Q2, null);

        assertThat(map.indicators()).extracting("indicatorCode").containsExactly("i1", "i2", "i3");
        assertThat(map.rows()).extracting("unitCode", "index").containsExactly(tuple("A", 50.0),
                tuple("A1", 100.0), tuple("A2", 25.0));
        assertThat(map.rows().get(0).cells()).extracting("level", "target", "gap")
                .containsExactly(tuple(5, 5, 0), tuple(3, 4, 1), tuple(2, 4, 2));
        HeatMap city = views.heatMap(ADMIN, "u-c", FRAMEWORK, END_OF_Q2, null);
        assertThat(city.rows().get(0).cells()).extracting("level").containsOnlyNulls();
        assertThat(city.rows()).extracting("unitCode").containsExactly("C", "A", "B", "D", "E", "F");
    }

    @Test
    void trend_givesTheRollUpPerPeriod_forTheUnitAndEachChild() {
        city();

        Trend trend = views.trend(ADMIN, "u-a", FRAMEWORK, Periods.parse("2026-Q1"), Periods.parse("2026-Q3"),
                PeriodType.QUARTER);

        assertThat(trend.periods()).containsExactly("2026-Q1", "2026-Q2", "2026-Q3");
        assertThat(trend.series()).extracting("unitCode").containsExactly("A", "A1", "A2");
        assertThat(trend.series().get(0).points()).extracting("index").containsExactly(25.0, 56.25, 56.25);
        assertThat(trend.series().get(1).points()).extracting("index").containsExactly(null, 100.0, 100.0);

        Trend yearly = views.trend(ADMIN, "u-a", FRAMEWORK, Periods.parse("2026-Q1"), Periods.parse("2026-Q3"),
                PeriodType.YEAR);
        assertThat(yearly.periods()).containsExactly("2026");
    }

    @Test
    void stalledAndOverdueWork_andGapsNobodyWorksOn_asOfADate() {
        city();

        StalledWork work = views.stalledWork(ADMIN, "u-a", FRAMEWORK, END_OF_Q2, null);

        assertThat(work.stalledAfterDays()).isEqualTo(14);
        assertThat(work.stalled()).extracting("initiativeId", "idleDays")
                .containsExactly(tuple("in-3", 58L), tuple("in-2", 50L));
        assertThat(work.overdueActions()).extracting("initiativeId", "actionId", "daysOverdue")
                .containsExactly(tuple("in-2", "act-2", 46L));
        assertThat(work.gapsWithoutInitiative()).extracting("unitId", "indicatorCode")
                .containsExactly(tuple("u-a", "i2"), tuple("u-a2", "i2"));

        StalledWork earlier = views.stalledWork(ADMIN, "u-a", FRAMEWORK, LocalDate.parse("2026-05-12"), 60);
        assertThat(earlier.stalled()).isEmpty();
        // on 12 May in-1 was still running with its action due 1 May open; in-2's action was not due yet
        assertThat(earlier.overdueActions()).extracting("initiativeId", "actionId", "daysOverdue")
                .containsExactly(tuple("in-1", "act-1", 11L));
    }

    @Test
    void evidence_showsTheLinkedLevelBeforeLaunch_andAtTheNextFinalisedAssessment() {
        city();

        ImprovementEvidence evidence = views.evidence(ADMIN, "u-a", FRAMEWORK, END_OF_Q2);

        assertThat(evidence.entries()).extracting(EvidenceEntry::initiativeId, EvidenceEntry::indicatorCode,
                        EvidenceEntry::levelBeforeLaunch, EvidenceEntry::assessmentBeforeId,
                        EvidenceEntry::levelAfter, EvidenceEntry::assessmentAfterId, EvidenceEntry::change)
                .containsExactly(tuple("in-1", "i2", 2, "a-q1", 3, "a-q2", 1));
    }

    @Test
    void theDashboard_bringsEveryPartForThePeriod() {
        city();

        var dashboard = views.dashboard(ADMIN, "u-c", FRAMEWORK, Periods.parse("2026-Q2"), null);

        assertThat(dashboard.asOf()).isEqualTo(END_OF_Q2);
        assertThat(dashboard.maturity().rollUp().index()).isEqualTo(52.5);
        assertThat(dashboard.ranking().entries()).hasSize(5);
        assertThat(dashboard.heatMap().rows()).hasSize(6);
        assertThat(dashboard.trend().periods()).containsExactly("2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2");
        assertThat(dashboard.work().overdueActions()).extracting("actionId").containsExactly("act-2");
    }

    private List<String> documents(String collection) {
        return database.getCollection(collection).find().sort(new Document("_id", 1)).into(new ArrayList<>())
                .stream().map(Document::toJson).toList();
    }

    /** Every collection the projection writes (not the frozen rankings, which reads write). */
    private Map<String, List<String>> projectionDocuments() {
        Map<String, List<String>> all = new java.util.TreeMap<>();
        for (String name : database.listCollectionNames()) {
            if (name.startsWith("maturity-") && !name.equals("maturity-frozen-rankings")) {
                all.put(name, documents(name));
            }
        }
        return all;
    }

    @Test
    void replayingTwice_leavesEveryDocumentIdentical_andResetThenReplayRebuildsThemByteForByte() {
        city();
        afterQ2();
        Map<String, List<String>> once = projectionDocuments();
        assertThat(once.keySet()).contains("maturity-units", "maturity-assessments", "maturity-initiatives",
                "maturity-subtree-members", "maturity-subtree-scores", "maturity-subtree-work", "maturity-unit-work");
        assertThat(once.get("maturity-initiatives")).hasSize(2);

        story.rewind();
        city();
        afterQ2();
        assertThat(projectionDocuments()).isEqualTo(once);

        projection.reset();
        assertThat(projectionDocuments().values()).allMatch(List::isEmpty);
        story.rewind();
        city();
        afterQ2();
        assertThat(projectionDocuments()).isEqualTo(once);
    }

    /** Every view a reader may ask for at a date on or after every business date, as JSON, fast or folded. */
    private List<String> everyView(MaturityViews views, LocalDate asOf) throws Exception {
        List<String> json = new ArrayList<>();
        for (String unit : List.of("u-c", "u-a", "u-a1", "u-a2", "u-b", "u-d", "u-e", "u-f", "u-g")) {
            if (projection.node(unit).isEmpty()) {
                continue;
            }
            json.add(mapper.writeValueAsString(views.maturity(ADMIN, unit, FRAMEWORK, asOf, null)));
            json.add(mapper.writeValueAsString(views.stalledWork(ADMIN, unit, FRAMEWORK, asOf, null)));
            json.add(mapper.writeValueAsString(views.trend(ADMIN, unit, FRAMEWORK, Periods.parse("2026-Q1"),
                    Periods.parse("2026-Q4"), PeriodType.QUARTER)));
            json.add(mapper.writeValueAsString(views.ranking(ADMIN, unit, FRAMEWORK, Periods.parse("2026-Q3"))));
            json.add(mapper.writeValueAsString(views.dashboard(ADMIN, unit, FRAMEWORK, Periods.parse("2026-Q3"),
                    asOf)));
        }
        return json;
    }

    @Test
    void theDigestsKeptAtProjectionTime_answerExactlyAsFoldingTheLedgers() throws Exception {
        city();
        afterQ2();
        LocalDate end = LocalDate.parse("2026-12-31");

        List<String> folded = everyView(views.precomputed(false), end);
        List<String> digested = everyView(views.precomputed(true), end);

        assertThat(digested).isEqualTo(folded);
        assertThat(digested.get(0)).contains("\"rollUp\"");
    }

    @Test
    void theDigests_followMovesRetirementsAndNewUnits() throws Exception {
        city();
        story.unit("u-g", "G", "u-a1")
                .finalised("g-q2", "u-g", "2026-Q2", "2026-07-04", 4, 4, 4, 4, 4, 4)
                .launched("in-5", "u-g", "i1", "2026-07-05");
        story.moved("u-a2", "u-a", "u-b").retired("u-d")
                .finalised("a2-q3", "u-a2", "2026-Q3", "2026-10-02", 2, 3, 2, 3, 2, 3);
        LocalDate end = LocalDate.parse("2026-12-31");

        List<String> folded = everyView(views.precomputed(false), end);
        List<String> digested = everyView(views.precomputed(true), end);

        assertThat(digested).isEqualTo(folded);
        UnitMaturity b = views.maturity(ADMIN, "u-b", FRAMEWORK, end, null);
        assertThat(b.rollUp().contributors()).extracting(RollUpShare::unitCode).containsExactly("B", "A2");
        UnitMaturity c = views.maturity(ADMIN, "u-c", FRAMEWORK, end, null);
        assertThat(c.rollUp().contributors()).extracting(RollUpShare::unitCode)
                .containsExactly("C", "A", "B", "E", "F", "A1", "A2");
        assertThat(c.stages().get(InitiativeStage.PLANNING)).isEqualTo(1); // in-3 moved along with A2; in-5 is too deep
    }

}
