package org.pdcaledger.web.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pdcaledger.web.support.Fixtures.json;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pdcaledger.web.support.Fixtures;
import org.pdcaledger.web.support.StubServices;
import org.pdcaledger.web.support.WebUiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The assessment form: every level descriptor beside its choice, a rating saved on its own with the new version
 * handed to the rest of the page, a refused rating with its problem by the field.
 */
@WebUiTest
class AssessmentPageTest {

    @Autowired
    MockMvc http;
    @Autowired
    StubServices services;

    @BeforeEach
    void reset() {
        services.reset();
        services.answer("/api/units/u-2", json(Fixtures.units().get(1)));
        services.answer("/api/frameworks/GOV-OPS-QUALITY", json(Fixtures.frameworkVersion()));
        services.answer("/api/assessments/a-1", json(Fixtures.draftAssessment()));
    }

    @Test
    void draft_showsEachLevelDescriptorBesideItsChoice_andTheProgress() throws Exception {
        String page = http.perform(get("/assessments/a-1").with(user("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("政府运行保障高质量发展评估框架").contains("2026年第3季度").contains("草稿")
                .contains("凭经验开展工作").contains("成为标杆")
                .contains("aria-label=\"现状等级为第 3 级\"").contains("已评定 1 / 2 个指标")
                .contains("id=\"assessment-version\" name=\"version\" value=\"3\"")
                .contains("还有 1 个指标未评定");
    }

    @Test
    void draft_inEnglish_usesTheEnglishDescriptors() throws Exception {
        String page = http.perform(get("/assessments/a-1").param("lang", "en").with(user("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Q3 2026").contains("Work relies on experience").contains("1 of 2 indicators rated");
    }

    @Test
    void rating_whenSaved_answersTheIndicator_andTheNewVersionOutOfBand() throws Exception {
        services.answer("PUT", "/api/assessments/a-1/ratings/integration", 200,
                "{\"assessmentId\":\"a-1\",\"version\":4}", 4L);

        String fragment = http.perform(post("/assessments/a-1/ratings/integration").with(user("admin")).with(csrf())
                        .header("HX-Request", "true").param("version", "3")
                        .param("currentLevel", "3").param("targetLevel", "4").param("evidence", "流程图"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(fragment).contains("id=\"ind-integration\"").contains("已保存")
                .contains("hx-swap-oob=\"true\"").contains("name=\"version\" value=\"4\"")
                .contains("已评定 2 / 2 个指标")
                .containsPattern("id=\"status-panel\"[^>]*hx-swap-oob=\"true\"").contains("全部指标已评定");
        assertThat(services.received()).anySatisfy(request -> {
            assertThat(request.method()).isEqualTo("PUT");
            assertThat(request.body()).contains("\"currentLevel\":3").contains("\"targetLevel\":4");
        });
    }

    @Test
    void rating_refused_showsTheProblemByTheField_andKeepsTheChoice() throws Exception {
        services.answer("PUT", "/api/assessments/a-1/ratings/integration", 422, """
                {"status":422,"code":"target-below-current","field":"targetLevel","detail":"below"}""", null);

        String fragment = http.perform(post("/assessments/a-1/ratings/integration").with(user("admin")).with(csrf())
                        .header("HX-Request", "true").param("version", "3")
                        .param("currentLevel", "4").param("targetLevel", "2"))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();

        assertThat(fragment).contains("id=\"f-targetLevel-error\"").contains("目标等级不能低于现状等级。")
                .containsPattern("name=\"currentLevel\" value=\"4\"[^>]*checked=\"checked\"");
    }
}
