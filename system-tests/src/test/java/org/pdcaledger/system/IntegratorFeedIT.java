package org.pdcaledger.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

/**
 * Issue 8 across the real processes: an administrator creates an integrator client, the integrator gets a token
 * with client credentials at web-ui and reads the feed through web-ui, paged and as a live server-sent event stream
 * resumed after {@code Last-Event-ID}; a webhook to a receiver on loopback (allowed for this stack with
 * {@code PDCA_WEBHOOK_ALLOWED_HOSTS}) gets every event, signed, in order; the integrator's token cannot command.
 */
class IntegratorFeedIT {

    private static final String UNIT_REGISTERED = "pdca.unit.unit-registered.v1";

    private static Stack stack;
    private static WebSession admin;
    private static String token;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        stack = Stack.start(Map.of("PDCA_WEBHOOK_ALLOWED_HOSTS", "127.0.0.1"));
        admin = stack.loginAsAdmin();
        HttpResponse<String> client = admin.postJson("/admin/api/clients", Map.of("clientId", "data-platform",
                "name", "市政务数据平台", "unitId", "*"), null);
        assertThat(client.statusCode()).as(client.body()).isEqualTo(201);
        assertThat(client.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        String secret = WebSession.json(client).get("clientSecret").asText();

        HttpResponse<String> issued = HTTP.send(HttpRequest.newBuilder(URI.create(stack.webUrl() + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("data-platform:" + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        token = WebSession.json(issued).get("access_token").asText();
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void theFeed_isReadPagedAndStreamed_throughWebUi_resumingExactlyAfterLastEventId() throws Exception {
        List<String> units = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            units.add(register("FEED-" + i));
        }
        List<JsonNode> events = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> unitEvents(feedPage(0)), found -> found.size() >= 3);
        assertThat(events).extracting(event -> event.get("subject").asText()).containsSubsequence(units);
        JsonNode first = events.stream().filter(e -> e.get("subject").asText().equals(units.get(0))).findFirst()
                .orElseThrow();
        assertThat(first.get("specversion").asText()).isEqualTo("1.0");
        assertThat(first.get("data").get("code").asText()).isEqualTo("FEED-1");
        long firstPosition = first.get("pdcaposition").asLong();

        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Stream<String>>> stream = HTTP.sendAsync(
                HttpRequest.newBuilder(URI.create(stack.webUrl() + "/api/feed/stream"))
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", "text/event-stream")
                        .header("Last-Event-ID", Long.toString(firstPosition)).GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> response = stream.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        Thread reader = new Thread(() -> response.body().forEach(lines::add), "sse-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> ids(lines).size() >= 2);
            assertThat(ids(lines).get(0)).as("the first event after Last-Event-ID")
                    .isGreaterThan(firstPosition);
            assertThat(ids(lines)).doesNotContain(firstPosition);

            String late = register("FEED-LIVE");
            await("an event appended while the stream is open arrives on it").atMost(Duration.ofSeconds(30))
                    .until(() -> String.join("\n", lines).contains(late));
            List<Long> received = ids(lines);
            assertThat(received).as("in order, no duplicates").isSorted().doesNotHaveDuplicates();
            List<Long> fed = new ArrayList<>();
            feedPage(firstPosition).forEach(event -> fed.add(event.get("pdcaposition").asLong()));
            assertThat(received).isEqualTo(fed.subList(0, received.size()));
        } finally {
            response.body().close();
        }
    }

    @Test
    void aWebhookToALoopbackReceiver_getsEveryEvent_signed_inOrder() throws Exception {
        List<Delivery> deliveries = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            HttpResponse<String> registered = bearer("POST", "/api/webhooks", String.format(
                    "{\"url\":\"http://127.0.0.1:%d/hook\",\"types\":[\"%s\"],\"after\":0}",
                    receiver.getAddress().getPort(), UNIT_REGISTERED));
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            JsonNode webhook = WebSession.json(registered);
            String secret = webhook.get("secret").asText();
            assertThat(secret).startsWith("whsec_");
            for (int i = 1; i <= 3; i++) {
                register("HOOK-" + i);
            }

            List<JsonNode> expected = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> unitEvents(feedPage(0)), found -> found.stream()
                            .anyMatch(e -> e.get("data").get("code").asText().equals("HOOK-3")));
            List<String> expectedIds = expected.stream().map(e -> e.get("id").asText()).toList();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> deliveries.stream().map(Delivery::id).distinct().count() >= expectedIds.size());

            assertThat(deliveries.stream().map(Delivery::id).distinct().toList()).as("in feed order")
                    .containsExactlyElementsOf(expectedIds);
            long previous = -1;
            for (Delivery delivery : deliveries) {
                assertThat(verify(secret, delivery)).as("signature of " + delivery.id()).isTrue();
                JsonNode event = WebSession.JSON.readTree(delivery.body());
                assertThat(event.get("id").asText()).isEqualTo(delivery.id());
                assertThat(event.get("type").asText()).isEqualTo(UNIT_REGISTERED);
                assertThat(event.get("pdcaposition").asLong()).isGreaterThanOrEqualTo(previous);
                previous = event.get("pdcaposition").asLong();
            }

            HttpResponse<String> log = bearer("GET", "/api/webhooks/" + webhook.get("id").asText() + "/deliveries",
                    null);
            assertThat(log.statusCode()).isEqualTo(200);
            assertThat(WebSession.json(log).findValuesAsText("status")).contains("delivered");
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void theIntegratorsToken_isRefusedOnCommandsAndViews_byWebUiAndByTheServices() throws Exception {
        HttpResponse<String> command = bearer("POST", "/api/units",
                "{\"code\":\"NOPE\",\"name\":{\"zh\":\"不行\",\"en\":\"No\"}}");
        assertThat(command.statusCode()).isEqualTo(403);
        assertThat(command.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(bearer("GET", "/api/units", null).statusCode()).isEqualTo(403);

        HttpResponse<String> direct = HTTP.send(HttpRequest.newBuilder(URI.create(stack.commandUrl() + "/api/units"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"NOPE\",\"name\":{\"zh\":\"不行\",\"en\":\"No\"}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(direct.statusCode()).as("command-service itself").isEqualTo(403);
    }

    private static String register(String code) throws Exception {
        HttpResponse<String> created = admin.postJson("/api/units", Map.of("code", code,
                "name", Map.of("zh", "单位" + code, "en", "Unit " + code)), null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return WebSession.json(created).get("unitId").asText();
    }

    private static List<JsonNode> feedPage(long after) throws Exception {
        HttpResponse<String> page = bearer("GET", "/api/feed?after=" + after + "&limit=500", null);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/cloudevents-batch+json");
        List<JsonNode> events = new ArrayList<>();
        WebSession.json(page).forEach(events::add);
        return events;
    }

    private static List<JsonNode> unitEvents(List<JsonNode> events) {
        return events.stream().filter(event -> event.get("type").asText().equals(UNIT_REGISTERED)).toList();
    }

    /** The {@code id:} fields of the events received so far, in order. */
    private static List<Long> ids(List<String> lines) {
        return lines.stream().filter(line -> line.startsWith("id:"))
                .map(line -> Long.parseLong(line.substring(3).trim())).toList();
    }

    private static HttpResponse<String> bearer(String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.webUrl() + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(60));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(json));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Standard Webhooks v1: base64 HMAC-SHA256 over "id.timestamp.body" with the key the whsec_ secret encodes. */
    private static boolean verify(String secret, Delivery delivery) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        mac.update((delivery.id() + "." + delivery.timestamp() + ".").getBytes(StandardCharsets.UTF_8));
        byte[] expected = ("v1," + Base64.getEncoder().encodeToString(mac.doFinal(delivery.body())))
                .getBytes(StandardCharsets.US_ASCII);
        for (String candidate : delivery.signature().split(" ")) {
            if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    private record Delivery(String id, String timestamp, String signature, byte[] body) {
    }
}
