package org.pdcaledger.query.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pdcaledger.kernel.common.LocalizedName;
import org.pdcaledger.kernel.feedprobe.ProbeNotedEvent;
import org.pdcaledger.kernel.feedprobe.ProbeOpenedEvent;
import org.pdcaledger.kernel.unit.UnitRegisteredEvent;
import org.pdcaledger.support.security.TestIdentityTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

@FeedIntegrationTest
class FeedStreamTest {

    private static final String ADMIN = TestIdentityTokens.person("stream-admin", "ADMIN@*");

    @Autowired
    MockMvc http;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventFeed feed;
    @Autowired
    FeedStreams streams;
    @Autowired
    FeedScopeProjection scope;

    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void closeStreams() {
        streams.closeAll();
    }

    /** One server-sent event as the client parsed it. */
    record Received(long id, String event, JsonNode data) {
    }

    /** The complete events in an SSE body; a half-written last event is left out, as a client would. */
    private List<Received> parse(String body) throws Exception {
        List<Received> events = new ArrayList<>();
        int end = body.lastIndexOf("\n\n");
        if (end < 0) {
            return events;
        }
        for (String block : body.substring(0, end).split("\n\n")) {
            String id = null;
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5));
                }
            }
            if (id != null) {
                events.add(new Received(Long.parseLong(id), name, json.readTree(data.toString())));
            }
        }
        return events;
    }

    private MvcResult open(String token, String query, String lastEventId) throws Exception {
        var builder = get("/api/feed/stream" + query).header("Authorization", "Bearer " + token)
                .accept("text/event-stream");
        if (lastEventId != null) {
            builder.header("Last-Event-ID", lastEventId);
        }
        return http.perform(builder).andExpect(request().asyncStarted()).andReturn();
    }

    private List<Received> received(MvcResult stream) throws Exception {
        return parse(stream.getResponse().getContentAsString());
    }

    private void note(String probe, long sequence) {
        eventStore.publish(new GenericDomainEventMessage<>("Probe", probe, sequence,
                sequence == 0 ? new ProbeOpenedEvent(probe, null, "burst", null)
                        : new ProbeNotedEvent(probe, "note " + sequence), Map.of("actor", "burster")));
    }

    @Test
    void reconnectingWithLastEventId_inTheMiddleOfABurst_receivesTheFeedExactlyOnce_inOrder() throws Exception {
        long start = feed.head();
        String probe = "p-burst-" + UUID.randomUUID();
        int total = 60;
        CountDownLatch dropped = new CountDownLatch(1);
        MvcResult first = open(ADMIN, "?after=" + start, null);
        CompletableFuture<Void> burst = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < total; i++) {
                if (i == total / 2) {
                    await().atMost(Duration.ofSeconds(20)).until(() -> dropped.getCount() == 0);
                }
                note(probe, i);
            }
        });

        await().atMost(Duration.ofSeconds(20)).until(() -> received(first).size() >= 5);
        List<Received> beforeDrop = received(first);
        streams.closeAll();
        dropped.countDown();
        long lastSeen = beforeDrop.get(beforeDrop.size() - 1).id();
        MvcResult second = open(ADMIN, "?after=" + start, Long.toString(lastSeen));
        burst.get(30, TimeUnit.SECONDS);
        long end = feed.head();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<Received> now = received(second);
            return !now.isEmpty() && now.get(now.size() - 1).id() >= end;
        });

        List<Long> union = new ArrayList<>();
        beforeDrop.forEach(event -> union.add(event.id()));
        received(second).forEach(event -> union.add(event.id()));
        JsonNode page = json.readTree(http.perform(get("/api/feed?after=" + start + "&limit=1000")
                .header("Authorization", "Bearer " + ADMIN)).andReturn().getResponse().getContentAsByteArray());
        List<Long> fed = new ArrayList<>();
        page.forEach(event -> fed.add(event.get("pdcaposition").asLong()));
        assertThat(fed).hasSize(total);
        assertThat(union).as("stream before and after the reconnect").isEqualTo(fed);
        assertThat(beforeDrop.size()).as("the drop happened mid-burst").isLessThan(total);
    }

    @Test
    void eachStreamedEvent_carriesPositionTypeAndTheCloudEvent_andIdleStreamsGetHeartbeats() throws Exception {
        long start = feed.head();
        String unit = "u-stream-" + UUID.randomUUID();
        MvcResult stream = open(ADMIN, "?after=" + start, null);
        eventStore.publish(new GenericDomainEventMessage<>("Unit", unit, 0,
                new UnitRegisteredEvent(unit, "S1", new LocalizedName("流", "Stream"), null)));

        await().atMost(Duration.ofSeconds(20)).until(() -> !received(stream).isEmpty());
        Received event = received(stream).get(0);
        assertThat(stream.getResponse().getContentType()).startsWith("text/event-stream");
        assertThat(event.event()).isEqualTo("pdca.unit.unit-registered.v1");
        assertThat(event.data().get("type").asText()).isEqualTo(event.event());
        assertThat(event.data().get("pdcaposition").asLong()).isEqualTo(event.id());
        assertThat(event.data().get("subject").asText()).isEqualTo(unit);
        assertThat(event.data().get("data").get("unitId").asText()).isEqualTo(unit);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> stream.getResponse().getContentAsString().contains(":heartbeat\n"));
    }

    @Test
    void aScopedStream_carriesOnlyTheCallersUnits() throws Exception {
        String suffix = UUID.randomUUID().toString();
        String mine = "u-mine-" + suffix;
        String other = "u-other-" + suffix;
        long start = feed.head();
        MvcResult stream = open(TestIdentityTokens.client("scoped", "INTEGRATOR@" + mine), "?after=" + start, null);
        eventStore.publish(new GenericDomainEventMessage<>("Unit", other, 0,
                new UnitRegisteredEvent(other, "O", new LocalizedName("他", "Other"), null)));
        eventStore.publish(new GenericDomainEventMessage<>("Unit", mine, 0,
                new UnitRegisteredEvent(mine, "M", new LocalizedName("我", "Mine"), null)));
        eventStore.publish(new GenericDomainEventMessage<>("Probe", "p-" + suffix, 0,
                new ProbeOpenedEvent("p-" + suffix, other, "not mine", null)));
        eventStore.publish(new GenericDomainEventMessage<>("Probe", "p-" + suffix, 1,
                new ProbeNotedEvent("p-" + suffix, "still not mine")));
        long end = feed.head();
        await().atMost(Duration.ofSeconds(20)).until(() -> scope.progress() >= end);
        eventStore.publish(new GenericDomainEventMessage<>("Unit", mine, 1,
                new org.pdcaledger.kernel.unit.UnitRenamedEvent(mine, new LocalizedName("我的", "Mine too"))));

        await().atMost(Duration.ofSeconds(20)).until(() -> received(stream).size() >= 2);
        assertThat(received(stream)).extracting(event -> event.data().get("subject").asText())
                .containsExactly(mine, mine);
    }

    @Test
    void moreStreamsThanACallerMayOpen_areRefusedWith503_andRetryAfter() throws Exception {
        String token = TestIdentityTokens.client("greedy", "INTEGRATOR@*");
        for (int i = 0; i < 3; i++) {
            open(token, "", null);
        }

        http.perform(get("/api/feed/stream").header("Authorization", "Bearer " + token)
                        .accept("text/event-stream"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "30"))
                .andExpect(jsonPath("$.code").value("too-many-streams"));
    }

    @Test
    void aStreamWithAMalformedLastEventId_isRejected() throws Exception {
        http.perform(get("/api/feed/stream").header("Authorization", "Bearer " + ADMIN)
                        .header("Last-Event-ID", "yesterday").accept("text/event-stream"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("Last-Event-ID"));
    }
}
