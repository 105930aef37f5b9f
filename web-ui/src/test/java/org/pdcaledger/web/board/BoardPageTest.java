package org.pdcaledger.web.board;

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
 * The gap board: open gaps as rows, initiatives in the column of their stage, a launch link on every gap.
 */
@WebUiTest
class BoardPageTest {

    @Autowired
    MockMvc http;
    @Autowired
    StubServices services;

    @BeforeEach
    void reset() {
        services.reset();
        services.answer("/api/units", json(Fixtures.units()));
        services.answer("/api/frameworks", json(Fixtures.frameworks()));
        services.answer("/api/gaps", json(Fixtures.board()));
        services.answer("/api/initiatives", json(Fixtures.page(InitiativeStage.EXECUTION)));
    }

    @Test
    void board_placesAnInitiativeInTheColumnOfItsStage_andOffersALaunchOnEveryGap() throws Exception {
        String page = http.perform(get("/board").with(user("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("改进看板").contains("规范性").contains("集成性").contains("财政局")
                .contains("执行管理").contains("缩短公文办理时长")
                .contains("/initiatives/new?unit=u-2&amp;framework=GOV-OPS-QUALITY&amp;indicator=integration");
        String executionCell = page.substring(page.indexOf("id=\"gap-g-1\""));
        executionCell = executionCell.substring(executionCell.indexOf("cell-EXECUTION"));
        assertThat(executionCell.substring(0, executionCell.indexOf("cell-EVALUATION"))).contains("/initiatives/i-1");
        assertThat(services.received()).anySatisfy(request -> assertThat(request.pathAndQuery())
                .isEqualTo("/api/gaps?unit=u-1&framework=GOV-OPS-QUALITY&subtree=true"));
    }

    @Test
    void aStandardisedInitiative_staysInContinuousImprovement_markedDone_andAnAbandonedOneLeaves() throws Exception {
        services.answer("/api/initiatives", json(Fixtures.page(InitiativeStage.COMPLETED)));

        String page = http.perform(get("/board").with(user("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String row = page.substring(page.indexOf("id=\"gap-g-1\""));
        row = row.substring(row.indexOf("cell-CONTINUOUS_IMPROVEMENT"));
        assertThat(row.substring(0, row.indexOf("id=\"gap-g-2\""))).contains("/initiatives/i-1")
                .contains("已固化为标准");

        services.answer("/api/initiatives", json(Fixtures.page(InitiativeStage.ABANDONED)));
        String after = http.perform(get("/board").with(user("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(after).doesNotContain("/initiatives/i-1");
    }

    @Test
    void board_inEnglish_namesTheStagesOfTheManagementChain() throws Exception {
        String page = http.perform(get("/board").param("lang", "en").with(user("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Gap board").contains("Planning").contains("Execution").contains("Evaluation")
                .contains("Continuous improvement").contains("No initiative yet").contains("Standardisation");
    }

    @Test
    void board_withoutGaps_explainsWhereGapsComeFrom() throws Exception {
        services.answer("/api/gaps", """
                {"unitId":"u-1","frameworkCode":"GOV-OPS-QUALITY","subtree":true,"gaps":[],"columns":{}}""");

        String page = http.perform(get("/board").with(user("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("没有未达目标的指标").contains("已定稿的评估").contains("去做评估");
    }
}
