package org.pdcaledger.command.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.pdcaledger.command.framework.FrameworkCatalogTable;
import org.pdcaledger.command.support.CommandServiceTest;
import org.pdcaledger.kernel.assessment.AssessmentFinalisedEvent;
import org.pdcaledger.kernel.framework.PublishFrameworkVersionCommand;
import org.pdcaledger.support.security.TestIdentityTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/**
 * The command side of the maturity flow over HTTP: import a framework, start an assessment of a unit, rate every
 * indicator, submit, finalise by a second assessor. (The query side of the same flow, driven by these events, is
 * {@code MaturityQueryHttpTest} in query-service.)
 */
@CommandServiceTest
class AssessmentFlowHttpTest {

    private static final String ADMIN = "Bearer " + TestIdentityTokens.person("admin", "ADMIN@*");
    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    @Autowired
    MockMvc http;
    @Autowired
    EventStore eventStore;
    @Autowired
    FrameworkCatalogTable catalog;
    @Autowired
    List<ApplicationRunner> runners;

    private static final String FRAMEWORK = """
            code: FLOW
            version: 1
            name: { zh: 流程测试框架, en: Flow test framework }
            dimensions:
              - code: d1
                name: { zh: 高效率管理, en: Efficient management }
                indicators:
                  - code: standardisation
                    name: { zh: 规范性, en: Standardisation }
                    levels: &levels
                      - { level: 1, zh: 一级, en: Level one }
                      - { level: 2, zh: 二级, en: Level two }
                      - { level: 3, zh: 三级, en: Level three }
                      - { level: 4, zh: 四级, en: Level four }
                      - { level: 5, zh: 五级, en: Level five }
                  - code: integration
                    name: { zh: 集成性, en: Integration }
                    levels: *levels
            """;

    private String unit(String code) throws Exception {
        MvcResult result = http.perform(post("/api/units").header("Authorization", ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + code + "\",\"name\":{\"zh\":\"甲局\",\"en\":\"Bureau A\"}}"))
                .andExpect(status().isCreated()).andReturn();
        return JsonPath.read(result.getResponse().getContentAsString(), "$.unitId");
    }

    private static String bearer(String user, String unitId) {
        return "Bearer " + TestIdentityTokens.person(user, "ASSESSOR@" + unitId);
    }

    private ResultActions rate(String assessmentId, String indicator, String who, int version, int current,
            int target) throws Exception {
        return http.perform(put("/api/assessments/" + assessmentId + "/ratings/" + indicator)
                .header("Authorization", who).header("If-Match", "\"" + version + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"currentLevel\":" + current + ",\"targetLevel\":" + target
                        + ",\"evidence\":\"制度汇编 2026 版\"}"));
    }

    @Test
    void importStartRateSubmitFinalise_byTwoAssessors_storesTheFinalisedRatings() throws Exception {
        http.perform(post("/api/frameworks").header("Authorization", ADMIN).contentType(YAML).content(FRAMEWORK))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/api/frameworks/FLOW?version=1")))
                .andExpect(jsonPath("$.indicatorCount").value(2));
        http.perform(post("/api/frameworks").header("Authorization", ADMIN).contentType(YAML).content(FRAMEWORK))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.published").value(false));

        String unitId = unit("FLOW-A");
        String wang = bearer("wang", unitId);
        String zhao = bearer("zhao", unitId);
        MvcResult started = http.perform(post("/api/assessments").header("Authorization", wang)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unitId\":\"" + unitId + "\",\"frameworkCode\":\"FLOW\","
                                + "\"period\":{\"type\":\"QUARTER\",\"value\":\"2026-Q2\"},\"kind\":\"SELF\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.frameworkVersion").value(1))
                .andReturn();
        String assessmentId = JsonPath.read(started.getResponse().getContentAsString(), "$.assessmentId");

        rate(assessmentId, "standardisation", wang, 0, 2, 4).andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""));
        rate(assessmentId, "smartness", wang, 1, 2, 4).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("indicator-unknown"));
        http.perform(post("/api/assessments/" + assessmentId + "/submit").header("Authorization", wang)
                        .header("If-Match", "\"1\""))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("ratings-missing"));
        rate(assessmentId, "integration", wang, 1, 3, 3).andExpect(status().isOk());
        http.perform(post("/api/assessments/" + assessmentId + "/submit").header("Authorization", wang)
                        .header("If-Match", "\"2\""))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"3\""));

        rate(assessmentId, "integration", wang, 3, 4, 4).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("assessment-not-draft"));
        http.perform(post("/api/assessments/" + assessmentId + "/finalise").header("Authorization", wang)
                        .header("If-Match", "\"3\""))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("four-eyes"));
        http.perform(post("/api/assessments/" + assessmentId + "/finalise").header("Authorization", zhao)
                        .header("If-Match", "\"3\""))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"4\""));

        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(assessmentId).asStream().toList();
        assertThat(events).hasSize(5);
        AssessmentFinalisedEvent finalised = (AssessmentFinalisedEvent) events.get(4).getPayload();
        assertThat(finalised.finalisedBy()).isEqualTo("zhao");
        assertThat(finalised.submittedBy()).isEqualTo("wang");
        assertThat(finalised.ratings()).extracting(r -> r.indicatorCode() + ":" + r.currentLevel() + "→"
                + r.targetLevel()).containsExactly("standardisation:2→4", "integration:3→3");
    }

    @Test
    void aFrameworkDocumentWithMistakes_isRejectedWithEveryPathListed_andNothingIsStored() throws Exception {
        String broken = FRAMEWORK.replace("code: FLOW", "code: BROKEN").replace("code: integration",
                "code: standardisation").replace("{ level: 5, zh: 五级, en: Level five }", "{ level: 6, zh: 六级 }")
                + "owner: somebody\n";

        http.perform(post("/api/frameworks").header("Authorization", ADMIN).contentType(YAML).content(broken))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("framework-invalid"))
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.hasItems("owner",
                        "dimensions[0].indicators[0].levels[4].en", "dimensions[0].indicators[0].levels[4].level",
                        "dimensions[0].indicators[1].code")));

        assertThat(catalog.latestVersion("BROKEN")).isEmpty();
        assertThat(eventStore.readEvents(PublishFrameworkVersionCommand.idOf("BROKEN")).asStream()).isEmpty();
    }

    @Test
    void theBuiltInFrameworks_arePublishedAtStart_exactlyOnce_evenWhenLoadedAgain() throws Exception {
        assertThat(catalog.indicatorCodes("GOV-OPS-QUALITY", 1)).hasSize(12);
        assertThat(catalog.indicatorCodes("ISO9001-GOV", 1)).hasSize(7);

        for (ApplicationRunner runner : runners) {
            runner.run(new DefaultApplicationArguments());
        }

        for (String code : List.of("GOV-OPS-QUALITY", "FIVE-PATHS", "HPO-BSC", "ISO9001-GOV")) {
            assertThat(eventStore.readEvents(PublishFrameworkVersionCommand.idOf(code)).asStream()).hasSize(1);
        }
    }

    @Test
    void startingAnAssessment_isDenied_toAnAssessorOfAnotherUnit() throws Exception {
        String unitId = unit("FLOW-B");
        http.perform(post("/api/assessments").header("Authorization", bearer("qian", "u-elsewhere"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unitId\":\"" + unitId + "\",\"frameworkCode\":\"GOV-OPS-QUALITY\","
                                + "\"period\":{\"type\":\"YEAR\",\"value\":\"2026\"},\"kind\":\"EXTERNAL\"}"))
                .andExpect(status().isForbidden());
        assertThat(eventStore.readEvents(unitId).asStream()).hasSize(1);
    }
}
