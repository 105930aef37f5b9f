package org.pdcaledger.command.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.mockito.Mockito.doReturn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.pdcaledger.command.support.CommandServiceTest;
import org.pdcaledger.support.security.TestIdentityTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.jayway.jsonpath.JsonPath;

/**
 * The unit tree over HTTP: CSV import all or nothing, moves that keep every path of the subtree right, retirement.
 */
@CommandServiceTest
class UnitTreeHttpTest {

    private static final String ADMIN = "Bearer " + TestIdentityTokens.person("admin", "ADMIN@*");
    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    @Autowired
    MockMvc http;
    @Autowired
    JdbcTemplate jdbc;
    @MockitoSpyBean
    UnitTreeTable tree;

    private long storedEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    }

    private Map<String, String> importTree(String csv) throws Exception {
        MvcResult result = http.perform(post("/api/units/import").header("Authorization", ADMIN)
                        .contentType(CSV).content(csv))
                .andExpect(status().isCreated())
                .andReturn();
        java.util.List<Map<String, Object>> units = JsonPath.read(result.getResponse().getContentAsString(),
                "$.units");
        return units.stream().collect(Collectors.toMap(u -> (String) u.get("code"), u -> (String) u.get("unitId")));
    }

    @Test
    void import_registersTheTree_parentsBeforeChildren_whateverTheRowOrder() throws Exception {
        Map<String, String> ids = importTree("""
                code,parent_code,name_zh,name_en
                T1-A1,T1-A,甲局一处,Division A1
                T1,,深圳市,Shenzhen
                T1-A,T1,"甲局, 机关事务",Bureau A
                """);

        assertThat(tree.pathOf(ids.get("T1-A1"))).containsExactly(ids.get("T1"), ids.get("T1-A"), ids.get("T1-A1"));
    }

    @Test
    void import_rejectsTheWholeFile_listingEveryProblemByRowAndColumn_andStoresNothing() throws Exception {
        long before = storedEvents();
        http.perform(post("/api/units/import").header("Authorization", ADMIN).contentType(CSV).content("""
                        code,parent_code,name_zh,name_en
                        T2,,市,City
                        T2-A,T2,甲局,
                        T2-A,T2,甲局二,Bureau A2
                        T2-B,NOPE,乙局,Bureau B
                        T2-C,T2-D,丙,C
                        T2-D,T2-C,丁,D
                        bad code!,T2,戊,E
                        """))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("unit-import-invalid"))
                .andExpect(jsonPath("$.errors.length()").value(6))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("name_en"))
                .andExpect(jsonPath("$.errors[*].code", containsInAnyOrder("translation-missing", "code-duplicate",
                        "parent-unknown", "parent-cycle", "parent-cycle", "code-invalid")));

        assertThat(storedEvents()).isEqualTo(before);
        assertThat(tree.unitWithCode("T2")).isEmpty();
    }

    @Test
    void import_storesNothing_whenARegistrationFailsHalfWay() throws Exception {
        Map<String, String> ids = importTree("code,parent_code,name_zh,name_en\nT3,,市,City\n");
        // another writer takes T3-X between the check of the file and its registration
        jdbc.update("INSERT INTO unit_tree (unit_id, parent_id, code, path) VALUES ('u-x', NULL, 'T3-X', '/u-x/')");
        doReturn(Optional.empty()).doCallRealMethod().when(tree).unitWithCode("T3-X");
        long before = storedEvents();

        http.perform(post("/api/units/import").header("Authorization", ADMIN).contentType(CSV)
                        .content("code,parent_code,name_zh,name_en\nT3-NEW,T3,甲,A\nT3-X,T3,乙,B\n"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("code-taken"));

        assertThat(storedEvents()).isEqualTo(before);
        assertThat(tree.unitWithCode("T3-NEW")).isEmpty();
        assertThat(tree.activeChildren(ids.get("T3"))).isEmpty();
    }

    @Test
    void import_refusesAFileWithoutTheExpectedHeader() throws Exception {
        http.perform(post("/api/units/import").header("Authorization", ADMIN).contentType(CSV)
                        .content("code,parent,zh,en\nT4,,市,City\n"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].code").value("header-invalid"));
    }

    @Test
    void move_rewritesTheUnitTreePathsOfTheWholeSubtree_andRefusesACycle() throws Exception {
        Map<String, String> ids = importTree("""
                code,parent_code,name_zh,name_en
                T5,,市,City
                T5-A,T5,甲局,Bureau A
                T5-B,T5,乙局,Bureau B
                T5-A1,T5-A,甲一处,Division A1
                T5-A1X,T5-A1,甲一科,Section A1X
                """);

        http.perform(post("/api/units/" + ids.get("T5-A1") + "/move").header("Authorization", ADMIN)
                        .header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"newParentId\":\"" + ids.get("T5-B") + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));

        assertThat(tree.pathOf(ids.get("T5-A1X")))
                .containsExactly(ids.get("T5"), ids.get("T5-B"), ids.get("T5-A1"), ids.get("T5-A1X"));
        http.perform(post("/api/units/" + ids.get("T5-B") + "/move").header("Authorization", ADMIN)
                        .header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"newParentId\":\"" + ids.get("T5-A1X") + "\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("move-creates-cycle"));
    }

    @Test
    void retire_keepsTheUnit_butItTakesNoNewChildren() throws Exception {
        Map<String, String> ids = importTree("code,parent_code,name_zh,name_en\nT6,,市,City\nT6-A,T6,甲局,A\n");

        http.perform(post("/api/units/" + ids.get("T6-A") + "/retire").header("Authorization", ADMIN)
                        .header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"并入乙局\"}"))
                .andExpect(status().isOk());

        assertThat(tree.isRetired(ids.get("T6-A"))).isTrue();
        http.perform(post("/api/units").header("Authorization", ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"T6-A1\",\"name\":{\"zh\":\"甲\",\"en\":\"A\"},\"parentId\":\""
                                + ids.get("T6-A") + "\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("parent-retired"));
    }

    @Test
    void reorganising_isForAdministratorsOnly() throws Exception {
        http.perform(post("/api/units/import").header("Authorization", "Bearer "
                        + TestIdentityTokens.person("li", "LEADER@*")).contentType(CSV)
                        .content("code,parent_code,name_zh,name_en\nT7,,市,City\n"))
                .andExpect(status().isForbidden());
    }
}
