package org.pdcaledger.command.unit;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pdcaledger.kernel.common.AccessDeniedException;
import org.pdcaledger.kernel.common.LocalizedName;
import org.pdcaledger.kernel.common.RuleViolationException;
import org.pdcaledger.kernel.common.StateConflictException;
import org.pdcaledger.kernel.unit.MoveUnitCommand;
import org.pdcaledger.kernel.unit.RegisterUnitCommand;
import org.pdcaledger.kernel.unit.RenameUnitCommand;
import org.pdcaledger.kernel.unit.RetireUnitCommand;
import org.pdcaledger.kernel.unit.UnitMovedEvent;
import org.pdcaledger.kernel.unit.UnitRegisteredEvent;
import org.pdcaledger.kernel.unit.UnitRenamedEvent;
import org.pdcaledger.kernel.unit.UnitRetiredEvent;
import org.pdcaledger.support.security.ScopeGuard;

class UnitTest {

    private static final LocalizedName CITY = new LocalizedName("市政府办公厅", "Municipal Office");
    private static final Map<String, Object> ADMIN = Map.of("actor", "admin", "grants", List.of("ADMIN@*"));
    private static final Map<String, Object> IMPROVER = Map.of("actor", "li", "grants", List.of("IMPROVER@u-city"));

    private AggregateTestFixture<Unit> fixture;
    private UnitTreeTable tree;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Unit.class);
        tree = mock(UnitTreeTable.class);
        when(tree.pathOf("u-city")).thenReturn(List.of("u-city"));
        when(tree.exists("u-city")).thenReturn(true);
        when(tree.unitWithCode("SZ")).thenReturn(Optional.of("u-city"));
        when(tree.unitWithCode("JGSW")).thenReturn(Optional.empty());
        when(tree.pathOf("u-1")).thenReturn(List.of("u-city", "u-1"));
        when(tree.pathOf("u-2")).thenReturn(List.of("u-city", "u-2"));
        when(tree.pathOf("u-1a")).thenReturn(List.of("u-city", "u-1", "u-1a"));
        when(tree.exists("u-1")).thenReturn(true);
        when(tree.exists("u-2")).thenReturn(true);
        when(tree.exists("u-1a")).thenReturn(true);
        when(tree.exists("u-old")).thenReturn(true);
        when(tree.pathOf("u-old")).thenReturn(List.of("u-city", "u-old"));
        when(tree.isRetired("u-old")).thenReturn(true);
        fixture.registerInjectableResource(tree);
        fixture.registerInjectableResource(new ScopeGuard(tree));
    }

    @Test
    void register_emitsUnitRegistered_whenAnAdminRegistersUnderAKnownParent() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand("u-1", "JGSW", CITY, "u-city"), ADMIN)
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UnitRegisteredEvent("u-1", "JGSW", CITY, "u-city"));
    }

    @Test
    void register_isRejected_whenTheParentIsUnknown() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand("u-1", "JGSW", CITY, "u-nowhere"), ADMIN)
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("there is no unit u-nowhere to register under")
                .expectNoEvents();
    }

    @Test
    void register_isRejected_whenTheCodeIsTaken() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand("u-1", "SZ", CITY, "u-city"), ADMIN)
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void register_isDenied_whenTheCallerIsNoAdministrator() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand("u-1", "JGSW", CITY, "u-city"), IMPROVER)
                .expectException(AccessDeniedException.class)
                .expectNoEvents();
    }

    @Test
    void rename_emitsUnitRenamed() {
        LocalizedName renamed = new LocalizedName("机关事务管理局", "Government Offices Administration");
        when(tree.pathOf("u-1")).thenReturn(List.of("u-city", "u-1"));
        fixture.given(new UnitRegisteredEvent("u-1", "JGSW", CITY, "u-city"))
                .when(new RenameUnitCommand("u-1", renamed, 0L), ADMIN)
                .expectEvents(new UnitRenamedEvent("u-1", renamed))
                .expectResultMessagePayload(1L);
    }

    private static final UnitRegisteredEvent BUREAU_1 = new UnitRegisteredEvent("u-1", "JGSW", CITY, "u-city");

    @Test
    void register_isRejected_whenTheParentIsRetired() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnitCommand("u-9", "JGSW", CITY, "u-old"), ADMIN)
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("unit u-old is retired and takes no new units")
                .expectNoEvents();
    }

    @Test
    void move_emitsUnitMoved_withBothParents() {
        fixture.given(BUREAU_1)
                .when(new MoveUnitCommand("u-1", "u-2", 0L), ADMIN)
                .expectEvents(new UnitMovedEvent("u-1", "u-city", "u-2"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void move_isRejected_underItself() {
        fixture.given(BUREAU_1)
                .when(new MoveUnitCommand("u-1", "u-1", 0L), ADMIN)
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("cannot move under itself"))
                .expectNoEvents();
    }

    @Test
    void move_isRejected_underAUnitOfItsOwnSubtree() {
        fixture.given(BUREAU_1)
                .when(new MoveUnitCommand("u-1", "u-1a", 0L), ADMIN)
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("or a unit below it (u-1a)"))
                .expectNoEvents();
    }

    @Test
    void move_isRejected_underAnUnknownOrRetiredUnit_orWhereItAlreadyIs() {
        fixture.given(BUREAU_1).when(new MoveUnitCommand("u-1", "u-nowhere", 0L), ADMIN)
                .expectException(RuleViolationException.class).expectNoEvents();
        fixture.given(BUREAU_1).when(new MoveUnitCommand("u-1", "u-old", 0L), ADMIN)
                .expectExceptionMessage("unit u-old is retired and takes no new units").expectNoEvents();
        fixture.given(BUREAU_1).when(new MoveUnitCommand("u-1", "u-city", 0L), ADMIN)
                .expectExceptionMessage("unit u-1 is already under u-city").expectNoEvents();
    }

    @Test
    void move_isDenied_whenTheCallerAdministersTheUnitButNotTheTarget() {
        fixture.given(BUREAU_1)
                .when(new MoveUnitCommand("u-1", "u-2", 0L), Map.of("actor", "a1", "grants", List.of("ADMIN@u-1")))
                .expectException(AccessDeniedException.class)
                .expectNoEvents();
    }

    @Test
    void retire_emitsUnitRetired_withTheReason() {
        when(tree.activeChildren("u-1")).thenReturn(List.of());
        fixture.given(BUREAU_1)
                .when(new RetireUnitCommand("u-1", " merged into u-2 ", 0L), ADMIN)
                .expectEvents(new UnitRetiredEvent("u-1", "merged into u-2"));
    }

    @Test
    void retire_isRejected_whileTheUnitHasActiveChildren() {
        when(tree.activeChildren("u-1")).thenReturn(List.of("u-1a"));
        fixture.given(BUREAU_1)
                .when(new RetireUnitCommand("u-1", "merged", 0L), ADMIN)
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("move or retire the units below it first: u-1a")
                .expectNoEvents();
    }

    @Test
    void retire_isRejected_withoutAReason() {
        fixture.given(BUREAU_1)
                .when(new RetireUnitCommand("u-1", "  ", 0L), ADMIN)
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void aRetiredUnit_cannotBeRetiredAgain_norMoved() {
        UnitRetiredEvent retired = new UnitRetiredEvent("u-1", "merged");
        fixture.given(BUREAU_1, retired)
                .when(new RetireUnitCommand("u-1", "again", 1L), ADMIN)
                .expectException(StateConflictException.class)
                .expectNoEvents();
        fixture.given(BUREAU_1, retired)
                .when(new MoveUnitCommand("u-1", "u-2", 1L), ADMIN)
                .expectException(StateConflictException.class)
                .expectNoEvents();
    }
}
