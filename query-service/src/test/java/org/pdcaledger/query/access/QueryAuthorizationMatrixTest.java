package org.pdcaledger.query.access;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.pdcaledger.kernel.common.LocalizedName;
import org.pdcaledger.kernel.unit.UnitRegisteredEvent;
import org.pdcaledger.query.support.QueryServiceTest;
import org.pdcaledger.support.security.AuthorizationMatrixContract;
import org.pdcaledger.support.security.TestIdentityTokens;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every query endpoint × role × in/out of scope, as {@code src/test/resources/authorization-matrix.md} says.
 * The tree: a city with bureaus A (in scope, with division A1) and B (out of scope).
 * A feature whose endpoints need other targets adds its events to {@link #seed()} and its placeholder below.
 */
@QueryServiceTest
class QueryAuthorizationMatrixTest extends AuthorizationMatrixContract {

    @Autowired
    EventStore eventStore;

    private static final String ADMIN = "Bearer " + TestIdentityTokens.person("admin", "ADMIN@*");

    @BeforeEach
    void seed() throws Exception {
        if (known("mx-b")) {
            return;
        }
        register("mx-city", "MX", null);
        register("mx-a", "MXA", "mx-city");
        register("mx-a1", "MXA1", "mx-a");
        register("mx-b", "MXB", "mx-city");
        await().atMost(Duration.ofSeconds(20)).until(() -> known("mx-b"));
        seedFeedback();
    }

    /** A feedback item and an initiative in division A1, for the feedback views. */
    private void seedFeedback() throws Exception {
        eventStore.publish(new GenericDomainEventMessage<>("Initiative", "mx-fi", 0,
                new org.pdcaledger.kernel.initiative.InitiativeLaunchedEvent("mx-fi", "mx-a1", "缩短排队时间",
                        "热线投诉排队时间长", "li", java.util.List.of(), java.util.List.of(),
                        new org.pdcaledger.kernel.initiative.Metric("排队时长", "分钟", java.math.BigDecimal.TEN,
                                java.math.BigDecimal.ONE, org.pdcaledger.kernel.initiative.MetricDirection
                                        .LOWER_IS_BETTER))));
        eventStore.publish(new GenericDomainEventMessage<>("Feedback", "mx-fb", 0,
                new org.pdcaledger.kernel.feedback.FeedbackRecordedEvent("mx-fb", "mx-a1",
                        org.pdcaledger.kernel.feedback.FeedbackChannel.HOTLINE_12345, "MX-1",
                        java.time.LocalDate.parse("2026-01-05"), org.pdcaledger.kernel.feedback.FeedbackKind.COMPLAINT,
                        "办事效率", "排队时间长", null, java.util.List.of(), null)));
        await().atMost(Duration.ofSeconds(20)).until(() -> http.perform(get("/api/feedback/mx-fb")
                .header("Authorization", ADMIN)).andReturn().getResponse().getStatus() == 200
                && http.perform(get("/api/feedback/initiatives/mx-fi/effect").header("Authorization", ADMIN))
                        .andReturn().getResponse().getStatus() == 200);
    }

    private boolean known(String unitId) throws Exception {
        return http.perform(get("/api/units/" + unitId).header("Authorization", ADMIN)).andReturn().getResponse()
                .getStatus() == 200;
    }

    private void register(String id, String code, String parent) {
        eventStore.publish(new GenericDomainEventMessage<>("Unit", id, 0,
                new UnitRegisteredEvent(id, code, new LocalizedName("单位" + code, "Unit " + code), parent)));
    }

    @Override
    protected String inScopeUnit() {
        return "mx-a";
    }

    @Override
    protected String outOfScopeUnit() {
        return "mx-b";
    }

    @Override
    protected String placeholder(String name) {
        return switch (name) {
            case "unitId" -> "mx-a1";
            case "feedbackId" -> "mx-fb";
            case "feedbackInitiativeId" -> "mx-fi";
            default -> null;
        };
    }
}
