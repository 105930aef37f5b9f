package org.pdcaledger.command.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pdcaledger.command.support.CommandServiceTest;
import org.pdcaledger.kernel.common.MetadataKeys;
import org.pdcaledger.kernel.feedback.FeedbackKind;
import org.pdcaledger.kernel.feedback.FeedbackLinkedEvent;
import org.pdcaledger.kernel.feedback.FeedbackRecordedEvent;
import org.pdcaledger.support.security.IdentityToken;
import org.pdcaledger.support.security.TestIdentityTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

@CommandServiceTest
class FeedbackCommandHttpTest {

    static final String ADMIN = "Bearer " + TestIdentityTokens.person("admin", "ADMIN@*");
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    MockMvc http;
    @Autowired
    EventStore eventStore;

    private String bureauA;
    private String bureauB;
    private String improver;

    static String register(MockMvc http, String prefix, String parentId) throws Exception {
        String code = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String parent = parentId == null ? "" : ",\"parentId\":\"" + parentId + "\"";
        MvcResult result = http.perform(post("/api/units").header("Authorization", ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + code + "\",\"name\":{\"zh\":\"单位\",\"en\":\"Unit\"}" + parent + "}"))
                .andExpect(status().isCreated())
                .andReturn();
        return JsonPath.read(result.getResponse().getContentAsString(), "$.unitId");
    }

    @BeforeEach
    void registerUnits() throws Exception {
        String city = register(http, "CITY", null);
        bureauA = register(http, "BA", city);
        bureauB = register(http, "BB", city);
        improver = "Bearer " + TestIdentityTokens.person("li", "IMPROVER@" + bureauA);
    }

    private static String body(String unitId, String externalId, String receivedOn, String text, String extra) {
        return """
                {"unitId":"%s","channel":"HOTLINE_12345","externalId":"%s","receivedOn":"%s",
                 "category":"办事效率","text":"%s","satisfaction":2,
                 "indicators":[{"frameworkCode":"GOV-OPS-QUALITY","indicatorCode":"accessibility"}]%s}
                """.formatted(unitId, externalId, receivedOn, text, extra);
    }

    private ResultActions postItem(String token, String body) throws Exception {
        return http.perform(post("/api/feedback").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static String workOrder() {
        return "GD" + System.nanoTime();
    }

    @Test
    void post_stores201_withTheMaskedText_andTheEventCarriesNoNumber() throws Exception {
        String externalId = workOrder();
        MvcResult result = postItem(improver, body(bureauA, externalId, TODAY.toString(),
                "张先生来电（13812345678，身份证110101199003071234）反映办证窗口排队两小时", ""))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.masked").value(true))
                .andExpect(jsonPath("$.text").value("张先生来电（[手机号]，身份证[身份证号]）反映办证窗口排队两小时"))
                .andReturn();
        String id = JsonPath.read(result.getResponse().getContentAsString(), "$.feedbackId");
        assertThat(result.getResponse().getHeader("Location")).endsWith("/api/feedback/" + id);

        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(id).asStream().toList();
        assertThat(events).hasSize(1);
        FeedbackRecordedEvent recorded = (FeedbackRecordedEvent) events.get(0).getPayload();
        assertThat(recorded.text()).doesNotContain("13812345678").doesNotContain("110101199003071234");
        assertThat(recorded.kind()).isEqualTo(FeedbackKind.COMPLAINT);
        assertThat(recorded.externalId()).isEqualTo(externalId);
        assertThat(events.get(0).getMetaData()).containsEntry(MetadataKeys.ACTOR, "li").doesNotContainKey("grants");
    }

    @Test
    void post_isA409_forTheSameChannelAndExternalId_evenFromAnotherUnitsImprover() throws Exception {
        String externalId = workOrder();
        postItem(improver, body(bureauA, externalId, TODAY.toString(), "排队时间长", "")).andExpect(status().isCreated());
        String improverB = "Bearer " + TestIdentityTokens.person("zhao", "IMPROVER@" + bureauB);

        postItem(improverB, body(bureauB, " " + externalId + " ", TODAY.toString(), "排队时间长", ""))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("feedback-duplicate"))
                .andExpect(jsonPath("$.field").value("externalId"));
    }

    @Test
    void post_answers400_namingEveryMalformedField() throws Exception {
        postItem(improver, """
                {"unitId":"%s","channel":"TELEGRAM","externalId":"x","receivedOn":"2026-03-01",
                 "category":"c","text":"t"}""".formatted(bureauA))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("channel"));
        postItem(improver, """
                {"unitId":"%s","externalId":"","receivedOn":"2026-03-01","category":"c","text":"",
                 "satisfaction":7}""".formatted(bureauA))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("channel")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("externalId")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("text")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("satisfaction")));
        postItem(improver, body(bureauA, workOrder(), TODAY.toString(), "t", ",\"caller\":\"张三\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("caller"))
                .andExpect(jsonPath("$.code").value("invalid-request"));
    }

    @Test
    void post_answers422_namingTheField_forAFutureDayOrAnUnknownIndicator() throws Exception {
        postItem(improver, body(bureauA, workOrder(), TODAY.plusDays(1).toString(), "t", ""))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("received-in-future"))
                .andExpect(jsonPath("$.field").value("receivedOn"));
        postItem(improver, body(bureauA, workOrder(), TODAY.toString(), "t", "")
                        .replace("\"accessibility\"", "\"beauty\""))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("indicator-unknown"))
                .andExpect(jsonPath("$.field").value("indicators[0].indicatorCode"));
    }

    @Test
    void post_isForbidden_forALeader_andForAnImproverOfAnotherUnit() throws Exception {
        postItem("Bearer " + TestIdentityTokens.person("wang", "LEADER@" + bureauA),
                body(bureauA, workOrder(), TODAY.toString(), "t", ""))
                .andExpect(status().isForbidden());
        postItem("Bearer " + TestIdentityTokens.person("zhao", "IMPROVER@" + bureauB),
                body(bureauA, workOrder(), TODAY.toString(), "t", ""))
                .andExpect(status().isForbidden());
    }

    @Test
    void anIntegratorWithTheFeedbackRight_postsAnItem_forItsUnits() throws Exception {
        String hotline = "Bearer " + TestIdentityTokens.clientWithScopes("hotline-12345",
                List.of(IdentityToken.SCOPE_FEEDBACK_WRITE), "INTEGRATOR@" + bureauA);

        MvcResult result = postItem(hotline, body(bureauA, workOrder(), TODAY.toString(), "来电13912345678", ""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.text").value("来电[手机号]"))
                .andReturn();
        String id = JsonPath.read(result.getResponse().getContentAsString(), "$.feedbackId");
        assertThat(eventStore.readEvents(id).asStream().toList().get(0).getMetaData())
                .containsEntry(MetadataKeys.ACTOR, "hotline-12345");

        postItem(hotline, body(bureauB, workOrder(), TODAY.toString(), "t", ""))
                .andExpect(status().isForbidden());
    }

    @Test
    void anIntegratorWithoutTheFeedbackRight_isRefused_andTheRightOpensNothingElse() throws Exception {
        String plain = "Bearer " + TestIdentityTokens.client("feed-reader", "INTEGRATOR@" + bureauA);
        postItem(plain, body(bureauA, workOrder(), TODAY.toString(), "t", ""))
                .andExpect(status().isForbidden());

        String hotline = "Bearer " + TestIdentityTokens.clientWithScopes("hotline-12345",
                List.of(IdentityToken.SCOPE_FEEDBACK_WRITE), "INTEGRATOR@" + bureauA);
        http.perform(post("/api/feedback/imports").param("unit", bureauA).header("Authorization", hotline)
                        .contentType("text/csv").content("a,b\n1,2\n"))
                .andExpect(status().isForbidden());
        http.perform(post("/api/initiatives").header("Authorization", hotline)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
    }

    private String launchInitiative(String unitId) throws Exception {
        String body = """
                {"unitId":"%s","title":"缩短办证排队时间","problemStatement":"12345热线投诉排队时间长",
                 "owner":"li","team":["li"],
                 "gaps":[{"frameworkCode":"GOV-OPS-QUALITY","indicatorCode":"accessibility"}],
                 "metric":{"name":"平均排队时长","unitOfMeasure":"分钟","baseline":120,"target":30,
                 "direction":"LOWER_IS_BETTER"}}""".formatted(unitId);
        MvcResult result = http.perform(post("/api/initiatives").header("Authorization", ADMIN)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andReturn();
        return JsonPath.read(result.getResponse().getContentAsString(), "$.initiativeId");
    }

    @Test
    void link_namesTheTriggeredInitiative_andAnswersTheNewVersion() throws Exception {
        String initiative = launchInitiative(bureauA);
        MvcResult posted = postItem(improver, body(bureauA, workOrder(), TODAY.toString(), "排队时间长", ""))
                .andExpect(status().isCreated()).andReturn();
        String id = JsonPath.read(posted.getResponse().getContentAsString(), "$.feedbackId");

        http.perform(post("/api/feedback/" + id + "/link").header("Authorization", improver)
                        .header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"initiativeId\":\"" + initiative + "\"}"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""));
        assertThat(eventStore.readEvents(id).asStream().toList().get(1).getPayload())
                .isEqualTo(new FeedbackLinkedEvent(id, bureauA, initiative));

        String second = launchInitiative(bureauA);
        http.perform(post("/api/feedback/" + id + "/link").header("Authorization", improver)
                        .header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"initiativeId\":\"" + second + "\"}"))
                .andExpect(status().isPreconditionFailed());
        http.perform(post("/api/feedback/" + id + "/link").header("Authorization", improver)
                        .header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"initiativeId\":\"" + initiative + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("already-linked"));
        http.perform(post("/api/feedback/" + id + "/unlink").header("Authorization", improver)
                        .header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"initiativeId\":\"" + initiative + "\",\"reason\":\"误关联\"}"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""));
    }

    @Test
    void link_toAnInitiativeOfASiblingBureau_isRefused_namingTheField() throws Exception {
        String elsewhere = launchInitiative(bureauB);
        MvcResult posted = postItem(improver, body(bureauA, workOrder(), TODAY.toString(), "排队时间长", ""))
                .andExpect(status().isCreated()).andReturn();
        String id = JsonPath.read(posted.getResponse().getContentAsString(), "$.feedbackId");

        http.perform(post("/api/feedback/" + id + "/link").header("Authorization", improver)
                        .header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"initiativeId\":\"" + elsewhere + "\"}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.field").value("initiativeId"));
        http.perform(post("/api/feedback/" + id + "/link").header("Authorization", ADMIN)
                        .header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"initiativeId\":\"" + elsewhere + "\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("initiative-in-unrelated-unit"))
                .andExpect(jsonPath("$.field").value("initiativeId"));
    }
}
