package org.pdcaledger.query.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

class WebhookSenderTest {

    private HttpServer server;
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private WebhookSender sender;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/redirect", exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            exchange.getResponseHeaders().add("Location", "/target");
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        server.createContext("/target", exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/huge", exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(500, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] chunk = new byte[64 * 1024];
                java.util.Arrays.fill(chunk, (byte) 'x');
                for (int i = 0; i < 1024; i++) {
                    out.write(chunk);
                }
            } catch (java.io.IOException senderStoppedReading) {
                // expected: the sender reads only the first bytes
            }
        });
        server.start();
        sender = new WebhookSender(new OutboundAddressPolicy(List.of("127.0.0.0/8"), host -> {
            try {
                return host.equals("rebound.test") ? new InetAddress[] {InetAddress.getByName("10.0.0.9")}
                        : InetAddress.getAllByName(host);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(e);
            }
        }), new WebhookProperties(List.of(), null, null, null, Duration.ofMillis(500), Duration.ofSeconds(2), 1024,
                null, null, null, null));
    }

    @AfterEach
    void stop() throws Exception {
        sender.close();
        server.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void redirects_areNotFollowed_butRecordedAsTheAnswer() {
        WebhookSender.Outcome outcome = sender.post(url("/redirect"), Map.of(), new byte[0]);

        assertThat(outcome.status()).isEqualTo(307);
        assertThat(outcome.delivered()).isFalse();
        assertThat(paths).containsExactly("/redirect");
    }

    @Test
    void aHugeAnswer_isReadOnlyUpToTheLimit() {
        long started = System.nanoTime();
        WebhookSender.Outcome outcome = sender.post(url("/huge"), Map.of(), new byte[0]);

        assertThat(outcome.status()).as(String.valueOf(outcome)).isEqualTo(500);
        assertThat(outcome.responseExcerpt()).hasSize(256);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aHostThatNowResolvesToAPrivateAddress_isRefusedAtDeliveryTime_withoutConnecting() {
        WebhookSender.Outcome outcome = sender.post(URI.create("http://rebound.test:8080/hook"), Map.of(),
                new byte[0]);

        assertThat(outcome.status()).isNull();
        assertThat(outcome.error()).startsWith("refused:").contains("10.0.0.9");
    }
}
