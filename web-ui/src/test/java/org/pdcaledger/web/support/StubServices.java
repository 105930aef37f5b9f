package org.pdcaledger.web.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for command-service and query-service on one loopback port (a JDK HTTP server): records every request
 * web-ui forwards and answers {@code 200 []}, or what a test set for a path. Registered as a bean of the test
 * context, with {@code pdca.services.*-url} pointed at it.
 */
public class StubServices implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** A request as a service received it. */
    public record Received(String method, String pathAndQuery, String authorization, String body) {

        public String bearerToken() {
            return authorization == null ? null : authorization.substring("Bearer ".length());
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final Map<String, Answer> exactAnswers = new ConcurrentHashMap<>();

    /** A canned answer with its status, for one method and path (problem documents, ETags, 404s). */
    public record Answer(int status, String body, String etag) {
    }
    private HttpServer server;

    public List<Received> received() {
        return received;
    }

    /** Answers {@code GET path} with {@code json} from now on. */
    public void answer(String path, String json) {
        answers.put(path, json);
    }

    /**
     * Answers {@code method path} with {@code status} and {@code body} from now on (a problem document for 4xx and
     * 5xx), and with {@code ETag: "etag"} when {@code etag} is not {@code null}.
     */
    public void answer(String method, String path, int status, String body, Long etag) {
        exactAnswers.put(method + " " + path, new Answer(status, body, etag == null ? null : "\"" + etag + "\""));
    }

    public void reset() {
        received.clear();
        answers.clear();
        exactAnswers.clear();
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            String path = exchange.getRequestURI().getRawPath();
            received.add(new Received(exchange.getRequestMethod(), path + (query == null ? "" : "?" + query),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            Answer exact = exactAnswers.get(exchange.getRequestMethod() + " " + path);
            int status = exact == null ? 200 : exact.status();
            byte[] body = (exact == null ? answers.getOrDefault(path, "[]") : exact.body())
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type",
                    status >= 400 ? "application/problem+json" : "application/json");
            if (exact != null && exact.etag() != null) {
                exchange.getResponseHeaders().add("ETag", exact.etag());
            }
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("stub-services",
                Map.of("pdca.services.command-url", url, "pdca.services.query-url", url)));
        context.getBeanFactory().registerSingleton("stubServices", this);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                server.stop(0);
            }
        });
    }
}
