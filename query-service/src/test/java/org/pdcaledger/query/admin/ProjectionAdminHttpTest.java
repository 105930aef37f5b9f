package org.pdcaledger.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pdcaledger.kernel.common.LocalizedName;
import org.pdcaledger.kernel.unit.UnitRegisteredEvent;
import org.pdcaledger.query.support.QueryServiceTest;
import org.pdcaledger.support.security.TestIdentityTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;

/**
 * The read-model admin API over the real embedded stores: the status of every group against the store's head, and a
 * rebuild that wipes a group's collections and replays every event into them. Its own application context, so the
 * rebuilds cannot disturb other test classes.
 */
@QueryServiceTest
@TestPropertySource(properties = "pdca.test.context=projection-admin")
class ProjectionAdminHttpTest {

    private static final String ADMIN = "Bearer " + TestIdentityTokens.person("root-admin", "ADMIN@*");

    @Autowired
    MockMvc http;
    @Autowired
    EventStore eventStore;
    @Autowired
    MongoDatabase readStore;
    @Autowired
    ObjectMapper objectMapper;

    private static boolean seeded;

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        register("pa-city", "PA", null);
        register("pa-a", "PAA", "pa-city");
        register("pa-b", "PAB", "pa-city");
        await().atMost(Duration.ofSeconds(20)).until(() -> units().countDocuments() == 3);
        seeded = true;
    }

    @Test
    void list_showsEveryGroup_caughtUpWithTheHead() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> group(overview(), "units").get("behind").asLong() == 0);
        JsonNode overview = overview();
        assertThat(overview.get("head").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(overview.get("projections").findValuesAsText("group"))
                .contains("units", "initiatives", "feed-scope");
        JsonNode units = group(overview, "units");
        assertThat(units.get("state").asText()).isEqualTo("RUNNING");
        assertThat(units.get("position").asLong()).isEqualTo(overview.get("head").asLong());
        assertThat(units.has("etaSeconds")).isFalse();
    }

    @Test
    void rebuild_wipesTheGroupsCollections_andReplaysEveryEvent() throws Exception {
        units().insertOne(new Document("_id", "not-from-any-event").append("_position", 0L));
        Document before = units().find(new Document("_id", "pa-a")).first();

        String answer = http.perform(post("/api/admin/projections/units/rebuild").header("Authorization", ADMIN))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.group").value("units"))
                .andReturn().getResponse().getContentAsString();
        assertThat(objectMapper.readTree(answer).get("rebuildStartedAt").asText()).isNotBlank();

        await().atMost(Duration.ofSeconds(20)).until(() -> units().countDocuments() == 3
                && "RUNNING".equals(group(overview(), "units").get("state").asText()));
        assertThat(units().find(new Document("_id", "not-from-any-event")).first()).isNull();
        assertThat(units().find(new Document("_id", "pa-a")).first()).isEqualTo(before);
        JsonNode units = group(overview(), "units");
        assertThat(units.get("behind").asLong()).isZero();
        assertThat(units.get("rebuildStartedAt").asText()).isNotBlank();
    }

    @Test
    void rebuildAll_resetsEveryGroup_andTheyCatchUpAgain() throws Exception {
        String answer = http.perform(post("/api/admin/projections/rebuild").header("Authorization", ADMIN))
                .andExpect(status().isAccepted())
                .andReturn().getResponse().getContentAsString();
        JsonNode overview = objectMapper.readTree(answer);
        for (JsonNode group : overview.get("projections")) {
            assertThat(group.get("rebuildStartedAt").asText()).as(group.toString()).isNotBlank();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode now = overview();
            for (JsonNode group : now.get("projections")) {
                if (group.get("behind").asLong() != 0 || !"RUNNING".equals(group.get("state").asText())) {
                    return false;
                }
            }
            return true;
        });
        assertThat(units().find(new Document("_id", "pa-b")).first()).isNotNull();
    }

    @Test
    void rebuild_isNotFound_forAnUnknownGroup() throws Exception {
        http.perform(post("/api/admin/projections/no-such-group/rebuild").header("Authorization", ADMIN))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("projection-unknown"));
    }

    @Test
    void everyEndpoint_isDenied_toAnAdministratorOfOneBureauOnly() throws Exception {
        String bureauAdmin = "Bearer " + TestIdentityTokens.person("bureau-admin", "ADMIN@pa-a");
        http.perform(get("/api/admin/projections").header("Authorization", bureauAdmin))
                .andExpect(status().isForbidden());
        http.perform(post("/api/admin/projections/units/rebuild").header("Authorization", bureauAdmin))
                .andExpect(status().isForbidden());
        http.perform(post("/api/admin/projections/rebuild").header("Authorization", bureauAdmin))
                .andExpect(status().isForbidden());
    }

    @Test
    void list_isDenied_toALeaderOfEveryUnit() throws Exception {
        http.perform(get("/api/admin/projections").header("Authorization",
                "Bearer " + TestIdentityTokens.person("city-leader", "LEADER@*")))
                .andExpect(status().isForbidden());
    }

    private JsonNode overview() throws Exception {
        String body = http.perform(get("/api/admin/projections").header("Authorization", ADMIN))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return objectMapper.readTree(body);
    }

    private static JsonNode group(JsonNode overview, String name) {
        for (JsonNode group : overview.get("projections")) {
            if (group.get("group").asText().equals(name)) {
                return group;
            }
        }
        throw new AssertionError("no group " + name + " in " + overview);
    }

    private com.mongodb.client.MongoCollection<Document> units() {
        return readStore.getCollection("units");
    }

    private void register(String id, String code, String parent) {
        eventStore.publish(new GenericDomainEventMessage<>("Unit", id, 0,
                new UnitRegisteredEvent(id, code, new LocalizedName("单位" + code, "Unit " + code), parent)));
    }
}
