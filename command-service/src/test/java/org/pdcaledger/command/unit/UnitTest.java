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
import org.pdcaledger.kernel.unit.RegisterUnitCommand;
import org.pdcaledger.kernel.unit.RenameUnitCommand;
import org.pdcaledger.kernel.unit.UnitRegisteredEvent;
import org.pdcaledger.kernel.unit.UnitRenamedEvent;
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
}
