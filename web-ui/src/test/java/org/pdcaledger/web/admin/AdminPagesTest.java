package org.pdcaledger.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pdcaledger.web.support.Fixtures.json;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pdcaledger.kernel.access.Grant;
import org.pdcaledger.web.access.UserAccount;
import org.pdcaledger.web.access.UserAccounts;
import org.pdcaledger.web.support.Fixtures;
import org.pdcaledger.web.support.StubServices;
import org.pdcaledger.web.support.WebUiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The administration pages: only for administrators, listing what the account store holds, with forms that go to
 * the administration API.
 */
@WebUiTest
class AdminPagesTest {

    @Autowired
    MockMvc http;
    @Autowired
    StubServices services;
    @Autowired
    UserAccounts accounts;

    @BeforeEach
    void reset() {
        services.reset();
        services.answer("/api/units", json(Fixtures.units()));
        accounts.save(new UserAccount("li.na", "李娜", "{noop}x", List.of(Grant.parse("ASSESSOR@u-2")), true));
    }

    @Test
    void users_listsGrantsByUnitName_withFormsForTheAdministrationApi() throws Exception {
        String page = http.perform(get("/admin/users").with(user("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"user-table\"").contains("李娜").contains("评估员 @ 财政局")
                .contains("data-api=\"/admin/api/users\"").contains("data-api=\"/admin/api/users/li.na/grants\"")
                .contains("id=\"problem-messages\"").contains("这个用户名已被使用。");
    }

    @Test
    void users_inEnglish() throws Exception {
        http.perform(get("/admin/users").param("lang", "en").with(user("admin")))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("Users and grants").contains("Assessor @ Finance Bureau"));
    }

    @Test
    void administration_isRefused_toAPersonWithoutTheAdministratorGrant() throws Exception {
        http.perform(get("/admin/users").with(user("li.na"))).andExpect(status().isForbidden());
    }

    @Test
    void integrations_listEveryWebhook_andADeliveryCanBeSentAgain() throws Exception {
        services.answer("/api/webhooks", """
                [{"id":"wh-1","url":"https://receiver.example/hook","types":[],"status":"active","createdAt":"2026-11-20T02:00:00Z",
                  "position":42,"owner":"client-a"}]""");
        services.answer("/api/webhooks/wh-1", """
                {"id":"wh-1","url":"https://receiver.example/hook","types":[],"status":"disabled","disabledReason":"410",
                 "createdAt":"2026-11-20T02:00:00Z","position":42,"owner":"client-a"}""");
        services.answer("/api/webhooks/wh-1/deliveries", """
                [{"deliveryId":"d-42","subscriptionId":"wh-1","eventId":"e","eventType":"pdca.unit.unit-registered.v1",
                  "position":42,"status":"failed","attempts":7,"lastResponseCode":410}]""");

        String list = http.perform(get("/admin/integrations").with(user("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String one = http.perform(get("/admin/integrations/wh-1").with(user("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(list).contains("https://receiver.example/hook").contains("client-a").contains("启用");
        assertThat(one).contains("已停用").contains("失败").contains("410")
                .contains("data-api=\"/api/webhooks/wh-1/deliveries/d-42/redeliver\"")
                .contains("data-api=\"/api/webhooks/wh-1/enable\"");
    }

    @Test
    void rebuild_showsEachReadModelAgainstTheHead_andPollsWhileOneIsBehind() throws Exception {
        services.answer("/api/admin/projections", """
                {"head":1000,"projections":[
                  {"group":"initiatives","state":"REBUILDING","position":250,"head":1000,"behind":750,
                   "eventsPerSecond":125.0,"etaSeconds":6,"rebuildStartedAt":"2026-11-20T02:00:00Z"},
                  {"group":"units","state":"RUNNING","position":1000,"head":1000,"behind":0}]}""");

        String page = http.perform(get("/admin/rebuild").with(user("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"projection-table\"").contains("重建中").contains("已处理到 250 / 1,000，还差 750")
                .contains("width:25%").contains("125 个/秒").contains("6 秒")
                .contains("hx-trigger=\"every 2s\"").doesNotContain("id=\"rebuild-placeholder\"");
    }

    @Test
    void rebuildAll_isSentToQueryService_andAnswersTheProgressPanel() throws Exception {
        services.answer("/api/admin/projections", """
                {"head":10,"projections":[{"group":"units","state":"REBUILDING","position":0,"head":10,"behind":10}]}""");
        services.answer("POST", "/api/admin/projections/rebuild", 202, """
                {"head":10,"projections":[{"group":"units","state":"REBUILDING","position":0,"head":10,"behind":10}]}""",
                null);

        String fragment = http.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/admin/rebuild").with(user("admin"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .csrf())
                        .header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(fragment).doesNotContain("<html").contains("重建已开始").contains("id=\"projections\"");
        assertThat(services.received()).anySatisfy(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.pathAndQuery()).isEqualTo("/api/admin/projections/rebuild");
        });
    }

    @Test
    void rebuild_withoutAnAnswerFromQueryService_saysSo() throws Exception {
        services.answer("GET", "/api/admin/projections", 503, """
                {"status":503,"code":"service-unavailable"}""", null);

        http.perform(get("/admin/rebuild").with(user("admin")))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("id=\"rebuild-placeholder\""));
    }
}
