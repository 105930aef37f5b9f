package org.pdcaledger.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The pipe end to end across the real processes: a command through web-ui becomes an event in the event store,
 * query-service projects it into the read store, a read through web-ui returns it; the data survives a restart.
 */
class VerticalSliceIT {

    @Test
    void aUnitRegisteredThroughWebUi_isReadBack_andSurvivesARestart() throws Exception {
        String unitId;
        Stack stack = Stack.start(Map.of());
        try {
            assertThat(stack.pdca(Duration.ofSeconds(30), "status").output())
                    .contains("command-service").contains("UP").doesNotContain("DOWN");
            WebSession admin = stack.loginAsAdmin();

            HttpResponse<String> created = admin.postJson("/api/units",
                    Map.of("code", "SZ-GOV", "name", Map.of("zh", "深圳市人民政府", "en", "Shenzhen Government")), null);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(created.headers().firstValue("ETag")).hasValue("\"0\"");
            unitId = WebSession.json(created).get("unitId").asText();

            JsonNode unit = awaitUnit(admin, unitId);
            assertThat(unit.get("name").get("zh").asText()).isEqualTo("深圳市人民政府");
            assertThat(unit.get("code").asText()).isEqualTo("SZ-GOV");

            HttpResponse<String> stale = admin.putJson("/api/units/" + unitId,
                    Map.of("name", Map.of("zh", "新", "en", "New")), "\"7\"");
            assertThat(stale.statusCode()).isEqualTo(412);
            assertThat(stale.headers().firstValue("Content-Type")).hasValue("application/problem+json");

            stack.stop();
            stack = Stack.start(stack.dataDir(), stack.ports(), Map.of());
            WebSession again = stack.loginAsAdmin();
            assertThat(WebSession.json(again.get("/api/units")).findValuesAsText("unitId")).containsExactly(unitId);
        } finally {
            stack.stop();
        }
    }

    @Test
    void theServices_answer401_withoutAToken_onEveryPort() throws Exception {
        try (Stack stack = Stack.start(Map.of())) {
            HttpClient http = HttpClient.newHttpClient();
            for (String url : new String[] {stack.commandUrl() + "/api/units", stack.queryUrl() + "/api/units"}) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json")
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(url).isEqualTo(401);
            }
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(stack.webUrl() + "/api/units"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(401);
        }
    }

    static JsonNode awaitUnit(WebSession session, String unitId) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            HttpResponse<String> response = session.get("/api/units/" + unitId);
            if (response.statusCode() == 200) {
                found[0] = WebSession.json(response);
                return true;
            }
            return false;
        });
        return found[0];
    }
}
