package org.pdcaledger.command.initiative;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pdcaledger.command.framework.FrameworkCatalogTable;
import org.pdcaledger.command.unit.UnitTreeTable;
import org.pdcaledger.kernel.common.AccessDeniedException;
import org.pdcaledger.kernel.common.NotFoundException;
import org.pdcaledger.kernel.common.RuleViolationException;
import org.pdcaledger.kernel.common.StateConflictException;
import org.pdcaledger.kernel.initiative.AbandonInitiativeCommand;
import org.pdcaledger.kernel.initiative.ActionAddedEvent;
import org.pdcaledger.kernel.initiative.ActionCompletedEvent;
import org.pdcaledger.kernel.initiative.ActionDroppedEvent;
import org.pdcaledger.kernel.initiative.ActionReplannedEvent;
import org.pdcaledger.kernel.initiative.AddActionCommand;
import org.pdcaledger.kernel.initiative.AdjustCycleCommand;
import org.pdcaledger.kernel.initiative.CheckCycleCommand;
import org.pdcaledger.kernel.initiative.CheckResult;
import org.pdcaledger.kernel.initiative.CompleteActionCommand;
import org.pdcaledger.kernel.initiative.CycleAdjustedEvent;
import org.pdcaledger.kernel.initiative.CycleCheckedEvent;
import org.pdcaledger.kernel.initiative.DropActionCommand;
import org.pdcaledger.kernel.initiative.ExecutionStartedEvent;
import org.pdcaledger.kernel.initiative.GapReference;
import org.pdcaledger.kernel.initiative.InitiativeAbandonedEvent;
import org.pdcaledger.kernel.initiative.InitiativeLaunchedEvent;
import org.pdcaledger.kernel.initiative.InitiativeStandardisedEvent;
import org.pdcaledger.kernel.initiative.LaunchInitiativeCommand;
import org.pdcaledger.kernel.initiative.MeasurementRecordedEvent;
import org.pdcaledger.kernel.initiative.Metric;
import org.pdcaledger.kernel.initiative.MetricDirection;
import org.pdcaledger.kernel.initiative.ObservationRecordedEvent;
import org.pdcaledger.kernel.initiative.PlanRecordedEvent;
import org.pdcaledger.kernel.initiative.PlannedAction;
import org.pdcaledger.kernel.initiative.RecordMeasurementCommand;
import org.pdcaledger.kernel.initiative.RecordObservationCommand;
import org.pdcaledger.kernel.initiative.RecordPlanCommand;
import org.pdcaledger.kernel.initiative.ReplanActionCommand;
import org.pdcaledger.kernel.initiative.StandardiseInitiativeCommand;
import org.pdcaledger.kernel.initiative.StartExecutionCommand;
import org.pdcaledger.support.security.ScopeGuard;

class InitiativeTest {

    static final String ID = "i-1";
    static final LocalDate TODAY = LocalDate.parse("2026-03-10");
    /** 2026-03-10 01:00 in Beijing is still 2026-03-09 in UTC: "today" must be the units' day. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-09T17:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final Map<String, Object> IMPROVER = Map.of("actor", "li", "grants", List.of("IMPROVER@u-a"));
    static final Map<String, Object> ADMIN = Map.of("actor", "admin", "grants", List.of("ADMIN@*"));
    static final Map<String, Object> LEADER = Map.of("actor", "wang", "grants", List.of("LEADER@u-a"));
    static final Map<String, Object> OTHER_IMPROVER = Map.of("actor", "zhao", "grants", List.of("IMPROVER@u-b"));

    /** Document handling time in days: from 10 down to 4 (seed 004: 7–15 days to 3–5). */
    static final Metric DAYS = new Metric("公文办理时长", "天", new BigDecimal("10"), new BigDecimal("4"),
            MetricDirection.LOWER_IS_BETTER);
    static final List<GapReference> GAPS = List.of(new GapReference("GOV-OPS", "STANDARDISATION"));
    static final PlannedAction A1 = new PlannedAction("a-1", "梳理公文流转环节", "li", LocalDate.parse("2026-03-20"));
    static final PlannedAction A2 = new PlannedAction("a-2", "上线电子签批", "zhang", LocalDate.parse("2026-04-10"));

    static final InitiativeLaunchedEvent LAUNCHED = new InitiativeLaunchedEvent(ID, "u-a", "压缩公文办理时长",
            "公文办理平均需要10天", "li", List.of("li", "zhang"), GAPS, DAYS);
    static final PlanRecordedEvent PLANNED = new PlanRecordedEvent(ID, 1, "办理时长降到4天", "减少签批环节可缩短时长",
            "连续两个月平均不超过4天", List.of(A1, A2));
    static final ExecutionStartedEvent STARTED = new ExecutionStartedEvent(ID, 1);
    static final MeasurementRecordedEvent MEASURED_6 = new MeasurementRecordedEvent(ID, 1, new BigDecimal("6"),
            LocalDate.parse("2026-03-01"), null);
    static final CycleCheckedEvent CHECKED = new CycleCheckedEvent(ID, 1, CheckResult.PARTLY_MET,
            CheckResult.PARTLY_MET, null, "签批环节仍多", new BigDecimal("6"), LocalDate.parse("2026-03-01"));

    AggregateTestFixture<Initiative> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Initiative.class);
        UnitTreeTable tree = mock(UnitTreeTable.class);
        when(tree.exists("u-a")).thenReturn(true);
        when(tree.pathOf("u-a")).thenReturn(List.of("u-city", "u-a"));
        when(tree.exists("u-b")).thenReturn(true);
        when(tree.pathOf("u-b")).thenReturn(List.of("u-city", "u-b"));
        fixture.registerInjectableResource(tree);
        fixture.registerInjectableResource(new ScopeGuard(tree));
        fixture.registerInjectableResource(CLOCK);
        FrameworkCatalogTable catalog = mock(FrameworkCatalogTable.class);
        when(catalog.latestVersion("GOV-OPS")).thenReturn(Optional.of(1));
        when(catalog.hasIndicator("GOV-OPS", "STANDARDISATION")).thenReturn(true);
        when(catalog.hasIndicator("GOV-OPS", "AGILITY")).thenReturn(true);
        fixture.registerInjectableResource(catalog);
    }

    static LaunchInitiativeCommand launch(Metric metric, List<GapReference> gaps) {
        return new LaunchInitiativeCommand(ID, "u-a", "压缩公文办理时长", "公文办理平均需要10天", "li",
                List.of("li", "zhang", "li"), gaps, metric);
    }

    @Nested
    class Launch {

        @Test
        void launch_emitsInitiativeLaunched_withTheTeamDeduplicated() {
            fixture.givenNoPriorActivity()
                    .when(launch(DAYS, GAPS), IMPROVER)
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(LAUNCHED);
        }

        @Test
        void launch_isAllowed_forAnAdministrator_andWithoutGaps() {
            fixture.givenNoPriorActivity()
                    .when(launch(DAYS, List.of()), ADMIN)
                    .expectEvents(new InitiativeLaunchedEvent(ID, "u-a", "压缩公文办理时长", "公文办理平均需要10天", "li",
                            List.of("li", "zhang"), List.of(), DAYS));
        }

        @Test
        void launch_isRejected_whenTheUnitIsUnknown() {
            fixture.givenNoPriorActivity()
                    .when(new LaunchInitiativeCommand(ID, "u-nowhere", "t", "p", "li", List.of(), List.of(), DAYS),
                            ADMIN)
                    .expectException(RuleViolationException.class)
                    .expectException(field("unitId", "unit-unknown"))
                    .expectNoEvents();
        }

        @Test
        void launch_isDenied_withoutAnImproverGrantOnTheUnit() {
            fixture.givenNoPriorActivity().when(launch(DAYS, GAPS), LEADER)
                    .expectException(AccessDeniedException.class).expectNoEvents();
            fixture.givenNoPriorActivity().when(launch(DAYS, GAPS), OTHER_IMPROVER)
                    .expectException(AccessDeniedException.class).expectNoEvents();
        }

        @Test
        void launch_isRejected_whenTheTargetEqualsTheBaseline() {
            Metric flat = new Metric("满意度", "%", new BigDecimal("90"), new BigDecimal("90.0"),
                    MetricDirection.HIGHER_IS_BETTER);
            fixture.givenNoPriorActivity()
                    .when(launch(flat, GAPS), IMPROVER)
                    .expectException(field("metric.target", "target-equals-baseline"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @CsvSource({"10, 4, HIGHER_IS_BETTER", "80, 95, LOWER_IS_BETTER"})
        void launch_isRejected_whenTheDirectionContradictsBaselineAndTarget(String baseline, String target,
                MetricDirection direction) {
            Metric contradictory = new Metric("m", "u", new BigDecimal(baseline), new BigDecimal(target), direction);
            fixture.givenNoPriorActivity()
                    .when(launch(contradictory, GAPS), IMPROVER)
                    .expectException(field("metric.direction", "direction-contradicts-target"))
                    .expectNoEvents();
        }

        @Test
        void launch_isRejected_whenAGapIsListedTwice() {
            GapReference gap = new GapReference("GOV-OPS", "AGILITY");
            fixture.givenNoPriorActivity()
                    .when(launch(DAYS, List.of(gap, new GapReference("FIVE", "DIGITAL"), gap)), IMPROVER)
                    .expectException(field("gaps[2]", "gap-duplicate"))
                    .expectNoEvents();
        }

        @Test
        void launch_isRejected_whenALinkedGapNamesAnIndicatorTheFrameworkDoesNotHave() {
            fixture.givenNoPriorActivity()
                    .when(launch(DAYS, List.of(new GapReference("GOV-OPS", "AGILITY"),
                            new GapReference("GOV-OPS", "TELEPATHY"))), IMPROVER)
                    .expectException(field("gaps[1].indicatorCode", "indicator-unknown"))
                    .expectNoEvents();
        }

        @Test
        void launch_isRejected_whenALinkedGapNamesAnUnpublishedFramework() {
            fixture.givenNoPriorActivity()
                    .when(launch(DAYS, List.of(new GapReference("NO-SUCH", "AGILITY"))), IMPROVER)
                    .expectException(field("gaps[0].frameworkCode", "framework-unknown"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Plan {

        @Test
        void recordPlan_emitsPlanRecorded_andAnswersTheNewVersion() {
            fixture.given(LAUNCHED)
                    .when(new RecordPlanCommand(ID, PLANNED.objective(), PLANNED.hypothesis(),
                            PLANNED.successCriterion(), List.of(A1, A2), 0L), IMPROVER)
                    .expectEvents(PLANNED)
                    .expectResultMessagePayload(1L);
        }

        @Test
        void recordPlan_canReviseThePlanWhileStillPlanning() {
            fixture.given(LAUNCHED, PLANNED)
                    .when(new RecordPlanCommand(ID, "降到5天", "h", "c", List.of(), 1L), IMPROVER)
                    .expectEvents(new PlanRecordedEvent(ID, 1, "降到5天", "h", "c", List.of()));
        }

        @Test
        void recordPlan_isRejected_whenExecutionHasStarted() {
            fixture.given(LAUNCHED, PLANNED, STARTED)
                    .when(new RecordPlanCommand(ID, "o", "h", "c", List.of(), 2L), IMPROVER)
                    .expectException(StateConflictException.class)
                    .expectException(field("phase", "phase-order"))
                    .expectNoEvents();
        }

        @Test
        void recordPlan_isDenied_forALeader() {
            fixture.given(LAUNCHED)
                    .when(new RecordPlanCommand(ID, "o", "h", "c", List.of(), 0L), LEADER)
                    .expectException(AccessDeniedException.class)
                    .expectNoEvents();
        }

        @Test
        void addAction_emitsActionAdded_whilePlanning() {
            PlannedAction a3 = new PlannedAction("a-3", "培训", "zhang", LocalDate.parse("2026-03-31"));
            fixture.given(LAUNCHED, PLANNED)
                    .when(new AddActionCommand(ID, a3, 1L), IMPROVER)
                    .expectEvents(new ActionAddedEvent(ID, 1, a3))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void addAction_isRejected_duringDo() {
            fixture.given(LAUNCHED, PLANNED, STARTED)
                    .when(new AddActionCommand(ID, new PlannedAction("a-3", "x", "li", TODAY), 2L), IMPROVER)
                    .expectException(field("phase", "phase-order"))
                    .expectNoEvents();
        }

        @Test
        void replanAction_emitsActionReplanned_forAnOpenAction() {
            PlannedAction later = new PlannedAction("a-1", A1.description(), "zhang", LocalDate.parse("2026-03-31"));
            fixture.given(LAUNCHED, PLANNED)
                    .when(new ReplanActionCommand(ID, later, 1L), IMPROVER)
                    .expectEvents(new ActionReplannedEvent(ID, 1, later));
        }

        @Test
        void replanAction_isRejected_whenTheActionIsUnknown() {
            fixture.given(LAUNCHED, PLANNED)
                    .when(new ReplanActionCommand(ID, new PlannedAction("a-9", "x", "li", TODAY), 1L), IMPROVER)
                    .expectException(NotFoundException.class)
                    .expectException(field("actionId", "action-unknown"))
                    .expectNoEvents();
        }

        @Test
        void dropAction_emitsActionDropped_andTheActionCannotBeDroppedAgain() {
            fixture.given(LAUNCHED, PLANNED)
                    .when(new DropActionCommand(ID, "a-2", "不再需要", 1L), IMPROVER)
                    .expectEvents(new ActionDroppedEvent(ID, 1, "a-2", "不再需要"));
            fixture.given(LAUNCHED, PLANNED, new ActionDroppedEvent(ID, 1, "a-2", null))
                    .when(new DropActionCommand(ID, "a-2", null, 2L), IMPROVER)
                    .expectException(field("actionId", "action-dropped"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Do {

        @Test
        void startExecution_emitsExecutionStarted_afterAPlanWithActions() {
            fixture.given(LAUNCHED, PLANNED)
                    .when(new StartExecutionCommand(ID, 1L), IMPROVER)
                    .expectEvents(STARTED)
                    .expectResultMessagePayload(2L);
        }

        @Test
        void startExecution_isRejected_withoutAPlan() {
            fixture.given(LAUNCHED)
                    .when(new StartExecutionCommand(ID, 0L), IMPROVER)
                    .expectException(field("plan", "plan-missing"))
                    .expectNoEvents();
        }

        @Test
        void startExecution_isRejected_whenEveryActionWasDropped() {
            PlanRecordedEvent oneAction = new PlanRecordedEvent(ID, 1, "o", "h", "c", List.of(A1));
            fixture.given(LAUNCHED, oneAction, new ActionDroppedEvent(ID, 1, "a-1", null))
                    .when(new StartExecutionCommand(ID, 2L), IMPROVER)
                    .expectException(field("actions", "actions-missing"))
                    .expectNoEvents();
        }

        @Test
        void startExecution_isRejected_whenAlreadyExecuting() {
            fixture.given(LAUNCHED, PLANNED, STARTED)
                    .when(new StartExecutionCommand(ID, 2L), IMPROVER)
                    .expectException(field("phase", "phase-order"))
                    .expectNoEvents();
        }

        @Test
        void completeAction_emitsActionCompleted_withTheNote() {
            fixture.given(LAUNCHED, PLANNED, STARTED)
                    .when(new CompleteActionCommand(ID, "a-1", "环节由9个减到5个", 2L), IMPROVER)
                    .expectEvents(new ActionCompletedEvent(ID, 1, "a-1", "环节由9个减到5个"))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void completeAction_isRejected_beforeExecutionStarts() {
            fixture.given(LAUNCHED, PLANNED)
                    .when(new CompleteActionCommand(ID, "a-1", null, 1L), IMPROVER)
                    .expectException(field("phase", "phase-order"))
                    .expectNoEvents();
        }

        @Test
        void completeAction_isRejected_whenTheActionIsUnknown() {
            fixture.given(LAUNCHED, PLANNED, STARTED)
                    .when(new CompleteActionCommand(ID, "a-404", null, 2L), IMPROVER)
                    .expectException(NotFoundException.class)
                    .expectException(field("actionId", "action-unknown"))
                    .expectNoEvents();
        }

        @Test
        void completeAction_isRejected_whenAlreadyCompleted() {
            fixture.given(LAUNCHED, PLANNED, STARTED, new ActionCompletedEvent(ID, 1, "a-1", null))
                    .when(new CompleteActionCommand(ID, "a-1", "again", 3L), IMPROVER)
                    .expectException(StateConflictException.class)
                    .expectException(field("actionId", "action-completed"))
                    .expectNoEvents();
        }

        @Test
        void recordObservation_emitsObservationRecorded_duringDo_only() {
            fixture.given(LAUNCHED, PLANNED, STARTED)
                    .when(new RecordObservationCommand(ID, "签批人出差导致积压", 2L), IMPROVER)
                    .expectEvents(new ObservationRecordedEvent(ID, 1, "签批人出差导致积压"));
            fixture.given(LAUNCHED, PLANNED)
                    .when(new RecordObservationCommand(ID, "x", 1L), IMPROVER)
                    .expectException(field("phase", "phase-order"))
                    .expectNoEvents();
        }

        @Test
        void recordMeasurement_emitsMeasurementRecorded_datedTodayInTheUnitsTimeZone() {
            fixture.given(LAUNCHED, PLANNED, STARTED)
                    .when(new RecordMeasurementCommand(ID, new BigDecimal("6.5"), TODAY, "3月抽样", 2L), IMPROVER)
                    .expectEvents(new MeasurementRecordedEvent(ID, 1, new BigDecimal("6.5"), TODAY, "3月抽样"));
        }

        @Test
        void recordMeasurement_isRejected_whenDatedInTheFuture() {
            fixture.given(LAUNCHED, PLANNED, STARTED)
                    .when(new RecordMeasurementCommand(ID, new BigDecimal("6"), TODAY.plusDays(1), null, 2L),
                            IMPROVER)
                    .expectException(RuleViolationException.class)
                    .expectException(field("measuredOn", "measured-in-future"))
                    .expectNoEvents();
        }

        @Test
        void recordMeasurement_isRejected_whilePlanning() {
            fixture.given(LAUNCHED, PLANNED)
                    .when(new RecordMeasurementCommand(ID, new BigDecimal("6"), TODAY, null, 1L), IMPROVER)
                    .expectException(field("phase", "phase-order"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Check {

        @ParameterizedTest
        @CsvSource({"4, MET", "3.5, MET", "6, PARTLY_MET", "10, NOT_MET", "12, NOT_MET"})
        void check_computesTheResult_fromTheLatestMeasurement(String latest, CheckResult expected) {
            MeasurementRecordedEvent older = new MeasurementRecordedEvent(ID, 1, new BigDecimal("3"),
                    LocalDate.parse("2026-02-01"), null);
            MeasurementRecordedEvent newest = new MeasurementRecordedEvent(ID, 1, new BigDecimal(latest),
                    LocalDate.parse("2026-03-05"), null);
            // recorded after the newest, but measured earlier: it is not the latest measurement
            MeasurementRecordedEvent lateEntry = new MeasurementRecordedEvent(ID, 1, new BigDecimal("1"),
                    LocalDate.parse("2026-03-04"), null);
            fixture.given(LAUNCHED, PLANNED, STARTED, older, newest, lateEntry)
                    .when(new CheckCycleCommand(ID, null, null, "分析", 5L), IMPROVER)
                    .expectEvents(new CycleCheckedEvent(ID, 1, expected, expected, null, "分析",
                            new BigDecimal(latest), LocalDate.parse("2026-03-05")))
                    .expectResultMessagePayload(new CheckOutcome(6L, expected, expected));
        }

        @ParameterizedTest
        @CsvSource({"70, MET", "65, PARTLY_MET", "60, NOT_MET", "55, NOT_MET"})
        void check_computesTheResult_forAHigherIsBetterMetric(String latest, CheckResult expected) {
            Metric satisfaction = new Metric("满意度", "%", new BigDecimal("60"), new BigDecimal("70"),
                    MetricDirection.HIGHER_IS_BETTER);
            fixture.given(new InitiativeLaunchedEvent(ID, "u-a", "t", "p", "li", List.of(), List.of(), satisfaction),
                            PLANNED, STARTED,
                            new MeasurementRecordedEvent(ID, 1, new BigDecimal(latest), TODAY, null))
                    .when(new CheckCycleCommand(ID, null, null, "a", 3L), IMPROVER)
                    .expectEvents(new CycleCheckedEvent(ID, 1, expected, expected, null, "a",
                            new BigDecimal(latest), TODAY));
        }

        @Test
        void check_acceptsAnOverride_withAReason() {
            fixture.given(LAUNCHED, PLANNED, STARTED, MEASURED_6)
                    .when(new CheckCycleCommand(ID, CheckResult.NOT_MET, "样本仅一周", "a", 3L), IMPROVER)
                    .expectEvents(new CycleCheckedEvent(ID, 1, CheckResult.PARTLY_MET, CheckResult.NOT_MET,
                            "样本仅一周", "a", new BigDecimal("6"), LocalDate.parse("2026-03-01")));
        }

        @Test
        void check_isRejected_whenOverridingWithoutAReason() {
            fixture.given(LAUNCHED, PLANNED, STARTED, MEASURED_6)
                    .when(new CheckCycleCommand(ID, CheckResult.MET, " ", "a", 3L), IMPROVER)
                    .expectException(field("overrideReason", "override-reason-missing"))
                    .expectNoEvents();
        }

        @Test
        void check_acceptsTheComputedResult_sentExplicitly_withoutAReason() {
            fixture.given(LAUNCHED, PLANNED, STARTED, MEASURED_6)
                    .when(new CheckCycleCommand(ID, CheckResult.PARTLY_MET, null, "签批环节仍多", 3L), IMPROVER)
                    .expectEvents(CHECKED);
        }

        @Test
        void check_isRejected_withoutAMeasurementInTheCycle() {
            fixture.given(LAUNCHED, PLANNED, STARTED)
                    .when(new CheckCycleCommand(ID, null, null, "a", 2L), IMPROVER)
                    .expectException(StateConflictException.class)
                    .expectException(field("measurements", "measurement-missing"))
                    .expectNoEvents();
        }

        @Test
        void check_isRejected_beforeExecution_andOnceChecked() {
            fixture.given(LAUNCHED, PLANNED)
                    .when(new CheckCycleCommand(ID, null, null, "a", 1L), IMPROVER)
                    .expectException(field("phase", "phase-order"))
                    .expectNoEvents();
            fixture.given(LAUNCHED, PLANNED, STARTED, MEASURED_6, CHECKED)
                    .when(new CheckCycleCommand(ID, null, null, "a", 4L), IMPROVER)
                    .expectException(field("phase", "phase-order"))
                    .expectNoEvents();
        }

        @Test
        void recordMeasurement_isRejected_onceTheCycleIsChecked() {
            fixture.given(LAUNCHED, PLANNED, STARTED, MEASURED_6, CHECKED)
                    .when(new RecordMeasurementCommand(ID, new BigDecimal("5"), TODAY, null, 4L), IMPROVER)
                    .expectException(field("phase", "phase-order"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Act {

        @Test
        void standardise_emitsInitiativeStandardised() {
            fixture.given(LAUNCHED, PLANNED, STARTED, MEASURED_6, CHECKED)
                    .when(new StandardiseInitiativeCommand(ID, "电子签批纳入公文处理程序", "程序文件 QP-07 第3版", 4L),
                            IMPROVER)
                    .expectEvents(new InitiativeStandardisedEvent(ID, 1, "电子签批纳入公文处理程序", "程序文件 QP-07 第3版"))
                    .expectResultMessagePayload(5L);
        }

        @Test
        void standardise_isRejected_withoutSayingWhatWasStandardised() {
            fixture.given(LAUNCHED, PLANNED, STARTED, MEASURED_6, CHECKED)
                    .when(new StandardiseInitiativeCommand(ID, "", null, 4L), IMPROVER)
                    .expectException(field("standardised", "standardised-missing"))
                    .expectNoEvents();
        }

        @Test
        void adjust_startsTheNextCycleInPlan_carryingThePickedOpenActions() {
            fixture.given(LAUNCHED, PLANNED, STARTED, new ActionCompletedEvent(ID, 1, "a-1", null), MEASURED_6,
                            CHECKED)
                    .when(new AdjustCycleCommand(ID, List.of("a-2"), "先解决签批人出差问题", 5L), IMPROVER)
                    .expectEvents(new CycleAdjustedEvent(ID, 1, 2, List.of(A2), "先解决签批人出差问题"))
                    .expectResultMessagePayload(6L);
        }

        @Test
        void adjust_isRejected_whenCarryingACompletedOrUnknownAction() {
            Object[] checked = {LAUNCHED, PLANNED, STARTED, new ActionCompletedEvent(ID, 1, "a-1", null), MEASURED_6,
                    CHECKED};
            fixture.given(checked)
                    .when(new AdjustCycleCommand(ID, List.of("a-2", "a-1"), null, 5L), IMPROVER)
                    .expectException(field("carriedActionIds[1]", "action-not-open"))
                    .expectNoEvents();
            fixture.given(checked)
                    .when(new AdjustCycleCommand(ID, List.of("a-9"), null, 5L), IMPROVER)
                    .expectException(field("carriedActionIds[0]", "action-unknown"))
                    .expectNoEvents();
        }

        @Test
        void abandon_emitsInitiativeAbandoned_withTheReason() {
            fixture.given(LAUNCHED, PLANNED, STARTED, MEASURED_6, CHECKED)
                    .when(new AbandonInitiativeCommand(ID, "职能划转至数据局", 4L), IMPROVER)
                    .expectEvents(new InitiativeAbandonedEvent(ID, 1, "职能划转至数据局"));
        }

        @Test
        void abandon_isRejected_withoutAReason() {
            fixture.given(LAUNCHED, PLANNED, STARTED, MEASURED_6, CHECKED)
                    .when(new AbandonInitiativeCommand(ID, null, 4L), IMPROVER)
                    .expectException(field("reason", "reason-missing"))
                    .expectNoEvents();
        }

        @Test
        void everyActDecision_isRejected_beforeTheCycleIsChecked() {
            fixture.given(LAUNCHED, PLANNED, STARTED, MEASURED_6)
                    .when(new StandardiseInitiativeCommand(ID, "s", null, 3L), IMPROVER)
                    .expectException(StateConflictException.class)
                    .expectException(field("phase", "act-before-check"))
                    .expectNoEvents();
            fixture.given(LAUNCHED, PLANNED)
                    .when(new AdjustCycleCommand(ID, List.of(), null, 1L), IMPROVER)
                    .expectException(field("phase", "act-before-check"))
                    .expectNoEvents();
            fixture.given(LAUNCHED)
                    .when(new AbandonInitiativeCommand(ID, "r", 0L), IMPROVER)
                    .expectException(field("phase", "act-before-check"))
                    .expectNoEvents();
        }
    }

    @Nested
    class SecondCycle {

        final CycleAdjustedEvent adjusted = new CycleAdjustedEvent(ID, 1, 2, List.of(A2), null);
        final Object[] cycleOneAdjusted = {LAUNCHED, PLANNED, STARTED, new ActionCompletedEvent(ID, 1, "a-1", null),
                MEASURED_6, CHECKED, adjusted};

        @Test
        void theNextCycle_needsItsOwnPlan_beforeExecution() {
            fixture.given(cycleOneAdjusted)
                    .when(new StartExecutionCommand(ID, 6L), IMPROVER)
                    .expectException(field("plan", "plan-missing"))
                    .expectNoEvents();
        }

        @Test
        void aCarriedAction_canBeReplanned_andCompletedInTheNextCycle() {
            PlannedAction replanned = new PlannedAction("a-2", A2.description(), "li", LocalDate.parse("2026-05-01"));
            fixture.given(cycleOneAdjusted)
                    .andGiven(new PlanRecordedEvent(ID, 2, "o2", "h2", "c2", List.of()),
                            new ActionReplannedEvent(ID, 2, replanned), new ExecutionStartedEvent(ID, 2))
                    .when(new CompleteActionCommand(ID, "a-2", null, 9L), IMPROVER)
                    .expectEvents(new ActionCompletedEvent(ID, 2, "a-2", null));
        }

        @Test
        void anActionOfAnEarlierCycle_isUnknownToTheCurrentCycle() {
            fixture.given(LAUNCHED, PLANNED, STARTED, MEASURED_6, CHECKED,
                            new CycleAdjustedEvent(ID, 1, 2, List.of(), null),
                            new PlanRecordedEvent(ID, 2, "o2", "h2", "c2",
                                    List.of(new PlannedAction("a-3", "x", "li", TODAY))),
                            new ExecutionStartedEvent(ID, 2))
                    .when(new CompleteActionCommand(ID, "a-2", null, 7L), IMPROVER)
                    .expectException(field("actionId", "action-unknown"))
                    .expectNoEvents();
        }

        @Test
        void theNextCycle_isCheckedOnItsOwnMeasurements() {
            fixture.given(cycleOneAdjusted)
                    .andGiven(new PlanRecordedEvent(ID, 2, "o2", "h2", "c2", List.of()),
                            new ExecutionStartedEvent(ID, 2))
                    .when(new CheckCycleCommand(ID, null, null, "a", 8L), IMPROVER)
                    .expectException(field("measurements", "measurement-missing"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Closed {

        final InitiativeStandardisedEvent standardised = new InitiativeStandardisedEvent(ID, 1, "s", null);

        @Test
        void nothingChanges_aCompletedInitiative() {
            Object[] completed = {LAUNCHED, PLANNED, STARTED, MEASURED_6, CHECKED, standardised};
            for (Object command : List.of(
                    new RecordPlanCommand(ID, "o", "h", "c", List.of(), 5L),
                    new AddActionCommand(ID, new PlannedAction("a-9", "x", "li", TODAY), 5L),
                    new StartExecutionCommand(ID, 5L),
                    new CompleteActionCommand(ID, "a-1", null, 5L),
                    new RecordObservationCommand(ID, "x", 5L),
                    new RecordMeasurementCommand(ID, BigDecimal.ONE, TODAY, null, 5L),
                    new CheckCycleCommand(ID, null, null, "a", 5L),
                    new StandardiseInitiativeCommand(ID, "again", null, 5L),
                    new AdjustCycleCommand(ID, List.of(), null, 5L),
                    new AbandonInitiativeCommand(ID, "r", 5L))) {
                fixture.given(completed)
                        .when(command, IMPROVER)
                        .expectException(StateConflictException.class)
                        .expectException(field("status", "initiative-closed"))
                        .expectNoEvents();
            }
        }

        @Test
        void nothingChanges_anAbandonedInitiative() {
            fixture.given(LAUNCHED, PLANNED, STARTED, MEASURED_6, CHECKED, new InitiativeAbandonedEvent(ID, 1, "r"))
                    .when(new AdjustCycleCommand(ID, List.of(), null, 5L), IMPROVER)
                    .expectException(field("status", "initiative-closed"))
                    .expectNoEvents();
        }
    }

    static org.hamcrest.Matcher<RuleViolationException> field(String field, String code) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolationException e) {
                return field.equals(e.field()) && code.equals(e.code());
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("a rule violation on field " + field + " with code " + code);
            }
        };
    }
}
