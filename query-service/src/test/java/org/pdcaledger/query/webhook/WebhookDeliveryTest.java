package org.pdcaledger.query.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pdcaledger.kernel.feedprobe.ProbeNotedEvent;
import org.pdcaledger.kernel.feedprobe.ProbeOpenedEvent;
import org.pdcaledger.query.feed.FeedIntegrationTest;
import org.pdcaledger.support.security.TestIdentityTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

@FeedIntegrationTest
class WebhookDeliveryTest {

    private static final String INTEGRATOR = TestIdentityTokens.client("hooks-client", "INTEGRATOR@*");
    private static final String PROBE_TYPES = "[\"pdca.feedprobe.probe-opened.v1\",\"pdca.feedprobe.probe-noted.v1\"]";

    @Autowired
    MockMvc http;
    @Autowired
    EventStore eventStore;
    @Autowired
    WebhookStore store;
    @Autowired
    WebhookDispatcher dispatcher;
    @Autowired
    org.springframework.context.ApplicationContext context;

    private final ObjectMapper json = new ObjectMapper();
    private final List<WebhookReceiver> receivers = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        store.all().forEach(subscription -> store.delete(subscription.id()));
        receivers.forEach(WebhookReceiver::close);
    }

    private WebhookReceiver keep(WebhookReceiver receiver) {
        receivers.add(receiver);
        return receiver;
    }

    private JsonNode register(String token, String body) throws Exception {
        return json.readTree(http.perform(post("/api/webhooks").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andReturn().getResponse().getContentAsByteArray());
    }

    private JsonNode deliveries(String id) throws Exception {
        return json.readTree(http.perform(get("/api/webhooks/" + id + "/deliveries")
                        .header("Authorization", "Bearer " + INTEGRATOR))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
    }

    private JsonNode webhook(String id) throws Exception {
        return json.readTree(http.perform(get("/api/webhooks/" + id).header("Authorization", "Bearer " + INTEGRATOR))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
    }

    private List<String> publishProbe(String probe, int events) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            var message = new GenericDomainEventMessage<>("Probe", probe, i,
                    i == 0 ? new ProbeOpenedEvent(probe, null, "webhook probe", null)
                            : new ProbeNotedEvent(probe, "note " + i), Map.of("actor", "hooks"));
            eventStore.publish(message);
            ids.add(message.getIdentifier());
        }
        return ids;
    }

    private static int attemptsOf(JsonNode deliveries, String status) {
        int attempts = 0;
        for (JsonNode delivery : deliveries) {
            if (status == null || status.equals(delivery.get("status").asText())) {
                attempts += delivery.get("attempts").asInt();
            }
        }
        return attempts;
    }

    @Test
    void aReceiverThatIsDownThenSlowThenFailingThenUp_getsEveryEvent_inOrder_signed_withStableIds()
            throws Exception {
        WebhookReceiver receiver = keep(WebhookReceiver.down());
        JsonNode webhook = register(INTEGRATOR, "{\"url\":\"" + receiver.url() + "\",\"types\":" + PROBE_TYPES + "}");
        String id = webhook.get("id").asText();
        String secret = webhook.get("secret").asText();
        assertThat(secret).startsWith("whsec_");
        List<String> published = publishProbe("p-hook-" + UUID.randomUUID(), 5);

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode log = deliveries(id);
            return log.size() == 1 && log.get(0).get("attempts").asInt() >= 2;
        });
        JsonNode whileDown = deliveries(id).get(0);
        assertThat(whileDown.get("status").asText()).isEqualTo("pending");
        assertThat(whileDown.get("eventId").asText()).isEqualTo(published.get(0));
        assertThat(whileDown.get("lastError").asText()).isNotBlank();
        assertThat(whileDown.has("lastResponseCode")).isFalse();

        receiver.start(WebhookReceiver.Mode.SLOW);
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests().size() >= 2);
        receiver.mode(WebhookReceiver.Mode.FAIL);
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests().stream()
                .filter(r -> r.answered() == 500).count() >= 2);
        receiver.mode(WebhookReceiver.Mode.UP);
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.requests().stream()
                .filter(r -> r.answered() == 204).count() >= 5);

        List<WebhookReceiver.Request> requests = receiver.requests();
        List<String> acknowledged = requests.stream().filter(r -> r.answered() == 204)
                .map(WebhookReceiver.Request::id).toList();
        assertThat(acknowledged).as("each event acknowledged once, in order").isEqualTo(published);
        assertThat(new ArrayList<>(new LinkedHashSet<>(requests.stream().map(WebhookReceiver.Request::id).toList())))
                .as("attempts arrive in the subscription's order").isEqualTo(published);
        long previous = 0;
        for (WebhookReceiver.Request request : requests) {
            assertThat(WebhookSignature.verify(secret, request.id(), request.timestamp(), request.body(),
                    request.signature())).as("signature of %s", request.id()).isTrue();
            JsonNode event = json.readTree(request.body());
            assertThat(event.get("id").asText()).isEqualTo(request.id());
            assertThat(event.get("pdcaposition").asLong()).isGreaterThanOrEqualTo(previous);
            previous = event.get("pdcaposition").asLong();
        }
        List<WebhookReceiver.Request> repeats = requests.stream()
                .filter(r -> r.id().equals(published.get(0))).toList();
        assertThat(repeats).as("the first event was attempted slow, failing and up").hasSizeGreaterThanOrEqualTo(4);
        assertThat(repeats).allSatisfy(r -> assertThat(r.body()).isEqualTo(repeats.get(0).body()));

        await().atMost(Duration.ofSeconds(10)).until(() -> attemptsOf(deliveries(id), "delivered") > 0
                && deliveries(id).size() == 5 && deliveries(id).findValues("status").stream()
                .allMatch(s -> s.asText().equals("delivered")));
        JsonNode log = deliveries(id);
        JsonNode first = log.get(log.size() - 1);
        assertThat(first.get("eventId").asText()).isEqualTo(published.get(0));
        assertThat(first.get("attempts").asInt()).isGreaterThanOrEqualTo(repeats.size());
        assertThat(first.get("lastResponseCode").asInt()).isEqualTo(204);
        assertThat(first.get("recentAttempts").findValues("responseCode")).extracting(JsonNode::asInt).contains(500);
        assertThat(first.get("deliveredAt").asText()).isNotBlank();
        assertThat(webhook(id).get("position").asLong()).isEqualTo(log.get(0).get("position").asLong());
    }

    @Test
    void anotherInstance_continuesFromThePositionAndPendingAttemptStoredInMongo_afterTheFirstStops()
            throws Exception {
        WebhookReceiver receiver = keep(WebhookReceiver.down());
        String id = register(INTEGRATOR, "{\"url\":\"" + receiver.url() + "\",\"types\":" + PROBE_TYPES + "}")
                .get("id").asText();
        List<String> published = publishProbe("p-restart-" + UUID.randomUUID(), 3);
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(id).size() == 1
                && deliveries(id).get(0).get("attempts").asInt() >= 1);

        dispatcher.stop();
        WebhookDispatcher successor = new WebhookDispatcher(store, context.getBean(
                org.pdcaledger.query.feed.EventFeed.class), context.getBean(
                org.pdcaledger.query.feed.CloudEventEnvelope.class), context.getBean(WebhookSecrets.class),
                context.getBean(WebhookSender.class), context.getBean(RetrySchedule.class),
                context.getBean(WebhookProperties.class), java.time.Clock.systemUTC());
        try {
            WebhookSubscription stored = store.find(id).orElseThrow();
            assertThat(stored.pendingDelivery()).isEqualTo(deliveries(id).get(0).get("deliveryId").asText());
            receiver.start(WebhookReceiver.Mode.UP);
            successor.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests().size() >= 3);
            assertThat(receiver.requests()).extracting(WebhookReceiver.Request::id).isEqualTo(published);
        } finally {
            successor.stop();
            dispatcher.start();
        }
    }

    @Test
    void a410Answer_disablesTheSubscription_andEnablingItContinuesWithThatEvent() throws Exception {
        WebhookReceiver receiver = keep(WebhookReceiver.up(WebhookReceiver.Mode.GONE));
        String id = register(INTEGRATOR, "{\"url\":\"" + receiver.url() + "\",\"types\":" + PROBE_TYPES + "}")
                .get("id").asText();
        List<String> published = publishProbe("p-gone-" + UUID.randomUUID(), 2);

        await().atMost(Duration.ofSeconds(20)).until(() -> webhook(id).get("status").asText().equals("disabled"));
        assertThat(webhook(id).get("disabledReason").asText()).contains("410");
        JsonNode failed = deliveries(id).get(0);
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("lastResponseCode").asInt()).isEqualTo(410);
        assertThat(receiver.requests()).hasSize(1);

        receiver.mode(WebhookReceiver.Mode.UP);
        http.perform(post("/api/webhooks/" + id + "/enable").header("Authorization", "Bearer " + INTEGRATOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("active"));
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests().stream()
                .filter(r -> r.answered() == 204).count() >= 2);
        assertThat(receiver.requests().stream().filter(r -> r.answered() == 204).map(WebhookReceiver.Request::id))
                .containsExactlyElementsOf(published);
    }

    @Test
    void aDelivery_canBeRedeliveredOnRequest_withTheSameIdAndBody() throws Exception {
        WebhookReceiver receiver = keep(WebhookReceiver.up(WebhookReceiver.Mode.UP));
        String id = register(INTEGRATOR, "{\"url\":\"" + receiver.url() + "\",\"types\":" + PROBE_TYPES + "}")
                .get("id").asText();
        publishProbe("p-again-" + UUID.randomUUID(), 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests().size() == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(id).get(0).get("status").asText()
                .equals("delivered"));
        String deliveryId = deliveries(id).get(0).get("deliveryId").asText();

        http.perform(post("/api/webhooks/" + id + "/deliveries/" + deliveryId + "/redeliver")
                        .header("Authorization", "Bearer " + INTEGRATOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.attempts").value(2))
                .andExpect(jsonPath("$.recentAttempts[1].manual").value(true))
                .andExpect(jsonPath("$.status").value("delivered"));

        assertThat(receiver.requests()).hasSize(2);
        assertThat(receiver.requests().get(1).id()).isEqualTo(receiver.requests().get(0).id());
        assertThat(receiver.requests().get(1).body()).isEqualTo(receiver.requests().get(0).body());
    }

    @Test
    void webhookUrls_thatResolveToNonPublicAddresses_areRefused_unlessAllowListed() throws Exception {
        for (String url : List.of("http://10.1.2.3/hook", "http://169.254.169.254/latest/meta-data",
                "http://192.168.1.20:8080/", "http://172.16.0.1/", "http://[::1]:9000/", "http://[fd00::1]/",
                "http://0.0.0.0/", "http://[::ffff:10.0.0.1]/", "ftp://127.0.0.1/", "file:///etc/passwd",
                "http://user:pw@127.0.0.1/")) {
            http.perform(post("/api/webhooks").header("Authorization", "Bearer " + INTEGRATOR)
                            .contentType(MediaType.APPLICATION_JSON).content("{\"url\":\"" + url + "\"}"))
                    .andExpect(status().isUnprocessableEntity())
                    .andExpect(jsonPath("$.field").value("url"))
                    .andExpect(jsonPath("$.code").value("webhook-url-refused"));
        }
        register(INTEGRATOR, "{\"url\":\"http://127.0.0.1:9/allow-listed\"}");
    }

    @Test
    void integratorsManageTheirOwnWebhooks_andAnAdministratorSeesAll() throws Exception {
        String other = TestIdentityTokens.client("other-client", "INTEGRATOR@*");
        String mine = register(INTEGRATOR, "{\"url\":\"http://127.0.0.1:9/mine\"}").get("id").asText();
        String theirs = register(other, "{\"url\":\"http://127.0.0.1:9/theirs\"}").get("id").asText();

        http.perform(get("/api/webhooks").header("Authorization", "Bearer " + INTEGRATOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(mine))
                .andExpect(jsonPath("$[0].secret").doesNotExist());
        http.perform(get("/api/webhooks/" + theirs).header("Authorization", "Bearer " + INTEGRATOR))
                .andExpect(status().isNotFound());
        http.perform(delete("/api/webhooks/" + theirs).header("Authorization", "Bearer " + INTEGRATOR))
                .andExpect(status().isNotFound());
        http.perform(get("/api/webhooks").header("Authorization", "Bearer "
                        + TestIdentityTokens.person("admin", "ADMIN@*")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2));
        http.perform(delete("/api/webhooks/" + theirs).header("Authorization", "Bearer " + other))
                .andExpect(status().isNoContent());
        http.perform(get("/api/webhooks").header("Authorization", "Bearer "
                        + TestIdentityTokens.person("leader", "LEADER@*")))
                .andExpect(status().isForbidden());
    }

    @Test
    void registration_isRejected_forUnknownTypes_unitsOutsideTheCallersScope_andMissingUrls() throws Exception {
        String scoped = TestIdentityTokens.client("scoped-client", "INTEGRATOR@u-nowhere");
        http.perform(post("/api/webhooks").header("Authorization", "Bearer " + INTEGRATOR)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"http://127.0.0.1:9/\",\"types\":[\"pdca.no.such.v1\"]}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("types[0]"));
        http.perform(post("/api/webhooks").header("Authorization", "Bearer " + scoped)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"http://127.0.0.1:9/\",\"unit\":\"u-missing\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("unknown-unit"));
        http.perform(post("/api/webhooks").header("Authorization", "Bearer " + INTEGRATOR)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"types\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("url"));
    }
}
