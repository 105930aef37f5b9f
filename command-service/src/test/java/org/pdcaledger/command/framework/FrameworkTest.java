package org.pdcaledger.command.framework;

import static org.mockito.Mockito.mock;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pdcaledger.kernel.common.AccessDeniedException;
import org.pdcaledger.kernel.common.LocalizedName;
import org.pdcaledger.kernel.common.RuleViolationException;
import org.pdcaledger.kernel.common.StateConflictException;
import org.pdcaledger.kernel.framework.FrameworkDefinition;
import org.pdcaledger.kernel.framework.FrameworkVersionPublishedEvent;
import org.pdcaledger.kernel.framework.PublishFrameworkVersionCommand;
import org.pdcaledger.support.security.ScopeGuard;
import org.pdcaledger.support.security.UnitHierarchy;

class FrameworkTest {

    private static final Map<String, Object> ADMIN = Map.of("actor", "admin", "grants", List.of("ADMIN@*"));
    private static final Map<String, Object> UNIT_ADMIN = Map.of("actor", "ua", "grants", List.of("ADMIN@u-a"));

    private final FrameworkDocuments documents = new FrameworkDocuments();
    private AggregateTestFixture<Framework> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Framework.class);
        fixture.registerInjectableResource(new ScopeGuard(mock(UnitHierarchy.class)));
    }

    private FrameworkDefinition version(int version) {
        return documents.read(FrameworkDocumentsTest.validYaml("TEST", version).getBytes(StandardCharsets.UTF_8),
                FrameworkDocuments.Syntax.YAML);
    }

    private static FrameworkDefinition renamed(FrameworkDefinition definition) {
        return new FrameworkDefinition(definition.code(), definition.version(),
                new LocalizedName("改名", "Renamed"), definition.description(), definition.dimensions());
    }

    @Test
    void publish_emitsVersionPublished_andReturnsTrue_forTheFirstVersion() {
        fixture.givenNoPriorActivity()
                .when(PublishFrameworkVersionCommand.of(version(1)), ADMIN)
                .expectEvents(new FrameworkVersionPublishedEvent("fw-test", version(1)))
                .expectResultMessagePayload(true);
    }

    @Test
    void publish_aNewerVersion_isANewVersionOfTheSameFramework() {
        fixture.given(new FrameworkVersionPublishedEvent("fw-test", version(1)))
                .when(PublishFrameworkVersionCommand.of(version(2)), ADMIN)
                .expectEvents(new FrameworkVersionPublishedEvent("fw-test", version(2)));
    }

    @Test
    void publish_theSameVersionWithTheSameContent_storesNothing_andReturnsFalse() {
        fixture.given(new FrameworkVersionPublishedEvent("fw-test", version(1)))
                .when(PublishFrameworkVersionCommand.of(version(1)), ADMIN)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void publish_isRefused_whenAPublishedVersionWouldChange() {
        fixture.given(new FrameworkVersionPublishedEvent("fw-test", version(1)))
                .when(PublishFrameworkVersionCommand.of(renamed(version(1))), ADMIN)
                .expectException(StateConflictException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("never changes"))
                .expectNoEvents();
    }

    @Test
    void publish_isRefused_whenTheVersionIsNotAboveTheLatest() {
        fixture.given(new FrameworkVersionPublishedEvent("fw-test", version(3)))
                .when(PublishFrameworkVersionCommand.of(version(2)), ADMIN)
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("latest version of TEST is 3"))
                .expectNoEvents();
    }

    @Test
    void publish_isRefused_withEveryProblem_whenTheDefinitionBreaksTheRules() {
        FrameworkDefinition valid = version(1);
        var dimension = valid.dimensions().get(0);
        var duplicate = new org.pdcaledger.kernel.framework.FrameworkDimension(dimension.code(), dimension.name(),
                null, List.of(dimension.indicators().get(0), dimension.indicators().get(0)));
        FrameworkDefinition broken = new FrameworkDefinition("TEST", 1, valid.name(), null, List.of(duplicate));

        fixture.givenNoPriorActivity()
                .when(PublishFrameworkVersionCommand.of(broken), ADMIN)
                .expectException(FrameworkDocumentRejectedException.class)
                .expectExceptionMessage("dimensions[0].indicators[1].code: the indicator code i1 is already used at "
                        + "dimensions[0].indicators[0].code")
                .expectNoEvents();
    }

    @Test
    void publish_isDenied_toAnAdministratorOfOneUnitOnly() {
        fixture.givenNoPriorActivity()
                .when(PublishFrameworkVersionCommand.of(version(1)), UNIT_ADMIN)
                .expectException(AccessDeniedException.class)
                .expectNoEvents();
    }
}
