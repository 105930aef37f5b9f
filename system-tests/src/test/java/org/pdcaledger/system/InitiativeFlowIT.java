package org.pdcaledger.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 3 across the real processes: an improvement team member runs an initiative through two PDCA cycles through
 * web-ui, each write carrying the version it saw ({@code If-Match}) and answered with the new one ({@code ETag});
 * after every step the list, the initiative page and its history show it (waiting for the projection, never
 * sleeping). A write with a stale version is refused with 412.
 */
class InitiativeFlowIT {

    private static final String IMPROVER_PASSWORD = "improver-password-1";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private static Stack stack;
    private static WebSession improver;
    private static String division;

    private String initiative;
    private String etag;

    @BeforeAll
    static void start() throws Exception {
        stack = Stack.start(Map.of());
        WebSession admin = stack.loginAsAdmin();
        HttpResponse<String> unit = admin.postJson("/api/units", Map.of("code", "IT-OFFICE",
                "name", Map.of("zh", "办公室", "en", "General Office")), null);
        assertThat(unit.statusCode()).as(unit.body()).isEqualTo(201);
        division = WebSession.json(unit).get("unitId").asText();
        HttpResponse<String> account = admin.postJson("/admin/api/users", Map.of("username", "improver-it",
                "displayName", "李改进", "password", IMPROVER_PASSWORD,
                "grants", List.of(Map.of("role", "IMPROVER", "unitId", division))), null);
        assertThat(account.statusCode()).as(account.body()).isEqualTo(201);
        improver = stack.login("improver-it", IMPROVER_PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void anInitiative_runsTwoCycles_toStandardisation_withTheViewsFollowingEveryStep() throws Exception {
        HttpResponse<String> launched = improver.postJson("/api/initiatives", Map.of("unitId", division,
                "title", "压缩公文办理时长", "problemStatement", "公文办理平均需要10天，群众反映慢", "owner", "improver-it",
                "team", List.of("improver-it", "zhang"),
                "gaps", List.of(Map.of("frameworkCode", "GOV-OPS-QUALITY", "indicatorCode", "standardisation")),
                "metric", Map.of("name", "公文办理时长", "unitOfMeasure", "天", "baseline", 10, "target", 4,
                        "direction", "LOWER_IS_BETTER")), null);
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(201);
        assertThat(launched.headers().firstValue("Location")).isPresent();
        initiative = WebSession.json(launched).get("initiativeId").asText();
        etag = etag(launched);
        JsonNode detail = viewsShow(0, "PLANNING", 1, "pdca.initiative.initiative-launched.v1");
        assertThat(detail.get("gaps").get(0).get("indicatorCode").asText()).isEqualTo("standardisation");

        JsonNode plan = step("/plan", Map.of("objective", "办理时长降到4天", "hypothesis", "减少签批环节可缩短时长",
                "successCriterion", "连续两个月平均不超过4天", "actions", List.of(
                        Map.of("description", "梳理公文流转环节", "owner", "improver-it", "dueDate",
                                TODAY.plusDays(10).toString()),
                        Map.of("description", "上线电子签批", "owner", "zhang", "dueDate",
                                TODAY.plusDays(30).toString()))));
        String carried = plan.get("actionIds").get(1).asText();
        detail = viewsShow(1, "PLANNING", 1, "pdca.initiative.plan-recorded.v1");
        assertThat(detail.get("cycles").get(0).get("plan").get("objective").asText()).isEqualTo("办理时长降到4天");

        String stale = etag;
        step("/do", null);
        viewsShow(2, "EXECUTION", 1, "pdca.initiative.execution-started.v1");

        HttpResponse<String> refused = improver.postJson("/api/initiatives/" + initiative + "/observations",
                Map.of("text", "written with an old version"), stale);
        assertThat(refused.statusCode()).isEqualTo(412);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        step("/measurements", Map.of("value", 7, "measuredOn", TODAY.minusDays(1).toString(), "note", "三月平均"));
        detail = viewsShow(3, "EVALUATION", 1, "pdca.initiative.measurement-recorded.v1");
        assertThat(detail.get("series")).hasSize(1);

        JsonNode checked = step("/check", Map.of("analysis", "签批环节仍多，未达目标"));
        assertThat(checked.get("result").asText()).isNotEqualTo("MET");
        viewsShow(4, "CONTINUOUS_IMPROVEMENT", 1, "pdca.initiative.cycle-checked.v1");

        step("/act", Map.of("decision", "ADJUST", "carriedActionIds", List.of(carried), "reason", "再压缩一个签批环节"));
        detail = viewsShow(5, "PLANNING", 2, "pdca.initiative.cycle-adjusted.v1");
        assertThat(detail.get("cycles")).hasSize(2);

        step("/plan", Map.of("objective", "办理时长降到4天以内", "hypothesis", "电子签批可再缩短两天",
                "successCriterion", "当月平均不超过4天", "actions", List.of()));
        viewsShow(6, "PLANNING", 2, "pdca.initiative.plan-recorded.v1");
        step("/do", null);
        viewsShow(7, "EXECUTION", 2, "pdca.initiative.execution-started.v1");
        step("/measurements", Map.of("value", 3.5, "measuredOn", TODAY.toString()));
        detail = viewsShow(8, "EVALUATION", 2, "pdca.initiative.measurement-recorded.v1");
        assertThat(detail.get("series")).hasSize(2);
        checked = step("/check", Map.of("analysis", "电子签批上线后达到目标"));
        assertThat(checked.get("result").asText()).isEqualTo("MET");
        viewsShow(9, "CONTINUOUS_IMPROVEMENT", 2, "pdca.initiative.cycle-checked.v1");
        step("/act", Map.of("decision", "STANDARDISE", "standardised", "公文办理程序改为电子签批",
                "documentReference", "QP-07 公文处理程序"));
        detail = viewsShow(10, "COMPLETED", 2, "pdca.initiative.initiative-standardised.v1");
        assertThat(detail.get("cycles").get(1).get("act").get("decision").asText()).isEqualTo("STANDARDISE");

        JsonNode history = WebSession.json(improver.get("/api/initiatives/" + initiative + "/history"));
        assertThat(history.get("entries").findValuesAsText("actor")).containsOnly("improver-it");
        assertThat(history.get("entries").findValuesAsText("version"))
                .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
    }

    /** A write on the initiative with the version last seen; answers the body, keeps the new {@code ETag}. */
    private JsonNode step(String path, Object body) throws Exception {
        HttpResponse<String> answer = improver.postJson("/api/initiatives/" + initiative + path, body, etag);
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
        long version = Long.parseLong(etag.replace("\"", "")) + 1;
        assertThat(etag(answer)).isEqualTo("\"" + version + "\"");
        etag = etag(answer);
        return WebSession.json(answer);
    }

    /**
     * Waits until the initiative page shows {@code version}, then checks the page, the list and the history agree:
     * the stage, the current cycle, and the history's last entry (its event type and who wrote it).
     */
    private JsonNode viewsShow(long version, String stage, int cycle, String lastEvent) throws Exception {
        HttpResponse<String> page = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> improver.get("/api/initiatives/" + initiative), response -> response.statusCode() == 200
                        && parse(response).get("version").asLong() == version);
        assertThat(page.headers().firstValue("ETag")).hasValue("\"" + version + "\"");
        JsonNode detail = WebSession.json(page);
        assertThat(detail.get("stage").asText()).isEqualTo(stage);
        assertThat(detail.get("currentCycle").asInt()).isEqualTo(cycle);

        JsonNode list = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> WebSession.json(improver.get("/api/initiatives?unit=" + division)),
                        json -> json.get("items").size() == 1
                                && json.get("items").get(0).get("version").asLong() == version);
        JsonNode item = list.get("items").get(0);
        assertThat(item.get("initiativeId").asText()).isEqualTo(initiative);
        assertThat(item.get("stage").asText()).isEqualTo(stage);
        assertThat(item.get("currentCycle").asInt()).isEqualTo(cycle);

        JsonNode history = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> WebSession.json(improver.get("/api/initiatives/" + initiative + "/history")),
                        json -> json.get("entries").size() == version + 1);
        JsonNode last = history.get("entries").get((int) version);
        assertThat(last.get("event").asText()).isEqualTo(lastEvent);
        assertThat(last.get("version").asLong()).isEqualTo(version);
        assertThat(last.get("actor").asText()).isEqualTo("improver-it");
        return detail;
    }

    private static JsonNode parse(HttpResponse<String> response) {
        try {
            return WebSession.json(response);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String etag(HttpResponse<String> response) {
        return response.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag: " + response));
    }
}
