package org.pdcaledger.query.gap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.pdcaledger.kernel.assessment.AssessmentFinalisedEvent;
import org.pdcaledger.kernel.assessment.AssessmentKind;
import org.pdcaledger.kernel.assessment.AssessmentStartedEvent;
import org.pdcaledger.kernel.common.LocalizedName;
import org.pdcaledger.kernel.initiative.CheckResult;
import org.pdcaledger.kernel.initiative.CycleAdjustedEvent;
import org.pdcaledger.kernel.initiative.CycleCheckedEvent;
import org.pdcaledger.kernel.initiative.ExecutionStartedEvent;
import org.pdcaledger.kernel.initiative.GapReference;
import org.pdcaledger.kernel.initiative.InitiativeAbandonedEvent;
import org.pdcaledger.kernel.initiative.InitiativeLaunchedEvent;
import org.pdcaledger.kernel.initiative.InitiativeStandardisedEvent;
import org.pdcaledger.kernel.initiative.MeasurementRecordedEvent;
import org.pdcaledger.kernel.initiative.Metric;
import org.pdcaledger.kernel.initiative.MetricDirection;
import org.pdcaledger.kernel.initiative.PlanRecordedEvent;
import org.pdcaledger.kernel.initiative.PlannedAction;
import org.pdcaledger.kernel.unit.UnitRegisteredEvent;
import org.pdcaledger.query.support.QueryServiceTest;
import org.pdcaledger.support.security.TestIdentityTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The gap board as the maturity processor builds it from the events in the (embedded) event store: an initiative
 * launched on a gap appears in Plan and its card moves across the columns as its two cycles advance, read over HTTP.
 * Unit ids start with {@code gb-} (the test context is shared with other query tests); the gaps are against the
 * framework code {@code GB}, which needs no published framework to be derived.
 */
@QueryServiceTest
class GapBoardInitiativesHttpTest {

    private static final String LEADER = "Bearer " + TestIdentityTokens.person("leader-gb", "LEADER@gb-a");
    private static final String FRAMEWORK = "GB";
    private static final Metric DAYS = new Metric("公文办理时长", "天", new BigDecimal("10"), new BigDecimal("4"),
            MetricDirection.LOWER_IS_BETTER);

    @Autowired
    MockMvc http;
    @Autowired
    EventStore eventStore;

    private final ObjectMapper json = new ObjectMapper();

    private void publish(String type, String id, long sequence, Object event) {
        eventStore.publish(new GenericDomainEventMessage<>(type, id, sequence, event));
    }

    private JsonNode board() throws Exception {
        return json.readTree(http.perform(get("/api/gaps").param("unit", "gb-a1").param("framework", FRAMEWORK)
                .header("Authorization", LEADER)).andReturn().getResponse().getContentAsString());
    }

    /** The columns of the gap board that list the gap of {@code indicator}. */
    private List<String> columnsOf(JsonNode board, String indicator) {
        List<String> columns = new ArrayList<>();
        for (JsonNode card : board.path("gaps")) {
            if (card.get("indicatorCode").asText().equals(indicator)) {
                String gapId = card.get("gapId").asText();
                board.get("columns").fields().forEachRemaining(column -> column.getValue().forEach(id -> {
                    if (id.asText().equals(gapId)) {
                        columns.add(column.getKey());
                    }
                }));
            }
        }
        return columns;
    }

    private void awaitColumn(String indicator, String column) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> columnsOf(board(), indicator), columns -> columns.equals(List.of(column)));
    }

    @Test
    void anInitiativeLaunchedOnAGap_appearsInPlan_andItsCardMovesAcrossTheColumns_throughTwoCycles()
            throws Exception {
        publish("Unit", "gb-city", 0, new UnitRegisteredEvent("gb-city", "GB", new LocalizedName("市", "City"), null));
        publish("Unit", "gb-a", 0, new UnitRegisteredEvent("gb-a", "GBA", new LocalizedName("局", "Bureau"),
                "gb-city"));
        publish("Unit", "gb-a1", 0, new UnitRegisteredEvent("gb-a1", "GBA1", new LocalizedName("处", "Division"),
                "gb-a"));
        AssessmentFinalisedEvent finalised = MaturityEvents.finalised("gb-q1", "gb-a1", "2026-Q1", 2, 4, 3, 3, 1, 2);
        publish("Assessment", "gb-q1", 0, new AssessmentStartedEvent("gb-q1", "gb-a1", FRAMEWORK, 1,
                List.of("i1", "i2", "i3"), MaturityEvents.quarter("2026-Q1"), AssessmentKind.SELF, "wang"));
        publish("Assessment", "gb-q1", 1, new AssessmentFinalisedEvent("gb-q1", "gb-a1", FRAMEWORK, 1,
                finalised.period(), AssessmentKind.SELF, finalised.ratings(), "wang", "zhao"));
        awaitColumn("i1", "NO_INITIATIVE_YET");
        awaitColumn("i3", "NO_INITIATIVE_YET");

        String id = "gb-in-1";
        PlannedAction action = new PlannedAction("gb-act", "精简签批", "li", LocalDate.of(2026, 8, 1));
        publish("Initiative", id, 0, new InitiativeLaunchedEvent(id, "gb-a1", "压缩公文办理时长", "公文办理平均需要10天",
                "li", List.of("li"), List.of(new GapReference(FRAMEWORK, "i1")), DAYS));
        awaitColumn("i1", "PLANNING");
        assertThat(board().get("gaps").get(0).get("initiatives").get("PLANNING").get(0).get("title").asText())
                .isEqualTo("压缩公文办理时长");
        assertThat(columnsOf(board(), "i3")).containsExactly("NO_INITIATIVE_YET");

        long sequence = 1;
        for (int cycle = 1; cycle <= 2; cycle++) {
            publish("Initiative", id, sequence++, new PlanRecordedEvent(id, cycle, "三天办结", "减少签批环节",
                    "平均不超过4天", cycle == 1 ? List.of(action) : List.of()));
            awaitColumn("i1", "PLANNING");
            publish("Initiative", id, sequence++, new ExecutionStartedEvent(id, cycle));
            awaitColumn("i1", "EXECUTION");
            publish("Initiative", id, sequence++, new MeasurementRecordedEvent(id, cycle,
                    new BigDecimal(cycle == 1 ? "7" : "4"), LocalDate.of(2026, 7, cycle), null));
            awaitColumn("i1", "EVALUATION");
            publish("Initiative", id, sequence++, new CycleCheckedEvent(id, cycle,
                    cycle == 1 ? CheckResult.NOT_MET : CheckResult.MET, cycle == 1 ? CheckResult.NOT_MET
                            : CheckResult.MET, null, "分析", new BigDecimal(cycle == 1 ? "7" : "4"),
                    LocalDate.of(2026, 7, cycle)));
            awaitColumn("i1", "CONTINUOUS_IMPROVEMENT");
            if (cycle == 1) {
                publish("Initiative", id, sequence++, new CycleAdjustedEvent(id, 1, 2, List.of(action), "签批仍多"));
                awaitColumn("i1", "PLANNING");
            }
        }
        publish("Initiative", id, sequence, new InitiativeStandardisedEvent(id, 2, "公文办理程序", "QP-07"));
        await().atMost(Duration.ofSeconds(20)).until(() -> board().get("gaps").get(0).get("initiatives")
                .get("CONTINUOUS_IMPROVEMENT").get(0).get("completed").asBoolean());
        assertThat(columnsOf(board(), "i1")).containsExactly("CONTINUOUS_IMPROVEMENT");

        publish("Initiative", "gb-in-2", 0, new InitiativeLaunchedEvent("gb-in-2", "gb-a1", "一网通办", "办事渠道分散",
                "li", List.of(), List.of(new GapReference(FRAMEWORK, "i3")), DAYS));
        awaitColumn("i3", "PLANNING");
        publish("Initiative", "gb-in-2", 1, new InitiativeAbandonedEvent("gb-in-2", 1, "并入市级项目"));
        awaitColumn("i3", "NO_INITIATIVE_YET");
    }
}
