package org.pdcaledger.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pdcaledger.web.support.Fixtures.json;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
 * The leadership dashboard drawn from {@code /api/dashboard}, re-asked as of a date; and what it says when the
 * maturity views are not there.
 */
@WebUiTest
class DashboardPageTest {

    static final String DASHBOARD = """
            {"unitId":"u-1","frameworkCode":"GOV-OPS-QUALITY","period":{"type":"QUARTER","value":"2026-Q3"},
             "asOf":"2026-11-01",
             "maturity":{"unitId":"u-1","index":62.5,"dimensions":[
                  {"dimensionCode":"efficient-management","dimensionName":{"zh":"高效率管理","en":"Efficient management"},
                   "weight":1.0,"index":62.5}],
               "rollUp":{"depthWeights":[1,0.5,0.25],"index":55.0,"dimensions":[
                  {"dimensionCode":"efficient-management","dimensionName":{"zh":"高效率管理","en":"Efficient management"},
                   "weight":1.0,"index":55.0}],"contributors":[]},
               "coverage":{"openGaps":4,"coveredGaps":1,"ratio":0.25},
               "stages":{"PLANNING":1,"EXECUTION":2},
               "targetsMet":{"concludedCycles":2,"met":1,"partlyMet":1,"notMet":0,"ratio":0.5}},
             "ranking":{"period":{"type":"QUARTER","value":"2026-Q3"},"previousPeriod":{"type":"QUARTER","value":"2026-Q2"},
               "frozen":false,"entries":[
                 {"rank":1,"changeRank":1,"unitId":"u-2","unitCode":"SZ-FIN","unitName":{"zh":"财政局","en":"Finance Bureau"},
                  "index":70.0,"previousIndex":60.0,"change":10.0}]},
             "heatMap":{"indicators":[{"indicatorCode":"standardisation","indicatorName":{"zh":"规范性","en":"Standardisation"}}],
               "rows":[{"unitId":"u-2","unitName":{"zh":"财政局","en":"Finance Bureau"},"index":70.0,
                        "cells":[{"indicatorCode":"standardisation","level":2,"target":4,"gap":2}]}]},
             "trend":{"periods":["2026-Q2","2026-Q3"],"series":[{"unitId":"u-2","unitName":{"zh":"财政局","en":"Finance Bureau"},
               "points":[{"period":"2026-Q2","index":60.0},{"period":"2026-Q3","index":70.0}]}]},
             "work":{"stalledAfterDays":30,"stalled":[{"initiativeId":"i-1","unitId":"u-2","title":"缩短公文办理时长",
               "stage":"EXECUTION","lastActivityOn":"2026-09-01","idleDays":61}],"overdueActions":[],
               "gapsWithoutInitiative":[]}}""";

    @Autowired
    MockMvc http;
    @Autowired
    StubServices services;

    @BeforeEach
    void reset() {
        services.reset();
        services.answer("/api/units", json(Fixtures.units()));
        services.answer("/api/frameworks", json(Fixtures.frameworks()));
        services.answer("/api/dashboard", DASHBOARD);
    }

    @Test
    void dashboard_asOfADate_asksForThatDate_andDrawsEveryPart() throws Exception {
        String page = http.perform(get("/dashboard").param("asOf", "2026-11-01").with(user("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(services.received()).anySatisfy(request -> assertThat(request.pathAndQuery())
                .isEqualTo("/api/dashboard?unit=u-1&framework=GOV-OPS-QUALITY&asOf=2026-11-01"));
        assertThat(page).contains("显示截至 2026年11月1日 的情况").contains("62.5").contains("25%").contains("50%")
                .contains("id=\"ranking-table\"").contains("上升 10").contains("缩短公文办理时长")
                .contains("61 天无进展").contains("/api/rankings?parent=u-1&amp;framework=GOV-OPS-QUALITY&amp;format=xlsx");
        assertThat(page.split("data-echarts=", -1)).hasSize(5);
    }

    @Test
    void dashboard_inEnglish() throws Exception {
        String page = http.perform(get("/dashboard").param("lang", "en").with(user("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Leadership dashboard").contains("Maturity index").contains("up 10")
                .contains("Finance Bureau");
    }

    @Test
    void dashboard_withoutTheMaturityViews_saysSo_andShowsTodaysCoverage() throws Exception {
        services.answer("GET", "/api/dashboard", 403, """
                {"status":403,"code":"forbidden","detail":"no rule"}""", null);
        services.answer("/api/gaps", json(Fixtures.board()));
        services.answer("/api/initiatives", json(Fixtures.page(InitiativeStage.EXECUTION)));

        String page = http.perform(get("/dashboard").with(user("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"maturity-unavailable\"").contains("成熟度视图尚未启用")
                .contains("1 / 2 个差距有改进举措");
    }
}
