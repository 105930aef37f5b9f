package org.pdcaledger.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 4 across the real processes, all through web-ui: an administrator creates a second assessor, builds the
 * unit tree (also from CSV), imports a framework as YAML, assesses a division, a different assessor finalises it,
 * the gaps appear on the board, and an initiative launched on a gap shows in the Plan column.
 */
class AssessmentToGapBoardIT {

    private static final String FRAMEWORK = """
            # a framework as an administrator writes it: comments, anchors, Chinese names
            code: IT-FLOW
            version: 1
            name: { zh: 政府运行保障评估（系统测试）, en: Government operations assurance (system test) }
            dimensions:
              - code: efficient-management
                name: { zh: 高效率管理, en: Efficient management }
                indicators:
                  - code: standardisation
                    name: { zh: 规范性, en: Standardisation }
                    levels: &levels
                      - { level: 1, zh: 无章可循, en: No rules }
                      - { level: 2, zh: 有章可循, en: Rules exist }
                      - { level: 3, zh: 按章办事, en: Rules followed }
                      - { level: 4, zh: 持续改进, en: Rules improved }
                      - { level: 5, zh: 标杆示范, en: Benchmark }
                  - code: integration
                    name: { zh: 集成性, en: Integration }
                    levels: *levels
              - code: quality-service
                name: { zh: 高品质服务, en: High-quality service }
                indicators:
                  - code: accessibility
                    name: { zh: 可获得性, en: Accessibility }
                    levels: *levels
            """;

    private static Stack stack;
    private static WebSession admin;

    @BeforeAll
    static void start() throws Exception {
        stack = Stack.start(Map.of());
        admin = stack.loginAsAdmin();
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void anAssessmentFinalisedByASecondAssessor_opensGaps_andAnInitiativeOnAGap_isInThePlanColumn() throws Exception {
        String city = register("IT-CITY", "深圳市", "Shenzhen", null);
        String bureau = register("IT-BUREAU", "机关事务管理局", "Government Offices Administration", city);
        String division = register("IT-DIV", "综合处", "General Division", bureau);

        HttpResponse<String> reviewer = admin.postJson("/admin/api/users", Map.of("username", "reviewer-it",
                "displayName", "复核员", "password", "reviewer-password-1",
                "grants", List.of(Map.of("role", "ASSESSOR", "unitId", bureau))), null);
        assertThat(reviewer.statusCode()).as(reviewer.body()).isEqualTo(201);

        HttpResponse<String> imported = admin.write("POST", "/api/frameworks", "application/yaml", FRAMEWORK, null);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(WebSession.json(imported).get("indicatorCount").asInt()).isEqualTo(3);
        JsonNode framework = awaitOk(admin, "/api/frameworks/IT-FLOW");
        assertThat(framework.toString()).as("the YAML arrived unchanged: Chinese names and the anchor's levels")
                .contains("政府运行保障评估（系统测试）").contains("可获得性").contains("标杆示范");

        HttpResponse<String> started = admin.postJson("/api/assessments", Map.of("unitId", division,
                "frameworkCode", "IT-FLOW", "period", Map.of("type", "QUARTER", "value", "2026-Q3"),
                "kind", "SELF"), null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String assessment = WebSession.json(started).get("assessmentId").asText();
        String etag = etag(started);
        int[][] levels = {{2, 4}, {3, 3}, {1, 3}};
        String[] indicators = {"standardisation", "integration", "accessibility"};
        for (int i = 0; i < indicators.length; i++) {
            HttpResponse<String> rated = admin.putJson("/api/assessments/" + assessment + "/ratings/" + indicators[i],
                    Map.of("currentLevel", levels[i][0], "targetLevel", levels[i][1], "evidence", "台账抽查第" + i + "项"),
                    etag);
            assertThat(rated.statusCode()).as(rated.body()).isEqualTo(200);
            etag = etag(rated);
        }
        HttpResponse<String> submitted = admin.postJson("/api/assessments/" + assessment + "/submit", null, etag);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        etag = etag(submitted);

        HttpResponse<String> ownFinalise = admin.postJson("/api/assessments/" + assessment + "/finalise", null, etag);
        assertThat(ownFinalise.statusCode()).as("four eyes: " + ownFinalise.body()).isEqualTo(422);
        WebSession second = stack.login("reviewer-it", "reviewer-password-1");
        HttpResponse<String> finalised = second.postJson("/api/assessments/" + assessment + "/finalise", null, etag);
        assertThat(finalised.statusCode()).as(finalised.body()).isEqualTo(200);

        String board = "/api/gaps?unit=" + division + "&framework=IT-FLOW";
        JsonNode gaps = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> json(admin.get(board)), json -> json.path("gaps").size() == 2);
        assertThat(gaps.get("gaps").findValuesAsText("indicatorCode"))
                .containsExactly("standardisation", "accessibility");
        assertThat(gaps.get("columns").get("NO_INITIATIVE_YET")).hasSize(2);
        String gapId = gaps.get("gaps").get(0).get("gapId").asText();
        assertThat(gaps.get("gaps").get(0).get("size").asInt()).isEqualTo(2);

        HttpResponse<String> launched = admin.postJson("/api/initiatives", Map.of("unitId", division,
                "title", "公文处理规范化", "problemStatement", "公文处理无统一规范，办理时长7至15天", "owner", "admin",
                "gaps", List.of(Map.of("frameworkCode", "IT-FLOW", "indicatorCode", "standardisation")),
                "metric", Map.of("name", "公文办理时长", "unitOfMeasure", "天", "baseline", 10, "target", 4,
                        "direction", "LOWER_IS_BETTER")), null);
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(201);
        String initiative = WebSession.json(launched).get("initiativeId").asText();

        JsonNode planned = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> json(admin.get(board)), json -> json.path("columns").path("PLANNING").size() == 1);
        assertThat(planned.get("columns").get("PLANNING").get(0).asText()).isEqualTo(gapId);
        assertThat(planned.get("columns").get("NO_INITIATIVE_YET").get(0).asText()).isNotEqualTo(gapId);
        JsonNode card = planned.get("gaps").get(0);
        assertThat(card.get("initiatives").get("PLANNING").get(0).get("initiativeId").asText()).isEqualTo(initiative);
        assertThat(card.get("initiatives").get("PLANNING").get(0).get("title").asText()).isEqualTo("公文处理规范化");
    }

    @Test
    void aUnitTreeImportedAsCsvThroughTheGateway_isRegistered_andReadable() throws Exception {
        String city = register("CSV-CITY", "广州市", "Guangzhou", null);
        String csv = """
                code,parent_code,name_zh,name_en
                CSV-B1,CSV-CITY,"发展和改革委员会","Development and Reform Commission"
                CSV-B1-D1,CSV-B1,办公室,General Office
                CSV-B2,CSV-CITY,数据局,"Data Bureau, Guangzhou"
                """;
        HttpResponse<String> imported = admin.write("POST", "/api/units/import", "text/csv", csv, null);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        JsonNode answer = WebSession.json(imported);
        assertThat(answer.get("registered").asInt()).isEqualTo(3);
        Map<String, String> ids = new java.util.HashMap<>();
        answer.get("units").forEach(unit -> ids.put(unit.get("code").asText(), unit.get("unitId").asText()));
        assertThat(ids).containsOnlyKeys("CSV-B1", "CSV-B1-D1", "CSV-B2");

        JsonNode office = awaitOk(admin, "/api/units/" + ids.get("CSV-B1-D1"));
        assertThat(office.get("parentId").asText()).isEqualTo(ids.get("CSV-B1"));
        assertThat(office.get("name").get("zh").asText()).isEqualTo("办公室");
        assertThat(awaitOk(admin, "/api/units/" + ids.get("CSV-B2")).get("name").get("en").asText())
                .isEqualTo("Data Bureau, Guangzhou");
        JsonNode commission = awaitOk(admin, "/api/units/" + ids.get("CSV-B1"));
        assertThat(commission.get("parentId").asText()).isEqualTo(city);
        assertThat(commission.get("name").get("zh").asText()).isEqualTo("发展和改革委员会");

        HttpResponse<String> broken = admin.write("POST", "/api/units/import", "text/csv",
                "code,parent_code,name_zh,name_en\nCSV-X,NO-SUCH,某处,Some division\n", null);
        assertThat(broken.statusCode()).isEqualTo(422);
        assertThat(broken.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(broken.body()).contains("parent-unknown");
    }

    private static String register(String code, String zh, String en, String parentId) throws Exception {
        Map<String, Object> body = parentId == null
                ? Map.of("code", code, "name", Map.of("zh", zh, "en", en))
                : Map.of("code", code, "name", Map.of("zh", zh, "en", en), "parentId", parentId);
        HttpResponse<String> created = admin.postJson("/api/units", body, null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return WebSession.json(created).get("unitId").asText();
    }

    private static String etag(HttpResponse<String> response) {
        return response.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag: " + response));
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return response.statusCode() == 200 ? WebSession.json(response) : WebSession.JSON.createObjectNode();
    }

    static JsonNode awaitOk(WebSession session, String path) throws Exception {
        return WebSession.json(await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> session.get(path), response -> response.statusCode() == 200));
    }
}
