package org.pdcaledger.web.initiative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pdcaledger.web.support.Fixtures.json;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pdcaledger.kernel.initiative.InitiativeStage;
import org.pdcaledger.web.support.Fixtures;
import org.pdcaledger.web.support.StubServices;
import org.pdcaledger.web.support.WebUiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The initiative page: stepper and next-step form by stage, the metric chart, the history; problems by field and the
 * stale write that lists what others recorded meanwhile.
 */
@WebUiTest
class InitiativePageTest {

    @Autowired
    MockMvc http;
    @Autowired
    StubServices services;

    @BeforeEach
    void reset() {
        services.reset();
        services.answer("/api/units", json(Fixtures.units()));
        services.answer("/api/units/u-2", json(Fixtures.units().get(1)));
        services.answer("/api/frameworks/GOV-OPS-QUALITY", json(Fixtures.frameworkVersion()));
        services.answer("/api/initiatives/i-1", json(Fixtures.detail(InitiativeStage.EVALUATION)));
        services.answer("/api/initiatives/i-1/history", json(Fixtures.history()));
    }

    @Test
    void initiativePage_inEvaluation_showsTheStepper_theCheckForm_theChart_andTheHistory() throws Exception {
        String page = http.perform(get("/initiatives/i-1").with(user("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("缩短公文办理时长").contains("class=\"stepper\"")
                .contains("aria-current=\"step\"").contains("评估本轮结果").contains("部分达标")
                .contains("id=\"metric-chart\"").contains("data-echarts=")
                .contains("发起举措").contains("李娜").contains("规范性")
                .contains("name=\"version\" value=\"4\"");
    }

    @Test
    void initiativePage_rendersInEnglish() throws Exception {
        String page = http.perform(get("/initiatives/i-1").param("lang", "en").with(user("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Check this cycle").contains("Partly met").contains("Full history")
                .contains("Measurement recorded").contains("20 Nov 2026");
    }

    @Test
    void measurement_problemIsShownNextToTheField() throws Exception {
        services.answer("POST", "/api/initiatives/i-1/measurements", 422, """
                {"status":422,"code":"measured-in-future","field":"measuredOn","detail":"in the future"}""", null);

        String fragment = http.perform(post("/initiatives/i-1/measurements").with(user("admin")).with(csrf())
                        .header("HX-Request", "true")
                        .param("version", "4").param("value", "5").param("measuredOn", "2099-01-01"))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();

        assertThat(fragment).doesNotContain("<html").contains("id=\"f-measuredOn-error\"")
                .contains("测量日期不能在将来。").contains("value=\"2099-01-01\"").contains("value=\"5\"");
    }

    @Test
    void check_whenSomeoneRecordedMeanwhile_listsWhatTheyRecorded_andKeepsTheAnalysis() throws Exception {
        services.answer("POST", "/api/initiatives/i-1/check", 412, """
                {"status":412,"code":"version-stale","field":"If-Match","detail":"stale"}""", null);

        String fragment = http.perform(post("/initiatives/i-1/check").with(user("admin")).with(csrf())
                        .header("HX-Request", "true")
                        .param("version", "3").param("analysis", "电子流转效果明显"))
                .andExpect(status().isPreconditionFailed()).andReturn().getResponse().getContentAsString();

        assertThat(fragment).contains("有人已修改了这条记录").contains("记录测量值").contains("李娜")
                .doesNotContain("发起举措")
                .contains("电子流转效果明显").contains("name=\"version\" value=\"4\"");
    }

    @Test
    void launch_sendsTheLinkedGap_andGoesToTheNewInitiative() throws Exception {
        services.answer("POST", "/api/initiatives", 201, "{\"initiativeId\":\"i-9\",\"version\":0}", 0L);
        services.answer("GET", "/api/initiatives/i-9", 200, "{\"version\":0}", 0L);

        http.perform(post("/initiatives").with(user("admin")).with(csrf()).header("HX-Request", "true")
                        .param("unitId", "u-2").param("gap.frameworkCode", "GOV-OPS-QUALITY")
                        .param("gap.indicatorCode", "standardisation").param("title", "缩短公文办理时长")
                        .param("problemStatement", "慢").param("owner", "admin").param("team", "li.na, wang.wu")
                        .param("metric.name", "办理时长").param("metric.unitOfMeasure", "天")
                        .param("metric.baseline", "10").param("metric.target", "4")
                        .param("metric.direction", "LOWER_IS_BETTER"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Redirect", "/initiatives/i-9?done=launch"));

        assertThat(services.received()).anySatisfy(request -> assertThat(request.body())
                .contains("\"gaps\":[{\"frameworkCode\":\"GOV-OPS-QUALITY\",\"indicatorCode\":\"standardisation\"}]")
                .contains("\"team\":[\"li.na\",\"wang.wu\"]").contains("\"baseline\":10"));
    }
}
