package org.pdcaledger.query.access;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.pdcaledger.kernel.assessment.AssessmentFinalisedEvent;
import org.pdcaledger.kernel.assessment.AssessmentKind;
import org.pdcaledger.kernel.assessment.AssessmentPeriod;
import org.pdcaledger.kernel.assessment.AssessmentStartedEvent;
import org.pdcaledger.kernel.assessment.AssessmentSubmittedEvent;
import org.pdcaledger.kernel.assessment.IndicatorRatedEvent;
import org.pdcaledger.kernel.assessment.IndicatorRating;
import org.pdcaledger.kernel.assessment.PeriodType;
import org.pdcaledger.kernel.common.LocalizedName;
import org.pdcaledger.kernel.framework.FrameworkDefinition;
import org.pdcaledger.kernel.framework.FrameworkDimension;
import org.pdcaledger.kernel.framework.FrameworkIndicator;
import org.pdcaledger.kernel.framework.FrameworkVersionPublishedEvent;
import org.pdcaledger.kernel.framework.LevelDescriptor;
import org.pdcaledger.kernel.feedback.FeedbackChannel;
import org.pdcaledger.kernel.feedback.FeedbackIndicator;
import org.pdcaledger.kernel.feedback.FeedbackKind;
import org.pdcaledger.kernel.feedback.FeedbackRecordedEvent;
import org.pdcaledger.kernel.initiative.GapReference;
import org.pdcaledger.kernel.initiative.InitiativeLaunchedEvent;
import org.pdcaledger.kernel.initiative.Metric;
import org.pdcaledger.kernel.initiative.MetricDirection;
import org.pdcaledger.kernel.unit.UnitRegisteredEvent;
import org.pdcaledger.query.feed.FeedIntegrationTest;
import org.pdcaledger.query.feed.FeedScopeProjection;
import org.pdcaledger.query.feed.FeedStreams;
import org.pdcaledger.query.webhook.WebhookDelivery;
import org.pdcaledger.query.webhook.WebhookStore;
import org.pdcaledger.support.security.AuthorizationMatrixContract;
import org.pdcaledger.support.security.TestIdentityTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import com.jayway.jsonpath.JsonPath;

/**
 * Every query endpoint × role × in/out of scope, as {@code src/test/resources/authorization-matrix.md} says.
 * The tree: a city with bureaus A (in scope, with division A1) and B (out of scope); A1 has a finalised assessment
 * and an initiative against a one-indicator framework. Runs in the feed's test context, which lets webhooks reach
 * loopback, so registering a webhook gets past the address policy to the checks that matter here.
 */
@FeedIntegrationTest
class QueryAuthorizationMatrixTest extends AuthorizationMatrixContract {

    private static final String ADMIN = "Bearer " + TestIdentityTokens.person("admin", "ADMIN@*");
    private static final String INTEGRATOR = "Bearer " + TestIdentityTokens.client("matrix-integrator",
            "INTEGRATOR@*");
    private static final String FRAMEWORK = "MX";
    private static final String ASSESSMENT = "mx-assessment";
    private static final String INITIATIVE = "mx-initiative";
    private static final String FEEDBACK = "mx-feedback";

    @Autowired
    EventStore eventStore;
    @Autowired
    WebhookStore webhooks;
    @Autowired
    FeedStreams streams;
    @Autowired
    FeedScopeProjection feedScope;

    private String webhookId;
    private String deliveryId;

    @BeforeEach
    void seed() throws Exception {
        if (!known("mx-b")) {
            register("mx-city", "MX", null);
            register("mx-a", "MXA", "mx-city");
            register("mx-a1", "MXA1", "mx-a");
            register("mx-b", "MXB", "mx-city");
            publishFramework();
            publishAssessment();
            eventStore.publish(new GenericDomainEventMessage<>("Initiative", INITIATIVE, 0,
                    new InitiativeLaunchedEvent(INITIATIVE, "mx-a1", "压缩公文办理时长", "公文办理平均需要10天", "li",
                            List.of("li"), List.of(new GapReference(FRAMEWORK, "only")),
                            new Metric("公文办理时长", "天", new BigDecimal("10"), new BigDecimal("4"),
                                    MetricDirection.LOWER_IS_BETTER))));
            eventStore.publish(new GenericDomainEventMessage<>("Feedback", FEEDBACK, 0,
                    new FeedbackRecordedEvent(FEEDBACK, "mx-a1", FeedbackChannel.HOTLINE_12345, "MX-1",
                            java.time.LocalDate.parse("2026-01-05"), FeedbackKind.COMPLAINT, "办事效率", "排队时间长",
                            null, List.of(new FeedbackIndicator(FRAMEWORK, "only")), null)));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> known("mx-b") && visible("/api/frameworks/" + FRAMEWORK)
                && visible("/api/assessments/" + ASSESSMENT) && visible("/api/initiatives/" + INITIATIVE)
                && !feedScope.pathOf("mx-a1").isEmpty() && visible("/api/feedback/" + FEEDBACK)
                && visible("/api/feedback/initiatives/" + INITIATIVE + "/effect"));
    }

    @AfterEach
    void cleanUp() {
        webhooks.all().forEach(subscription -> webhooks.delete(subscription.id()));
        streams.closeAll();
    }

    private boolean known(String unitId) throws Exception {
        return visible("/api/units/" + unitId);
    }

    private boolean visible(String path) throws Exception {
        return http.perform(get(path).header("Authorization", ADMIN)).andReturn().getResponse().getStatus() == 200;
    }

    private void register(String id, String code, String parent) {
        eventStore.publish(new GenericDomainEventMessage<>("Unit", id, 0,
                new UnitRegisteredEvent(id, code, new LocalizedName("单位" + code, "Unit " + code), parent)));
    }

    private void publishFramework() {
        List<LevelDescriptor> levels = new ArrayList<>();
        for (int level = 1; level <= 5; level++) {
            levels.add(new LevelDescriptor(level, "第" + level + "级", "Level " + level));
        }
        FrameworkDefinition definition = new FrameworkDefinition(FRAMEWORK, 1, new LocalizedName("矩阵框架", "Matrix"),
                null, List.of(new FrameworkDimension("d1", new LocalizedName("维度", "Dimension"), null,
                        List.of(new FrameworkIndicator("only", new LocalizedName("指标", "Indicator"), null,
                                levels)))));
        eventStore.publish(new GenericDomainEventMessage<>("Framework", "fw-mx", 0,
                new FrameworkVersionPublishedEvent("fw-mx", definition)));
    }

    private void publishAssessment() {
        AssessmentPeriod period = new AssessmentPeriod(PeriodType.YEAR, "2026");
        IndicatorRating rating = new IndicatorRating("only", 2, 4, "台账抽查", null);
        List<Object> events = List.of(
                new AssessmentStartedEvent(ASSESSMENT, "mx-a1", FRAMEWORK, 1, List.of("only"), period,
                        AssessmentKind.SELF, "wang"),
                new IndicatorRatedEvent(ASSESSMENT, "mx-a1", rating, "wang"),
                new AssessmentSubmittedEvent(ASSESSMENT, "mx-a1", "wang"),
                new AssessmentFinalisedEvent(ASSESSMENT, "mx-a1", FRAMEWORK, 1, period, AssessmentKind.SELF,
                        List.of(rating), "wang", "zhao"));
        for (int i = 0; i < events.size(); i++) {
            eventStore.publish(new GenericDomainEventMessage<>("Assessment", ASSESSMENT, i, events.get(i)));
        }
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
            case "framework" -> FRAMEWORK;
            case "assessmentId" -> ASSESSMENT;
            case "initiativeId" -> INITIATIVE;
            case "feedbackId" -> FEEDBACK;
            case "webhookId" -> webhook();
            case "freshWebhookId" -> registerWebhook();
            case "deliveryId" -> {
                webhook();
                yield deliveryId;
            }
            default -> null;
        };
    }

    /** The matrix integrator's webhook with one delivered event in its log, made once per test instance. */
    private String webhook() {
        if (webhookId == null || webhooks.find(webhookId).isEmpty()) {
            webhookId = registerWebhook();
            long position = 1;
            deliveryId = WebhookDelivery.idFor(position);
            Instant at = Instant.parse("2026-03-01T02:00:00Z");
            webhooks.createIfAbsent(new WebhookDelivery(deliveryId, webhookId, "evt-mx", "pdca.unit.unit-registered.v1",
                    position, WebhookDelivery.DELIVERED, 1, 204, 3L, null, at, null, at, null, at, List.of()), "{}");
        }
        return webhookId;
    }

    private String registerWebhook() {
        try {
            String body = http.perform(post("/api/webhooks").header("Authorization", INTEGRATOR)
                            .contentType(MediaType.APPLICATION_JSON).content("{\"url\":\"http://127.0.0.1:9/matrix\"}"))
                    .andReturn().getResponse().getContentAsString();
            return JsonPath.read(body, "$.id");
        } catch (Exception e) {
            throw new IllegalStateException("cannot register the matrix integrator's webhook", e);
        }
    }
}
