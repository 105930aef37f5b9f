package org.pdcaledger.query.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pdcaledger.kernel.common.LocalizedName;
import org.pdcaledger.kernel.feedprobe.ProbeCatalogImportedEvent;
import org.pdcaledger.kernel.feedprobe.ProbeNotedEvent;
import org.pdcaledger.kernel.feedprobe.ProbeOpenedEvent;
import org.pdcaledger.kernel.unit.UnitRegisteredEvent;
import org.pdcaledger.kernel.unit.UnitRenamedEvent;
import org.pdcaledger.support.security.TestIdentityTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

@FeedIntegrationTest
class FeedHttpTest {

    private static final String S = UUID.randomUUID().toString().substring(0, 8);
    private static final String CITY = "city-" + S;
    private static final String A = "a-" + S;
    private static final String A1 = "a1-" + S;
    private static final String B = "b-" + S;
    private static final String ADMIN = TestIdentityTokens.person("admin", "ADMIN@*");
    private static final Pattern NEXT = Pattern.compile("<[^>]*[?&]after=(\\d+)[^>]*>; rel=\"next\"");

    @Autowired
    MockMvc http;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventFeed feed;
    @Autowired
    FeedScopeProjection scope;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;

    private final ObjectMapper json = new ObjectMapper();
    private static long start;
    private static long last;

    @BeforeEach
    void seed() {
        if (last > 0) {
            return;
        }
        start = feed.head();
        publish("Unit", CITY, 0, new UnitRegisteredEvent(CITY, "C" + S, name("city"), null));
        publish("Unit", A, 0, new UnitRegisteredEvent(A, "A" + S, name("a"), CITY));
        publish("Unit", B, 0, new UnitRegisteredEvent(B, "B" + S, name("b"), CITY));
        publish("Unit", A1, 0, new UnitRegisteredEvent(A1, "A1" + S, name("a1"), A));
        publish("Probe", "p-a-" + S, 0, new ProbeOpenedEvent("p-a-" + S, A1, "probe in a1", LocalDate.of(2026, 3, 1)));
        publish("Probe", "p-b-" + S, 0, new ProbeOpenedEvent("p-b-" + S, B, "probe in b", null));
        publish("Probe", "p-a-" + S, 1, new ProbeNotedEvent("p-a-" + S, "noted in a1"));
        publish("Probe", "p-b-" + S, 1, new ProbeNotedEvent("p-b-" + S, "noted in b"));
        eventStore.publish(new org.axonframework.eventhandling.GenericEventMessage<>(
                new ProbeCatalogImportedEvent("CAT-" + S, 12), Map.of("actor", "importer")));
        publish("Unit", A, 1, new UnitRenamedEvent(A, name("a renamed")));
        last = feed.head();
        await().atMost(Duration.ofSeconds(20)).until(() -> scope.progress() >= last);
    }

    private void publish(String type, String id, long sequence, Object payload) {
        eventStore.publish(new GenericDomainEventMessage<>(type, id, sequence, payload, Map.of("actor", "clerk-" + S)));
    }

    private static LocalizedName name(String text) {
        return new LocalizedName(text + "甲", text);
    }

    private JsonNode page(String token, String query) throws Exception {
        MvcResult result = http.perform(get("/api/feed?" + query).header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(result.getResponse().getContentType()).startsWith("application/cloudevents-batch+json");
        return json.readTree(result.getResponse().getContentAsByteArray());
    }

    private List<String> subjectsAndTypes(JsonNode events) {
        List<String> out = new ArrayList<>();
        events.forEach(event -> {
            if (event.get("pdcaposition").asLong() <= last) {
                out.add(event.path("subject").asText("-") + " " + event.get("type").asText());
            }
        });
        return out;
    }

    @Test
    void anAdministrator_readsEveryEvent_inGlobalOrder_asCloudEvents() throws Exception {
        JsonNode events = page(ADMIN, "after=" + start + "&limit=10");

        assertThat(events).hasSize(10);
        long previous = start;
        for (JsonNode event : events) {
            assertThat(event.get("pdcaposition").asLong()).isGreaterThan(previous);
            previous = event.get("pdcaposition").asLong();
        }
        JsonNode first = events.get(0);
        assertThat(first.get("specversion").asText()).isEqualTo("1.0");
        assertThat(first.get("type").asText()).isEqualTo("pdca.unit.unit-registered.v1");
        assertThat(first.get("source").asText()).isEqualTo("/pdca-ledger/command-service");
        assertThat(first.get("subject").asText()).isEqualTo(CITY);
        assertThat(first.get("id").asText()).isNotBlank();
        assertThat(first.get("time").asText()).isNotBlank();
        assertThat(first.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(first.get("pdcaactor").asText()).isEqualTo("clerk-" + S);
        assertThat(first.get("data").get("unitId").asText()).isEqualTo(CITY);
        assertThat(first.get("data").get("name").get("en").asText()).isEqualTo("city");
        assertThat(first.get("data").has("parentId")).as("null fields stay in the data").isTrue();
        JsonNode probe = events.get(4);
        assertThat(probe.get("type").asText()).isEqualTo("pdca.feedprobe.probe-opened.v1");
        assertThat(probe.get("data").get("due").asText()).isEqualTo("2026-03-01");
        JsonNode catalog = events.get(8);
        assertThat(catalog.get("type").asText()).isEqualTo("pdca.feedprobe.probe-catalog-imported.v2");
        assertThat(catalog.has("subject")).isFalse();
    }

    @Test
    void pagesWithAfterAndLimit_followTheNextLink_toTheSameEventsAsOneRead() throws Exception {
        List<String> whole = subjectsAndTypes(page(ADMIN, "after=" + start + "&limit=10"));
        List<String> paged = new ArrayList<>();
        long after = start;
        for (int round = 0; round < 5; round++) {
            MvcResult result = http.perform(get("/api/feed?after=" + after + "&limit=2")
                            .header("Authorization", "Bearer " + ADMIN))
                    .andExpect(status().isOk()).andReturn();
            JsonNode events = json.readTree(result.getResponse().getContentAsByteArray());
            assertThat(events.size()).isLessThanOrEqualTo(2);
            paged.addAll(subjectsAndTypes(events));
            Matcher next = NEXT.matcher(result.getResponse().getHeader("Link"));
            assertThat(next.find()).isTrue();
            after = Long.parseLong(next.group(1));
            assertThat(after).isEqualTo(events.get(events.size() - 1).get("pdcaposition").asLong());
        }
        assertThat(paged).isEqualTo(whole);
    }

    @Test
    void aTypeFilter_keepsOnlyThoseTypes() throws Exception {
        JsonNode events = page(ADMIN, "after=" + start
                + "&type=pdca.unit.unit-renamed.v1,pdca.feedprobe.probe-noted.v1");

        assertThat(subjectsAndTypes(events)).containsExactly(
                "p-a-" + S + " pdca.feedprobe.probe-noted.v1",
                "p-b-" + S + " pdca.feedprobe.probe-noted.v1",
                A + " pdca.unit.unit-renamed.v1");
    }

    @Test
    void aUnitFilter_keepsTheSubtree_includingEventsThatNameNoUnitButBelongToAnAggregateThere() throws Exception {
        JsonNode events = page(ADMIN, "after=" + start + "&unit=" + A);

        assertThat(subjectsAndTypes(events)).containsExactly(
                A + " pdca.unit.unit-registered.v1",
                A1 + " pdca.unit.unit-registered.v1",
                "p-a-" + S + " pdca.feedprobe.probe-opened.v1",
                "p-a-" + S + " pdca.feedprobe.probe-noted.v1",
                A + " pdca.unit.unit-renamed.v1");
    }

    @Test
    void anIntegratorScopedToBureauA_neverSeesBureauB_butSeesEventsOfNoUnit() throws Exception {
        String integratorA = TestIdentityTokens.client("feed-a", "INTEGRATOR@" + A);

        assertThat(subjectsAndTypes(page(integratorA, "after=" + start))).containsExactly(
                A + " pdca.unit.unit-registered.v1",
                A1 + " pdca.unit.unit-registered.v1",
                "p-a-" + S + " pdca.feedprobe.probe-opened.v1",
                "p-a-" + S + " pdca.feedprobe.probe-noted.v1",
                "- pdca.feedprobe.probe-catalog-imported.v2",
                A + " pdca.unit.unit-renamed.v1");
        assertThat(subjectsAndTypes(page(integratorA, "after=" + start + "&unit=" + B))).isEmpty();
    }

    @Test
    void aLeaderOfBureauB_seesBureauBOnly_andAnIntegratorOfEverything_seesEverything() throws Exception {
        assertThat(subjectsAndTypes(page(TestIdentityTokens.person("leader-b", "LEADER@" + B), "after=" + start)))
                .containsExactly(
                        B + " pdca.unit.unit-registered.v1",
                        "p-b-" + S + " pdca.feedprobe.probe-opened.v1",
                        "p-b-" + S + " pdca.feedprobe.probe-noted.v1",
                        "- pdca.feedprobe.probe-catalog-imported.v2");
        assertThat(subjectsAndTypes(page(TestIdentityTokens.client("feed-all", "INTEGRATOR@*"),
                "after=" + start))).hasSize(10);
    }

    @Test
    void theFeed_isRefused_toRolesThatDoNotReadIt_andToAnonymousCallers() throws Exception {
        http.perform(get("/api/feed").header("Authorization", "Bearer "
                        + TestIdentityTokens.person("improver", "IMPROVER@*")))
                .andExpect(status().isForbidden());
        http.perform(get("/api/feed")).andExpect(status().isUnauthorized());
    }

    @Test
    void anUnknownTypeOrAnOversizedLimit_isRejected_namingTheParameter() throws Exception {
        http.perform(get("/api/feed?type=pdca.nothing.happened.v1").header("Authorization", "Bearer " + ADMIN))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("type"))
                .andExpect(jsonPath("$.code").value("unknown-event-type"));
        http.perform(get("/api/feed?limit=5000").header("Authorization", "Bearer " + ADMIN))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("limit"));
        http.perform(get("/api/feed?limit=0").header("Authorization", "Bearer " + ADMIN))
                .andExpect(status().isBadRequest());
    }

    @Test
    void anEventAfterAYoungGapInTheSequence_isHeldBack_untilTheGapHasSettled() throws Exception {
        long before = feed.head();
        await().atMost(Duration.ofSeconds(20)).until(() -> readableUpTo() >= before);
        jdbc.execute("ALTER TABLE DomainEventEntry ALTER COLUMN globalIndex RESTART WITH " + (before + 3));
        publish("Probe", "p-gap-" + S, 0, new ProbeOpenedEvent("p-gap-" + S, A, "after a gap", null));
        long afterGap = feed.head();
        assertThat(afterGap).isEqualTo(before + 3);

        assertThat(page(ADMIN, "after=" + before)).isEmpty();
        assertThat(readableUpTo()).isEqualTo(before);

        clock.advance(Duration.ofSeconds(11));
        JsonNode events = page(ADMIN, "after=" + before);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("pdcaposition").asLong()).isEqualTo(afterGap);
    }

    private long readableUpTo() throws Exception {
        MvcResult result = http.perform(get("/api/feed?after=" + start + "&limit=1000")
                .header("Authorization", "Bearer " + ADMIN)).andReturn();
        Matcher next = NEXT.matcher(result.getResponse().getHeader("Link"));
        assertThat(next.find()).isTrue();
        return Long.parseLong(next.group(1));
    }
}
