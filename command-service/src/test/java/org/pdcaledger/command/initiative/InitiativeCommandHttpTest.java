package org.pdcaledger.command.initiative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pdcaledger.command.support.CommandServiceTest;
import org.pdcaledger.kernel.common.MetadataKeys;
import org.pdcaledger.kernel.initiative.ActionCompletedEvent;
import org.pdcaledger.kernel.initiative.CheckResult;
import org.pdcaledger.kernel.initiative.CycleAdjustedEvent;
import org.pdcaledger.kernel.initiative.CycleCheckedEvent;
import org.pdcaledger.kernel.initiative.ExecutionStartedEvent;
import org.pdcaledger.kernel.initiative.InitiativeLaunchedEvent;
import org.pdcaledger.kernel.initiative.InitiativeStandardisedEvent;
import org.pdcaledger.kernel.initiative.MeasurementRecordedEvent;
import org.pdcaledger.kernel.initiative.ObservationRecordedEvent;
import org.pdcaledger.kernel.initiative.PlanRecordedEvent;
import org.pdcaledger.support.security.TestIdentityTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

@CommandServiceTest
class InitiativeCommandHttpTest {

    private static final String ADMIN = "Bearer " + TestIdentityTokens.person("admin", "ADMIN@*");
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    MockMvc http;
    @Autowired
    EventStore eventStore;

    private String unitId;
    private String improver;

    @BeforeEach
    void registerUnit() throws Exception {
        String code = "U" + System.nanoTime();
        MvcResult result = http.perform(post("/api/units").header("Authorization", ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + code + "\",\"name\":{\"zh\":\"办公室\",\"en\":\"General Office\"}}"))
                .andExpect(status().isCreated())
                .andReturn();
        unitId = JsonPath.read(result.getResponse().getContentAsString(), "$.unitId");
        improver = "Bearer " + TestIdentityTokens.person("li", "IMPROVER@" + unitId);
    }

    private String launchBody(String baseline, String target, String direction) {
        return launchBody(baseline, target, direction, "standardisation");
    }

    private String launchBody(String baseline, String target, String direction, String indicator) {
        return """
                {"unitId":"%s","title":"压缩公文办理时长","problemStatement":"公文办理平均需要10天",
                 "owner":"li","team":["li","zhang"],
                 "gaps":[{"frameworkCode":"GOV-OPS-QUALITY","indicatorCode":"%s"}],
                 "metric":{"name":"公文办理时长","unitOfMeasure":"天","baseline":%s,"target":%s,"direction":"%s"}}
                """.formatted(unitId, indicator, baseline, target, direction);
    }

    private String launch() throws Exception {
        MvcResult result = http.perform(post("/api/initiatives").header("Authorization", improver)
                        .contentType(MediaType.APPLICATION_JSON).content(launchBody("10", "4", "LOWER_IS_BETTER")))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andReturn();
        String id = JsonPath.read(result.getResponse().getContentAsString(), "$.initiativeId");
        assertThat(result.getResponse().getHeader("Location")).endsWith("/api/initiatives/" + id);
        return id;
    }

    private ResultActions write(MockHttpServletRequestBuilder request, long ifMatch, String body) throws Exception {
        request.header("Authorization", improver).header("If-Match", "\"" + ifMatch + "\"");
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return http.perform(request);
    }

    private String planBody(String objective, String... actions) {
        StringBuilder list = new StringBuilder();
        for (String action : actions) {
            list.append(list.isEmpty() ? "" : ",").append("{\"description\":\"").append(action)
                    .append("\",\"owner\":\"zhang\",\"dueDate\":\"").append(TODAY.plusDays(14)).append("\"}");
        }
        return """
                {"objective":"%s","hypothesis":"减少签批环节可缩短时长","successCriterion":"连续两个月平均不超过4天",
                 "actions":[%s]}""".formatted(objective, list);
    }

    private List<? extends DomainEventMessage<?>> events(String initiativeId) {
        return eventStore.readEvents(initiativeId).asStream().toList();
    }

    private DomainEventMessage<?> lastEvent(String initiativeId) {
        List<? extends DomainEventMessage<?>> events = events(initiativeId);
        return events.get(events.size() - 1);
    }

    private void expectLastEvent(String initiativeId, long sequence, Class<?> type, String command) {
        DomainEventMessage<?> last = lastEvent(initiativeId);
        assertThat(last.getSequenceNumber()).isEqualTo(sequence);
        assertThat(last.getPayloadType()).isEqualTo(type);
        assertThat(last.getMetaData())
                .containsEntry(MetadataKeys.ACTOR, "li")
                .containsEntry(MetadataKeys.COMMAND, command)
                .doesNotContainKey("grants");
    }

    @Test
    void twoCycles_fromLaunchToStandardisation_storeOneEventPerStep_andAnswerEachNewVersion() throws Exception {
        String id = launch();
        expectLastEvent(id, 0, InitiativeLaunchedEvent.class, "LaunchInitiativeCommand");
        String base = "/api/initiatives/" + id;

        MvcResult planned = write(post(base + "/plan"), 0, planBody("办理时长降到4天", "梳理公文流转环节", "上线电子签批"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.actionIds.length()").value(2))
                .andReturn();
        List<String> actionIds = JsonPath.read(planned.getResponse().getContentAsString(), "$.actionIds");
        expectLastEvent(id, 1, PlanRecordedEvent.class, "RecordPlanCommand");
        assertThat(((PlanRecordedEvent) lastEvent(id).getPayload()).actions())
                .extracting(a -> a.actionId()).containsExactlyElementsOf(actionIds);

        write(post(base + "/do"), 1, null)
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"2\""));
        expectLastEvent(id, 2, ExecutionStartedEvent.class, "StartExecutionCommand");

        write(post(base + "/actions/" + actionIds.get(0) + "/complete"), 2, "{\"note\":\"环节由9个减到5个\"}")
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"3\""))
                .andExpect(jsonPath("$.actionId").value(actionIds.get(0)));
        expectLastEvent(id, 3, ActionCompletedEvent.class, "CompleteActionCommand");

        write(post(base + "/observations"), 3, "{\"text\":\"签批人出差导致积压\"}")
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"4\""));
        expectLastEvent(id, 4, ObservationRecordedEvent.class, "RecordObservationCommand");

        write(post(base + "/measurements"), 4,
                "{\"value\":6.5,\"measuredOn\":\"" + TODAY.minusDays(1) + "\",\"note\":\"抽样20件\"}")
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"5\""));
        expectLastEvent(id, 5, MeasurementRecordedEvent.class, "RecordMeasurementCommand");

        write(post(base + "/check"), 5, "{\"analysis\":\"签批环节仍多\"}")
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"6\""))
                .andExpect(jsonPath("$.computedResult").value("PARTLY_MET"))
                .andExpect(jsonPath("$.result").value("PARTLY_MET"));
        expectLastEvent(id, 6, CycleCheckedEvent.class, "CheckCycleCommand");

        write(post(base + "/act"), 6,
                "{\"decision\":\"ADJUST\",\"carriedActionIds\":[\"" + actionIds.get(1) + "\"],\"reason\":\"先解决出差积压\"}")
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"7\""));
        expectLastEvent(id, 7, CycleAdjustedEvent.class, "AdjustCycleCommand");
        CycleAdjustedEvent adjusted = (CycleAdjustedEvent) lastEvent(id).getPayload();
        assertThat(adjusted.nextCycle()).isEqualTo(2);
        assertThat(adjusted.carriedActions()).extracting(a -> a.actionId()).containsExactly(actionIds.get(1));

        write(post(base + "/plan"), 7, planBody("办理时长降到4天并保持"))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"8\""))
                .andExpect(jsonPath("$.actionIds.length()").value(0));
        assertThat(((PlanRecordedEvent) lastEvent(id).getPayload()).cycle()).isEqualTo(2);

        write(put(base + "/actions/" + actionIds.get(1)), 8,
                "{\"description\":\"上线电子签批（含移动端）\",\"owner\":\"li\",\"dueDate\":\"" + TODAY.plusDays(30) + "\"}")
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"9\""));

        write(post(base + "/do"), 9, null).andExpect(status().isOk()).andExpect(header().string("ETag", "\"10\""));
        write(post(base + "/actions/" + actionIds.get(1) + "/complete"), 10, null)
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"11\""));
        write(post(base + "/measurements"), 11, "{\"value\":3.8,\"measuredOn\":\"" + TODAY + "\"}")
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"12\""));

        write(post(base + "/check"), 12, "{\"analysis\":\"移动签批后积压消除\"}")
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"13\""))
                .andExpect(jsonPath("$.computedResult").value("MET"));
        assertThat(((CycleCheckedEvent) lastEvent(id).getPayload()).cycle()).isEqualTo(2);

        write(post(base + "/act"), 13,
                "{\"decision\":\"STANDARDISE\",\"standardised\":\"电子签批纳入公文处理程序\",\"documentReference\":\"QP-07 第3版\"}")
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"14\""));
        expectLastEvent(id, 14, InitiativeStandardisedEvent.class, "StandardiseInitiativeCommand");
        assertThat(events(id)).hasSize(15);

        write(post(base + "/observations"), 14, "{\"text\":\"too late\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("initiative-closed"))
                .andExpect(jsonPath("$.field").value("status"));
        assertThat(events(id)).hasSize(15);
    }

    @Test
    void launch_withInvalidInput_is400_listingEveryField_andStoresNothing() throws Exception {
        http.perform(post("/api/initiatives").header("Authorization", improver).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"unitId":"%s","title":" ","problemStatement":"p","owner":"li",
                                 "gaps":[{"frameworkCode":"GOV-OPS"}],
                                 "metric":{"name":"m","unitOfMeasure":"天","target":4,"direction":"LOWER_IS_BETTER"}}
                                """.formatted(unitId)))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "gaps[0].indicatorCode", "metric.baseline", "title")));
        http.perform(post("/api/initiatives").header("Authorization", improver).contentType(MediaType.APPLICATION_JSON)
                        .content(launchBody("10", "4", "SIDEWAYS")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("metric.direction"));
    }

    @Test
    void launch_onAGapTheFrameworkCatalogueDoesNotKnow_is422_namingTheIndicator_andStoresNothing()
            throws Exception {
        var before = eventStore.createHeadToken();
        http.perform(post("/api/initiatives").header("Authorization", improver).contentType(MediaType.APPLICATION_JSON)
                        .content(launchBody("10", "4", "LOWER_IS_BETTER", "telepathy")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.code").value("indicator-unknown"))
                .andExpect(jsonPath("$.field").value("gaps[0].indicatorCode"));
        http.perform(post("/api/initiatives").header("Authorization", improver).contentType(MediaType.APPLICATION_JSON)
                        .content(launchBody("10", "4", "LOWER_IS_BETTER").replace("GOV-OPS-QUALITY", "NO-SUCH")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("framework-unknown"))
                .andExpect(jsonPath("$.field").value("gaps[0].frameworkCode"));
        assertThat(eventStore.createHeadToken()).as("nothing appended").isEqualTo(before);
    }

    @Test
    void launch_breakingAMetricRule_is422_namingTheField() throws Exception {
        http.perform(post("/api/initiatives").header("Authorization", improver).contentType(MediaType.APPLICATION_JSON)
                        .content(launchBody("10", "10", "LOWER_IS_BETTER")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("target-equals-baseline"))
                .andExpect(jsonPath("$.field").value("metric.target"));
        http.perform(post("/api/initiatives").header("Authorization", improver).contentType(MediaType.APPLICATION_JSON)
                        .content(launchBody("10", "4", "HIGHER_IS_BETTER")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("metric.direction"));
    }

    @Test
    void launch_isForbidden_forALeader_andForAnImproverOfAnotherUnit() throws Exception {
        http.perform(post("/api/initiatives").header("Authorization", "Bearer "
                                + TestIdentityTokens.person("wang", "LEADER@" + unitId))
                        .contentType(MediaType.APPLICATION_JSON).content(launchBody("10", "4", "LOWER_IS_BETTER")))
                .andExpect(status().isForbidden());
        http.perform(post("/api/initiatives").header("Authorization", "Bearer "
                                + TestIdentityTokens.person("zhao", "IMPROVER@u-elsewhere"))
                        .contentType(MediaType.APPLICATION_JSON).content(launchBody("10", "4", "LOWER_IS_BETTER")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("access-denied"));
    }

    @Test
    void launch_forAnUnknownUnit_is422() throws Exception {
        http.perform(post("/api/initiatives").header("Authorization", ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content(launchBody("10", "4", "LOWER_IS_BETTER").replace(unitId, "u-nowhere")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("unitId"));
    }

    @Test
    void aWriteOnAnUnknownInitiative_is404() throws Exception {
        write(post("/api/initiatives/i-unknown/do"), 0, null)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.field").value("id"));
    }

    @Test
    void rejectedWrites_answerTheRightStatus_namingTheField_andStoreNothing() throws Exception {
        String id = launch();
        String base = "/api/initiatives/" + id;

        write(post(base + "/plan"), 0, planBody("o", "a1")).andExpect(status().isOk());
        write(post(base + "/plan"), 0, planBody("stale"))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.code").value("version-stale"))
                .andExpect(jsonPath("$.field").value("If-Match"))
                .andExpect(header().string("ETag", "\"1\""));
        http.perform(post(base + "/do").header("Authorization", improver))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.field").value("If-Match"));
        write(post(base + "/plan"), 1, "{\"objective\":\"o\",\"hypothesis\":\"h\",\"successCriterion\":\"c\","
                + "\"actions\":[{\"description\":\"d\",\"owner\":\"li\"}]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("actions[0].dueDate"));
        write(post(base + "/check"), 1, "{\"analysis\":\"a\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("phase-order"))
                .andExpect(jsonPath("$.field").value("phase"));
        write(post(base + "/act"), 1, "{\"decision\":\"ABANDON\",\"reason\":\"r\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("act-before-check"));
        write(post(base + "/act"), 1, "{\"decision\":\"STANDARDISE\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("standardised"));
        assertThat(events(id)).hasSize(2);

        write(post(base + "/do"), 1, null).andExpect(status().isOk());
        write(post(base + "/actions/a-unknown/complete"), 2, null)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("action-unknown"))
                .andExpect(jsonPath("$.field").value("actionId"));
        write(post(base + "/check"), 2, "{\"analysis\":\"a\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("measurement-missing"))
                .andExpect(jsonPath("$.field").value("measurements"));
        write(post(base + "/measurements"), 2, "{\"value\":5,\"measuredOn\":\"" + TODAY.plusDays(2) + "\"}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("measured-in-future"))
                .andExpect(jsonPath("$.field").value("measuredOn"));
        write(post(base + "/measurements"), 2, "{\"value\":\"five\",\"measuredOn\":\"" + TODAY + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("value"));
        assertThat(events(id)).hasSize(3);

        write(post(base + "/measurements"), 2, "{\"value\":5,\"measuredOn\":\"" + TODAY + "\"}")
                .andExpect(status().isOk());
        write(post(base + "/check"), 3, "{\"result\":\"MET\",\"analysis\":\"a\"}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("override-reason-missing"))
                .andExpect(jsonPath("$.field").value("overrideReason"));
        write(post(base + "/check"), 3, "{\"result\":\"MET\",\"overrideReason\":\"口径调整\",\"analysis\":\"a\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.computedResult").value("PARTLY_MET"))
                .andExpect(jsonPath("$.result").value("MET"));
        assertThat(((CycleCheckedEvent) lastEvent(id).getPayload()).result()).isEqualTo(CheckResult.MET);
        write(post(base + "/act"), 4, "{\"decision\":\"ADJUST\",\"carriedActionIds\":[\"a-unknown\"]}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("carriedActionIds[0]"));
        assertThat(events(id)).hasSize(5);
    }

    @Test
    void anActionCompletedTwice_is409() throws Exception {
        String id = launch();
        String base = "/api/initiatives/" + id;
        MvcResult planned = write(post(base + "/plan"), 0, planBody("o", "a1")).andReturn();
        String actionId = JsonPath.read(planned.getResponse().getContentAsString(), "$.actionIds[0]");
        write(post(base + "/do"), 1, null).andExpect(status().isOk());
        write(post(base + "/actions/" + actionId + "/complete"), 2, null).andExpect(status().isOk());

        write(post(base + "/actions/" + actionId + "/complete"), 3, "{\"note\":\"again\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("action-completed"))
                .andExpect(jsonPath("$.field").value("actionId"));
        assertThat(events(id)).hasSize(4);
    }

    @Test
    void actionsCanBeAddedReplannedAndDropped_whilePlanning() throws Exception {
        String id = launch();
        String base = "/api/initiatives/" + id;
        write(post(base + "/plan"), 0, planBody("o")).andExpect(status().isOk());
        MvcResult added = write(post(base + "/actions"), 1,
                "{\"description\":\"培训\",\"owner\":\"zhang\",\"dueDate\":\"" + TODAY.plusDays(7) + "\"}")
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andReturn();
        String actionId = JsonPath.read(added.getResponse().getContentAsString(), "$.actionId");
        write(put(base + "/actions/" + actionId), 2,
                "{\"description\":\"全员培训\",\"owner\":\"li\",\"dueDate\":\"" + TODAY.plusDays(9) + "\"}")
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"3\""));
        write(post(base + "/actions/" + actionId + "/drop"), 3, "{\"reason\":\"并入其他举措\"}")
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"4\""));

        write(post(base + "/do"), 4, null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("actions-missing"))
                .andExpect(jsonPath("$.field").value("actions"));
        assertThat(events(id)).hasSize(5);
    }
}
