package org.pdcaledger.web.access;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.pdcaledger.kernel.access.Grant;
import org.pdcaledger.kernel.access.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Finds a unit's id by its code through query-service's units API, calling as web-ui itself with a read-only
 * {@code LEADER@*} token. Empty when the unit does not exist yet or query-service cannot be reached.
 */
@Component
class UnitDirectory {

    static final String SUBJECT = "system:web-ui";

    private final URI units;
    private final IdentityTokenIssuer tokens;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    UnitDirectory(@Value("${pdca.services.query-url}") URI queryService, IdentityTokenIssuer tokens,
            ObjectMapper json) {
        this.units = queryService.resolve("/api/units");
        this.tokens = tokens;
        this.json = json;
    }

    Optional<String> unitIdOf(String code) {
        String token = tokens.issue(SUBJECT, "web-ui", List.of(new Grant(Role.LEADER, Grant.ALL_UNITS)), false);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(units)
                    .timeout(Duration.ofSeconds(5))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json")
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            for (JsonNode unit : json.readTree(response.body())) {
                if (code.equals(unit.path("code").asText())) {
                    return Optional.of(unit.path("unitId").asText());
                }
            }
            return Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
