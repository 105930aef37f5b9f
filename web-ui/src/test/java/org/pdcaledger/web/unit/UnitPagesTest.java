package org.pdcaledger.web.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pdcaledger.web.support.StubServices;
import org.pdcaledger.web.support.WebUiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The unit pages over stubbed services: both languages, problems next to their fields, and a stale write that keeps
 * the input and says what changed.
 */
@WebUiTest
class UnitPagesTest {

    static final String UNITS = """
            [{"unitId":"u-1","code":"SZ-GOV","name":{"zh":"深圳市人民政府","en":"Shenzhen Government"},"parentId":null,
              "path":["u-1"],"retired":false,"registeredAt":"2026-11-20T02:00:00Z","version":0},
             {"unitId":"u-2","code":"SZ-OFFICE","name":{"zh":"办公厅","en":"General Office"},"parentId":"u-1",
              "path":["u-1","u-2"],"retired":false,"registeredAt":"2026-11-20T02:00:00Z","version":3}]""";
    static final String OFFICE = """
            {"unitId":"u-2","code":"SZ-OFFICE","name":{"zh":"市政府办公厅","en":"Municipal General Office"},
             "parentId":"u-1","path":["u-1","u-2"],"retired":false,"registeredAt":"2026-11-20T02:00:00Z","version":4}""";

    @Autowired
    MockMvc http;
    @Autowired
    StubServices services;

    @BeforeEach
    void reset() {
        services.reset();
        services.answer("/api/units", UNITS);
    }

    @Test
    void unitList_rendersTheTreeInChinese_byDefault() throws Exception {
        String page = http.perform(get("/units").with(user("admin")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<html lang=\"zh-CN\"").contains("单位树").contains("深圳市人民政府")
                .contains("登记单位");
        assertThat(services.received()).anySatisfy(request -> {
            assertThat(request.pathAndQuery()).isEqualTo("/api/units");
            assertThat(request.bearerToken()).isNotBlank();
        });
    }

    @Test
    void unitList_rendersInEnglish_withTheLanguageSwitch() throws Exception {
        http.perform(get("/units").param("lang", "en").with(user("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("<html lang=\"en\""),
                        org.hamcrest.Matchers.containsString("Unit tree"),
                        org.hamcrest.Matchers.containsString("Shenzhen Government"),
                        org.hamcrest.Matchers.containsString("20 Nov 2026"))));
    }

    @Test
    void register_showsEachProblemNextToItsField_andKeepsTheInput() throws Exception {
        services.answer("POST", "/api/units", 400, """
                {"status":400,"code":"invalid-request","field":"code","detail":"2 fields are invalid",
                 "errors":[{"field":"code","code":"pattern","message":"must match"},
                           {"field":"name.en","code":"not-blank","message":"must not be blank"}]}""", null);

        String fragment = http.perform(post("/units").with(user("admin")).with(csrf()).header("HX-Request", "true")
                        .param("code", "bad code!").param("name.zh", "财政局").param("name.en", ""))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("X-Form-Problem", "true"))
                .andReturn().getResponse().getContentAsString();

        assertThat(fragment).doesNotContain("<html")
                .contains("id=\"f-code-error\"").contains("格式不正确。")
                .contains("id=\"f-name-en-error\"").contains("此项不能为空。")
                .contains("value=\"bad code!\"").contains("value=\"财政局\"")
                .contains("aria-invalid=\"true\"");
    }

    @Test
    void register_navigatesToTheNewUnit_whenAccepted() throws Exception {
        services.answer("POST", "/api/units", 201, "{\"unitId\":\"u-9\",\"version\":0}", 0L);
        services.answer("GET", "/api/units/u-9", 200, "{\"unitId\":\"u-9\",\"version\":0}", 0L);

        http.perform(post("/units").with(user("admin")).with(csrf()).header("HX-Request", "true")
                        .param("code", "SZ-FIN").param("name.zh", "财政局").param("name.en", "Finance Bureau"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Redirect", "/units/u-9?registered"));
        assertThat(services.received()).anySatisfy(request -> assertThat(request.body())
                .contains("\"code\":\"SZ-FIN\"").contains("\"zh\":\"财政局\""));
    }

    @Test
    void rename_whenSomeoneElseSavedFirst_showsWhatChanged_andKeepsTheInput() throws Exception {
        services.answer("PUT", "/api/units/u-2", 412, """
                {"status":412,"code":"version-stale","field":"If-Match","detail":"stale"}""", null);
        services.answer("GET", "/api/units/u-2", 200, OFFICE, 4L);

        String fragment = http.perform(post("/units/u-2/rename").with(user("admin")).with(csrf())
                        .header("HX-Request", "true")
                        .param("version", "3").param("was.name.zh", "办公厅").param("was.name.en", "General Office")
                        .param("was.parentId", "u-1").param("was.retired", "false")
                        .param("name.zh", "政府办公厅").param("name.en", "Government Office"))
                .andExpect(status().isPreconditionFailed())
                .andReturn().getResponse().getContentAsString();

        assertThat(fragment).contains("有人已修改了这条记录")
                .contains("市政府办公厅").contains("Municipal General Office")
                .contains("value=\"政府办公厅\"").contains("value=\"Government Office\"")
                .contains("name=\"version\" value=\"4\"");
        assertThat(services.received()).anySatisfy(request -> assertThat(request.method()).isEqualTo("PUT"));
    }

    @Test
    void aWrite_whenTheServiceCannotBeReached_answers503_withAPageThatSaysSo() throws Exception {
        services.answer("POST", "/api/units", 503, """
                {"status":503,"code":"service-unavailable","detail":"down"}""", null);

        http.perform(post("/units").with(user("admin")).with(csrf()).header("HX-Request", "true")
                        .param("code", "SZ-FIN").param("name.zh", "财政局").param("name.en", "Finance"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("后台服务暂时无法访问")));
    }

    @Test
    void importTree_listsEveryRowProblem_whenTheFileIsRejected() throws Exception {
        services.answer("POST", "/api/units/import", 422, """
                {"status":422,"code":"unit-import-invalid","field":"code","detail":"2 problems",
                 "errors":[{"row":2,"column":"code","code":"code-duplicate","message":"duplicate"},
                           {"row":3,"column":"parent_code","code":"parent-unknown","message":"unknown parent"}]}""",
                null);

        String fragment = http.perform(post("/units/import").with(user("admin")).with(csrf())
                        .header("HX-Request", "true").param("csv", "code,parent_code,name_zh,name_en\nA,,甲,A\nA,X,乙,B"))
                .andExpect(status().isUnprocessableEntity())
                .andReturn().getResponse().getContentAsString();

        assertThat(fragment).contains("文件未导入").contains("文件中有重复的代码。").contains("上级单位不存在。")
                .contains("parent_code");
    }
}
