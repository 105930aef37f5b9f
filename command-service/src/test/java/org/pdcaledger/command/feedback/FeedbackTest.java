package org.pdcaledger.command.feedback;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pdcaledger.command.framework.FrameworkCatalogTable;
import org.pdcaledger.command.unit.UnitTreeTable;
import org.pdcaledger.kernel.common.AccessDeniedException;
import org.pdcaledger.kernel.common.NotFoundException;
import org.pdcaledger.kernel.common.RuleViolationException;
import org.pdcaledger.kernel.common.StateConflictException;
import org.pdcaledger.kernel.feedback.FeedbackChannel;
import org.pdcaledger.kernel.feedback.FeedbackIndicator;
import org.pdcaledger.kernel.feedback.FeedbackKind;
import org.pdcaledger.kernel.feedback.FeedbackLinkedEvent;
import org.pdcaledger.kernel.feedback.FeedbackRecordedEvent;
import org.pdcaledger.kernel.feedback.FeedbackUnlinkedEvent;
import org.pdcaledger.kernel.feedback.LinkFeedbackCommand;
import org.pdcaledger.kernel.feedback.RecordFeedbackCommand;
import org.pdcaledger.kernel.feedback.UnlinkFeedbackCommand;
import org.pdcaledger.support.security.ScopeGuard;

class FeedbackTest {

    /** 2026-03-10 01:00 in Beijing is still 2026-03-09 in UTC: "today" is the units' day. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-09T17:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final LocalDate TODAY = LocalDate.parse("2026-03-10");
    static final String WORK_ORDER = "GD20260309000123";
    static final String ID = FeedbackIds.of(FeedbackChannel.HOTLINE_12345, WORK_ORDER);
    static final FeedbackIndicator ACCESSIBILITY = new FeedbackIndicator("GOV-OPS", "accessibility");
    static final FeedbackIndicator AGILITY = new FeedbackIndicator("GOV-OPS", "agility");

    static final Map<String, Object> IMPROVER = Map.of("actor", "li", "grants", List.of("IMPROVER@u-a"));
    static final Map<String, Object> ASSESSOR = Map.of("actor", "chen", "grants", List.of("ASSESSOR@u-city"));
    static final Map<String, Object> LEADER = Map.of("actor", "wang", "grants", List.of("LEADER@u-a"));
    static final Map<String, Object> OTHER_IMPROVER = Map.of("actor", "zhao", "grants", List.of("IMPROVER@u-b"));
    static final Map<String, Object> HOTLINE = Map.of("actor", "hotline", "grants", List.of("INTEGRATOR@u-city"),
            "client", true, "rights", List.of("feedback:write"));
    static final Map<String, Object> FEED_READER = Map.of("actor", "reader", "grants", List.of("INTEGRATOR@u-city"),
            "client", true);

    static final FeedbackRecordedEvent RECORDED = new FeedbackRecordedEvent(ID, "u-a", FeedbackChannel.HOTLINE_12345,
            WORK_ORDER, LocalDate.parse("2026-03-09"), FeedbackKind.COMPLAINT, "办事效率",
            "市民来电反映办证窗口排队两小时，联系电话[手机号]", 2, List.of(ACCESSIBILITY), null);

    private AggregateTestFixture<Feedback> fixture;
    private FeedbackLookups lookups;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Feedback.class);
        UnitTreeTable units = mock(UnitTreeTable.class);
        when(units.exists("u-a")).thenReturn(true);
        when(units.exists("u-a1")).thenReturn(true);
        when(units.exists("u-b")).thenReturn(true);
        when(units.exists("u-city")).thenReturn(true);
        when(units.pathOf("u-city")).thenReturn(List.of("u-city"));
        when(units.pathOf("u-a")).thenReturn(List.of("u-city", "u-a"));
        when(units.pathOf("u-a1")).thenReturn(List.of("u-city", "u-a", "u-a1"));
        when(units.pathOf("u-b")).thenReturn(List.of("u-city", "u-b"));
        FrameworkCatalogTable frameworks = mock(FrameworkCatalogTable.class);
        when(frameworks.latestVersion("GOV-OPS")).thenReturn(Optional.of(2));
        when(frameworks.latestVersion("NOPE")).thenReturn(Optional.empty());
        when(frameworks.indicatorCodes("GOV-OPS", 2)).thenReturn(List.of("accessibility", "agility"));
        lookups = mock(FeedbackLookups.class);
        when(lookups.unitOfInitiative("i-a")).thenReturn(Optional.of("u-a"));
        when(lookups.unitOfInitiative("i-city")).thenReturn(Optional.of("u-city"));
        when(lookups.unitOfInitiative("i-a1")).thenReturn(Optional.of("u-a1"));
        when(lookups.unitOfInitiative("i-b")).thenReturn(Optional.of("u-b"));
        when(lookups.unitOfInitiative("i-none")).thenReturn(Optional.empty());
        fixture.registerInjectableResource(units);
        fixture.registerInjectableResource(frameworks);
        fixture.registerInjectableResource(lookups);
        fixture.registerInjectableResource(new ScopeGuard(units));
        fixture.registerInjectableResource(CLOCK);
    }

    private static RecordFeedbackCommand record(String unitId, String text, LocalDate receivedOn, Integer satisfaction,
            List<FeedbackIndicator> indicators) {
        return new RecordFeedbackCommand(ID, unitId, FeedbackChannel.HOTLINE_12345, WORK_ORDER, receivedOn, null,
                "办事效率", text, satisfaction, indicators, null);
    }

    private static RecordFeedbackCommand valid() {
        return record("u-a", "市民来电反映办证窗口排队两小时，联系电话13812345678", LocalDate.parse("2026-03-09"), 2,
                List.of(ACCESSIBILITY));
    }

    @Test
    void record_storesTheMaskedText_asAComplaint_whenAnImproverOfTheUnitRecordsIt() {
        fixture.givenNoPriorActivity()
                .when(valid(), IMPROVER)
                .expectSuccessfulHandlerExecution()
                .expectEvents(RECORDED);
    }

    @Test
    void record_isAccepted_fromAnAssessorAboveTheUnit_andForToday_inTheUnitsTimeZone() {
        fixture.givenNoPriorActivity()
                .when(record("u-a", "窗口排队时间长", TODAY, null, List.of()), ASSESSOR)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void record_isRefused_forALeader_orAnImproverOfAnotherUnit() {
        fixture.givenNoPriorActivity().when(valid(), LEADER).expectException(AccessDeniedException.class);
        fixture.givenNoPriorActivity().when(valid(), OTHER_IMPROVER).expectException(AccessDeniedException.class);
    }

    @Test
    void record_isAccepted_fromAnIntegratorWithTheFeedbackRight_butNotFromAPlainIntegrator() {
        fixture.givenNoPriorActivity().when(valid(), HOTLINE).expectEvents(RECORDED);
        fixture.givenNoPriorActivity().when(valid(), FEED_READER).expectException(AccessDeniedException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("feedback:write"));
    }

    @Test
    void record_isRefused_whenReceivedAfterToday() {
        fixture.givenNoPriorActivity()
                .when(record("u-a", "text", TODAY.plusDays(1), null, List.of()), IMPROVER)
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("after today (2026-03-10)"));
    }

    @Test
    void record_isRefused_whenTheSatisfactionIsOutsideOneToFive() {
        fixture.givenNoPriorActivity()
                .when(record("u-a", "text", TODAY, 6, List.of()), IMPROVER)
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("not 6"));
    }

    @Test
    void record_isRefused_forAnUnknownFrameworkOrIndicator_orOneListedTwice() {
        fixture.givenNoPriorActivity()
                .when(record("u-a", "text", TODAY, null, List.of(new FeedbackIndicator("NOPE", "x"))), IMPROVER)
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("no framework NOPE"));
        fixture.givenNoPriorActivity()
                .when(record("u-a", "text", TODAY, null, List.of(new FeedbackIndicator("GOV-OPS", "beauty"))),
                        IMPROVER)
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("no indicator beauty"));
        fixture.givenNoPriorActivity()
                .when(record("u-a", "text", TODAY, null, List.of(AGILITY, AGILITY)), IMPROVER)
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("listed twice"));
    }

    @Test
    void record_isRefused_forAnUnknownUnit() {
        fixture.givenNoPriorActivity()
                .when(record("u-nowhere", "text", TODAY, null, List.of()), IMPROVER)
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("no unit u-nowhere"));
    }

    @Test
    void record_isAConflict_whenTheSameChannelAndExternalIdIsStored() {
        when(lookups.exists(ID)).thenReturn(true);
        fixture.givenNoPriorActivity()
                .when(valid(), IMPROVER)
                .expectException(StateConflictException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("already recorded as " + ID));
    }

    @Test
    void link_namesTheInitiative_ofTheSameUnit_aUnitAbove_orAUnitBelow() {
        fixture.given(RECORDED).when(new LinkFeedbackCommand(ID, "i-a", 0L), IMPROVER)
                .expectEvents(new FeedbackLinkedEvent(ID, "u-a", "i-a"))
                .expectResultMessagePayload(1L);
        fixture.given(RECORDED).when(new LinkFeedbackCommand(ID, "i-a1", 0L), IMPROVER)
                .expectEvents(new FeedbackLinkedEvent(ID, "u-a", "i-a1"));
        fixture.given(RECORDED).when(new LinkFeedbackCommand(ID, "i-city", 0L),
                        Map.of("actor", "admin", "grants", List.of("ADMIN@*")))
                .expectEvents(new FeedbackLinkedEvent(ID, "u-a", "i-city"));
    }

    @Test
    void link_isRefused_toAnInitiativeOfASiblingUnit() {
        fixture.given(RECORDED)
                .when(new LinkFeedbackCommand(ID, "i-b", 0L), Map.of("actor", "admin", "grants", List.of("ADMIN@*")))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("neither u-a nor above or below"));
    }

    @Test
    void link_answersNotFound_forAnUnknownInitiative_orOneOutsideTheCallersUnits() {
        fixture.given(RECORDED).when(new LinkFeedbackCommand(ID, "i-none", 0L), IMPROVER)
                .expectException(NotFoundException.class);
        // the improver of u-a is not an improver of the city's initiative: it must not learn that it exists
        fixture.given(RECORDED).when(new LinkFeedbackCommand(ID, "i-city", 0L), IMPROVER)
                .expectException(NotFoundException.class);
    }

    @Test
    void link_isRefused_forAnAssessor_andTwiceToTheSameInitiative() {
        fixture.given(RECORDED).when(new LinkFeedbackCommand(ID, "i-a", 0L), ASSESSOR)
                .expectException(AccessDeniedException.class);
        fixture.given(RECORDED, new FeedbackLinkedEvent(ID, "u-a", "i-a"))
                .when(new LinkFeedbackCommand(ID, "i-a", 1L), IMPROVER)
                .expectException(StateConflictException.class);
    }

    @Test
    void unlink_takesBackALink_withAReason_andOnlyAnExistingOne() {
        fixture.given(RECORDED, new FeedbackLinkedEvent(ID, "u-a", "i-a"))
                .when(new UnlinkFeedbackCommand(ID, "i-a", " 误关联 ", 1L), IMPROVER)
                .expectEvents(new FeedbackUnlinkedEvent(ID, "u-a", "i-a", "误关联"));
        fixture.given(RECORDED)
                .when(new UnlinkFeedbackCommand(ID, "i-a", "误关联", 0L), IMPROVER)
                .expectException(StateConflictException.class);
        fixture.given(RECORDED, new FeedbackLinkedEvent(ID, "u-a", "i-a"))
                .when(new UnlinkFeedbackCommand(ID, "i-a", " ", 1L), IMPROVER)
                .expectException(RuleViolationException.class);
    }
}
