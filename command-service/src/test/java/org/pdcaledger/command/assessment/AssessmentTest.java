package org.pdcaledger.command.assessment;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pdcaledger.command.framework.FrameworkCatalogTable;
import org.pdcaledger.command.unit.UnitTreeTable;
import org.pdcaledger.kernel.assessment.AssessmentFinalisedEvent;
import org.pdcaledger.kernel.assessment.AssessmentKind;
import org.pdcaledger.kernel.assessment.AssessmentPeriod;
import org.pdcaledger.kernel.assessment.AssessmentReopenedEvent;
import org.pdcaledger.kernel.assessment.AssessmentStartedEvent;
import org.pdcaledger.kernel.assessment.AssessmentStatus;
import org.pdcaledger.kernel.assessment.AssessmentSubmittedEvent;
import org.pdcaledger.kernel.assessment.FinaliseAssessmentCommand;
import org.pdcaledger.kernel.assessment.IndicatorRatedEvent;
import org.pdcaledger.kernel.assessment.IndicatorRating;
import org.pdcaledger.kernel.assessment.PeriodType;
import org.pdcaledger.kernel.assessment.RateIndicatorCommand;
import org.pdcaledger.kernel.assessment.ReopenAssessmentCommand;
import org.pdcaledger.kernel.assessment.StartAssessmentCommand;
import org.pdcaledger.kernel.assessment.SubmitAssessmentCommand;
import org.pdcaledger.kernel.common.AccessDeniedException;
import org.pdcaledger.kernel.common.RuleViolationException;
import org.pdcaledger.kernel.common.StateConflictException;
import org.pdcaledger.support.security.ScopeGuard;

class AssessmentTest {

    private static final Map<String, Object> WANG = Map.of("actor", "wang", "grants", List.of("ASSESSOR@u-a"));
    private static final Map<String, Object> ZHAO = Map.of("actor", "zhao", "grants", List.of("ASSESSOR@u-a"));
    private static final Map<String, Object> LEADER = Map.of("actor", "li", "grants", List.of("LEADER@u-a"));
    private static final Map<String, Object> OTHER_UNIT = Map.of("actor", "qian", "grants", List.of("ASSESSOR@u-b"));
    private static final AssessmentPeriod Q2 = new AssessmentPeriod(PeriodType.QUARTER, "2026-Q2");
    private static final List<String> INDICATORS = List.of("i1", "i2");

    private static final AssessmentStartedEvent STARTED = new AssessmentStartedEvent("a-1", "u-a", "TEST", 1,
            INDICATORS, Q2, AssessmentKind.SELF, "wang");
    private static final IndicatorRating I1 = new IndicatorRating("i1", 2, 4, "制度文件", null);
    private static final IndicatorRating I2 = new IndicatorRating("i2", 3, 3, "台账", "稳定");
    private static final IndicatorRatedEvent RATED_1 = new IndicatorRatedEvent("a-1", "u-a", I1, "wang");
    private static final IndicatorRatedEvent RATED_2 = new IndicatorRatedEvent("a-1", "u-a", I2, "wang");
    private static final AssessmentSubmittedEvent SUBMITTED = new AssessmentSubmittedEvent("a-1", "u-a", "wang");

    private AggregateTestFixture<Assessment> fixture;
    private UnitTreeTable units;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Assessment.class);
        units = mock(UnitTreeTable.class);
        when(units.exists("u-a")).thenReturn(true);
        when(units.pathOf("u-a")).thenReturn(List.of("u-city", "u-a"));
        when(units.exists("u-gone")).thenReturn(true);
        when(units.pathOf("u-gone")).thenReturn(List.of("u-city", "u-a", "u-gone"));
        when(units.isRetired("u-gone")).thenReturn(true);
        FrameworkCatalogTable frameworks = mock(FrameworkCatalogTable.class);
        when(frameworks.indicatorCodes("TEST", 1)).thenReturn(INDICATORS);
        fixture.registerInjectableResource(units);
        fixture.registerInjectableResource(frameworks);
        fixture.registerInjectableResource(new ScopeGuard(units));
    }

    private static StartAssessmentCommand start(String unitId, int version, AssessmentPeriod period) {
        return new StartAssessmentCommand("a-1", unitId, "TEST", version, period, AssessmentKind.SELF);
    }

    @Test
    void start_recordsTheFrameworkVersionAndItsIndicators() {
        fixture.givenNoPriorActivity()
                .when(start("u-a", 1, Q2), WANG)
                .expectEvents(STARTED);
    }

    @Test
    void start_isRejected_forARetiredUnit() {
        fixture.givenNoPriorActivity()
                .when(start("u-gone", 1, Q2), WANG)
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("unit u-gone is retired and takes no new assessments")
                .expectNoEvents();
    }

    @Test
    void start_isRejected_forAnUnpublishedFrameworkVersion() {
        fixture.givenNoPriorActivity()
                .when(start("u-a", 2, Q2), WANG)
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("framework TEST has no published version 2")
                .expectNoEvents();
    }

    @Test
    void start_isRejected_forAPeriodWrittenAgainstItsType() {
        fixture.givenNoPriorActivity()
                .when(start("u-a", 1, new AssessmentPeriod(PeriodType.QUARTER, "2026-05")), WANG)
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void start_isDenied_toAnAssessorOfAnotherUnit_andToALeader() {
        fixture.givenNoPriorActivity().when(start("u-a", 1, Q2), OTHER_UNIT)
                .expectException(AccessDeniedException.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(start("u-a", 1, Q2), LEADER)
                .expectException(AccessDeniedException.class).expectNoEvents();
    }

    @Test
    void rate_emitsIndicatorRated() {
        fixture.given(STARTED)
                .when(new RateIndicatorCommand("a-1", "i1", 2, 4, " 制度文件 ", "  ", 0L), WANG)
                .expectEvents(RATED_1)
                .expectResultMessagePayload(1L);
    }

    @Test
    void rate_isRejected_forAnIndicatorNotInTheFrameworkVersion() {
        fixture.given(STARTED)
                .when(new RateIndicatorCommand("a-1", "i9", 2, 4, null, null, 0L), WANG)
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("framework TEST version 1 has no indicator i9")
                .expectNoEvents();
    }

    @Test
    void rate_isRejected_forALevelOutside1To5_orATargetBelowTheCurrentLevel() {
        fixture.given(STARTED).when(new RateIndicatorCommand("a-1", "i1", 0, 4, null, null, 0L), WANG)
                .expectException(RuleViolationException.class).expectNoEvents();
        fixture.given(STARTED).when(new RateIndicatorCommand("a-1", "i1", 2, 6, null, null, 0L), WANG)
                .expectException(RuleViolationException.class).expectNoEvents();
        fixture.given(STARTED).when(new RateIndicatorCommand("a-1", "i1", 4, 3, null, null, 0L), WANG)
                .expectExceptionMessage("the target level cannot be below the current level 4").expectNoEvents();
    }

    @Test
    void rate_isAStateConflict_afterSubmission() {
        fixture.given(STARTED, RATED_1, RATED_2, SUBMITTED)
                .when(new RateIndicatorCommand("a-1", "i1", 3, 4, null, null, 3L), WANG)
                .expectException(StateConflictException.class)
                .expectExceptionMessage(containsString("only while the assessment is a draft"))
                .expectNoEvents();
    }

    @Test
    void submit_isRejected_untilEveryIndicatorIsRated() {
        fixture.given(STARTED, RATED_1)
                .when(new SubmitAssessmentCommand("a-1", 1L), WANG)
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("rate every indicator before submitting; not yet rated: i2")
                .expectNoEvents();
    }

    @Test
    void submit_recordsWhoSubmitted() {
        fixture.given(STARTED, RATED_1, RATED_2)
                .when(new SubmitAssessmentCommand("a-1", 2L), WANG)
                .expectEvents(SUBMITTED);
    }

    @Test
    void finalise_bySomeoneElse_carriesTheFinalRatings() {
        fixture.given(STARTED, RATED_1, RATED_2, SUBMITTED)
                .when(new FinaliseAssessmentCommand("a-1", 3L), ZHAO)
                .expectEvents(new AssessmentFinalisedEvent("a-1", "u-a", "TEST", 1, Q2, AssessmentKind.SELF,
                        List.of(I1, I2), "wang", "zhao"))
                .expectResultMessagePayload(4L);
    }

    @Test
    void finalise_isRefused_toTheSubmitter() {
        fixture.given(STARTED, RATED_1, RATED_2, SUBMITTED)
                .when(new FinaliseAssessmentCommand("a-1", 3L), WANG)
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("another assessor of the unit must finalise it"))
                .expectNoEvents();
    }

    @Test
    void finalise_isAStateConflict_forADraft() {
        fixture.given(STARTED, RATED_1, RATED_2)
                .when(new FinaliseAssessmentCommand("a-1", 2L), ZHAO)
                .expectException(StateConflictException.class)
                .expectNoEvents();
    }

    @Test
    void reopen_ofAFinalisedAssessment_returnsItToDraft_withTheReason() {
        AssessmentFinalisedEvent finalised = new AssessmentFinalisedEvent("a-1", "u-a", "TEST", 1, Q2,
                AssessmentKind.SELF, List.of(I1, I2), "wang", "zhao");
        fixture.given(STARTED, RATED_1, RATED_2, SUBMITTED, finalised)
                .when(new ReopenAssessmentCommand("a-1", "evidence for i1 was wrong", 4L), ZHAO)
                .expectEvents(new AssessmentReopenedEvent("a-1", "u-a", AssessmentStatus.FINALISED,
                        "evidence for i1 was wrong", "zhao"));
    }

    @Test
    void afterReopening_ratingsCanChange_andTheSubmitterIsForgotten() {
        AssessmentReopenedEvent reopened = new AssessmentReopenedEvent("a-1", "u-a", AssessmentStatus.SUBMITTED,
                "check i1", "zhao");
        fixture.given(STARTED, RATED_1, RATED_2, SUBMITTED, reopened)
                .when(new RateIndicatorCommand("a-1", "i1", 3, 4, null, null, 4L), WANG)
                .expectSuccessfulHandlerExecution();
        fixture.given(STARTED, RATED_1, RATED_2, SUBMITTED, reopened,
                        new AssessmentSubmittedEvent("a-1", "u-a", "zhao"))
                .when(new FinaliseAssessmentCommand("a-1", 5L), WANG)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void reopen_isRejected_withoutAReason_orForADraft() {
        fixture.given(STARTED, RATED_1, RATED_2, SUBMITTED)
                .when(new ReopenAssessmentCommand("a-1", " ", 3L), ZHAO)
                .expectException(RuleViolationException.class).expectNoEvents();
        fixture.given(STARTED)
                .when(new ReopenAssessmentCommand("a-1", "why", 0L), ZHAO)
                .expectException(StateConflictException.class).expectNoEvents();
    }
}
