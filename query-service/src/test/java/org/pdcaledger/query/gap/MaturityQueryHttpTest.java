package org.pdcaledger.query.gap;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.pdcaledger.query.gap.MaturityEvents.finalised;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pdcaledger.kernel.assessment.AssessmentFinalisedEvent;
import org.pdcaledger.kernel.assessment.AssessmentKind;
import org.pdcaledger.kernel.assessment.AssessmentStartedEvent;
import org.pdcaledger.kernel.assessment.AssessmentSubmittedEvent;
import org.pdcaledger.kernel.assessment.IndicatorRatedEvent;
import org.pdcaledger.kernel.common.LocalizedName;
import org.pdcaledger.kernel.gap.BoardColumn;
import org.pdcaledger.kernel.gap.GapInitiative;
import org.pdcaledger.kernel.unit.UnitRegisteredEvent;
import org.pdcaledger.query.support.QueryServiceTest;
import org.pdcaledger.support.security.TestIdentityTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The query side of the maturity flow, driven by the events the command side emits for: publish a framework,
 * start an assessment of a division, rate every indicator, submit, finalise by a second assessor; then a second
 * quarter. Read back over HTTP as the gap board, the assessment page, the unit's list and the comparison.
 * Its unit ids start with {@code m-}: the test context, and so the stores, are shared with other query tests.
 */
@QueryServiceTest
class MaturityQueryHttpTest {

    private static final String LEADER_A = "Bearer " + TestIdentityTokens.person("leader-a", "LEADER@m-a");
    private static final String LEADER_B = "Bearer " + TestIdentityTokens.person("leader-b", "LEADER@m-b");

    @Autowired
    MockMvc http;
    @Autowired
    EventStore eventStore;
    @Autowired
    GapProjection gaps;

    private static boolean seeded;

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        unit("m-city", "MSZ", null);
        unit("m-a", "MA", "m-city");
        unit("m-a1", "MA1", "m-a");
        unit("m-b", "MB", "m-city");
        eventStore.publish(new GenericDomainEventMessage<>("Framework", "fw-test", 0, MaturityEvents.published()));
        assess("a-q1", "m-a1", "2026-Q1", finalised("a-q1", "m-a1", "2026-Q1", 2, 4, 3, 3, 2, 3));
        assess("a-q2", "m-a1", "2026-Q2", finalised("a-q2", "m-a1", "2026-Q2", 3, 4, 3, 3, 3, 3));
        assess("b-q2", "m-b", "2026-Q2", finalised("b-q2", "m-b", "2026-Q2", 1, 5, 1, 5, 1, 5));
        await().atMost(Duration.ofSeconds(20)).until(() -> gaps.state("m-b", "TEST").isPresent()
                && gaps.state("m-a1", "TEST").map(s -> s.trail().finalised().size() == 2).orElse(false));
        seeded = true;
    }

    private void unit(String id, String code, String parent) {
        eventStore.publish(new GenericDomainEventMessage<>("Unit", id, 0,
                new UnitRegisteredEvent(id, code, new LocalizedName("单位" + code, "Unit " + code), parent)));
    }

    private void assess(String id, String unitId, String quarter, AssessmentFinalisedEvent finalised) {
        eventStore.publish(new GenericDomainEventMessage<>("Assessment", id, 0, new AssessmentStartedEvent(id,
                unitId, "TEST", 1, List.of("i1", "i2", "i3"), MaturityEvents.quarter(quarter), AssessmentKind.SELF,
                "wang")));
        for (int i = 0; i < 3; i++) {
            eventStore.publish(new GenericDomainEventMessage<>("Assessment", id, i + 1,
                    new IndicatorRatedEvent(id, unitId, finalised.ratings().get(i), "wang")));
        }
        eventStore.publish(new GenericDomainEventMessage<>("Assessment", id, 4,
                new AssessmentSubmittedEvent(id, unitId, "wang")));
        eventStore.publish(new GenericDomainEventMessage<>("Assessment", id, 5, finalised));
    }

    @Test
    void gapBoard_showsTheOpenGapsOfTheCurrentAssessment_inNoInitiativeYet() throws Exception {
        http.perform(get("/api/gaps").param("unit", "m-a1").param("framework", "TEST")
                        .header("Authorization", LEADER_A))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.gaps.length()").value(1))
                .andExpect(jsonPath("$.gaps[0].indicatorCode").value("i1"))
                .andExpect(jsonPath("$.gaps[0].indicatorName.zh").value("规范性"))
                .andExpect(jsonPath("$.gaps[0].dimensionName.en").value("Efficient management"))
                .andExpect(jsonPath("$.gaps[0].currentLevel").value(3))
                .andExpect(jsonPath("$.gaps[0].targetLevel").value(4))
                .andExpect(jsonPath("$.gaps[0].size").value(1))
                .andExpect(jsonPath("$.gaps[0].openedByAssessmentId").value("a-q1"))
                .andExpect(jsonPath("$.gaps[0].assessmentId").value("a-q2"))
                .andExpect(jsonPath("$.gaps[0].initiatives.PLANNING.length()").value(0))
                .andExpect(jsonPath("$.gaps[0].initiatives.CONTINUOUS_IMPROVEMENT.length()").value(0))
                .andExpect(jsonPath("$.columns.NO_INITIATIVE_YET.length()").value(1))
                .andExpect(jsonPath("$.columns.PLANNING.length()").value(0));
    }

    @Test
    void gapBoardOfASubtree_collectsTheGapsOfEveryVisibleUnitBelow_andNeverOfAnotherBureau() throws Exception {
        http.perform(get("/api/gaps").param("unit", "m-a").param("framework", "TEST").param("subtree", "true")
                        .header("Authorization", LEADER_A))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.gaps[*].unitId", contains("m-a1")));
        http.perform(get("/api/gaps").param("unit", "m-city").param("framework", "TEST").param("subtree", "true")
                        .header("Authorization", LEADER_A))
                .andExpect(status().isNotFound());
        http.perform(get("/api/gaps").param("unit", "m-city").param("framework", "TEST").param("subtree", "true")
                        .header("Authorization", "Bearer " + TestIdentityTokens.person("mayor", "LEADER@m-city")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.gaps.length()").value(4));
        http.perform(get("/api/gaps").param("unit", "m-a1").param("framework", "TEST")
                        .header("Authorization", LEADER_B))
                .andExpect(status().isNotFound());
    }

    @Test
    void anInitiativePlacedOnAGap_showsInItsStageColumn() throws Exception {
        gaps.placeInitiative("m-b", "TEST", List.of("i2"),
                new GapInitiative("in-1", "统一资源台账", BoardColumn.PLANNING), Long.MAX_VALUE - 1);

        http.perform(get("/api/gaps").param("unit", "m-b").param("framework", "TEST")
                        .header("Authorization", LEADER_B))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.gaps.length()").value(3))
                .andExpect(jsonPath("$.gaps[1].indicatorCode").value("i2"))
                .andExpect(jsonPath("$.gaps[1].initiatives.PLANNING[0].initiativeId").value("in-1"))
                .andExpect(jsonPath("$.columns.PLANNING", contains(
                        GapProjection.gapId("m-b", "TEST", "i2", "b-q2"))))
                .andExpect(jsonPath("$.columns.NO_INITIATIVE_YET.length()").value(2));
    }

    @Test
    void anAssessment_isReadable_withItsRatings_andWhetherItIsCurrent() throws Exception {
        http.perform(get("/api/assessments/a-q1").header("Authorization", LEADER_A))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("FINALISED"))
                .andExpect(jsonPath("$.current").value(false))
                .andExpect(jsonPath("$.version").value(5))
                .andExpect(jsonPath("$.ratings.length()").value(3))
                .andExpect(jsonPath("$.finalisedBy").value("zhao"));
        http.perform(get("/api/assessments/a-q2").header("Authorization", LEADER_A))
                .andExpect(jsonPath("$.current").value(true));
        http.perform(get("/api/assessments/a-q2").header("Authorization", LEADER_B))
                .andExpect(status().isNotFound());
    }

    @Test
    void aUnitsAssessments_areListedNewestFirst() throws Exception {
        http.perform(get("/api/assessments").param("unit", "m-a1").header("Authorization", LEADER_A))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].assessmentId", contains("a-q2", "a-q1")))
                .andExpect(jsonPath("$[0].current").value(true))
                .andExpect(jsonPath("$[1].current").value(false));
    }

    @Test
    void comparison_withThePreviousFinalisedAssessment_isUpOrSamePerIndicator() throws Exception {
        http.perform(get("/api/assessments/a-q2/comparison").header("Authorization", LEADER_A))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.previousAssessmentId").value("a-q1"))
                .andExpect(jsonPath("$.changes[*].direction", contains("UP", "SAME", "UP")));
        http.perform(get("/api/assessments/a-q1/comparison").header("Authorization", LEADER_A))
                .andExpect(jsonPath("$.changes[*].direction", contains("NEW", "NEW", "NEW")));
    }

    @Test
    void frameworks_areListed_andReadByCodeAndVersion() throws Exception {
        http.perform(get("/api/frameworks").header("Authorization", LEADER_A))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value("TEST"))
                .andExpect(jsonPath("$[0].indicatorCount").value(3));
        http.perform(get("/api/frameworks/TEST").header("Authorization", LEADER_A))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.definition.dimensions[1].indicators[0].name.zh").value("可获得性"));
        http.perform(get("/api/frameworks/TEST").param("version", "2").header("Authorization", LEADER_A))
                .andExpect(status().isNotFound());
    }

    @Test
    void anIntegrator_cannotReadGapsOrAssessments() throws Exception {
        String integrator = "Bearer " + TestIdentityTokens.client("feed", "INTEGRATOR@*");
        http.perform(get("/api/gaps").param("unit", "m-a1").param("framework", "TEST")
                .header("Authorization", integrator)).andExpect(status().isForbidden());
        http.perform(get("/api/assessments/a-q1").header("Authorization", integrator))
                .andExpect(status().isForbidden());
    }
}
