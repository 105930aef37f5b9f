package org.pdcaledger.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** HTTP/1.1 calls on loopback with a bearer token; one client per benchmark, shared by all its threads. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "bench-http");
                thread.setDaemon(true);
                return thread;
            }))
            .build();

    record Answer(int status, String body, String etag) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
            }
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }

        long version() {
            return Long.parseLong(etag.replace("\"", "").replace("W/", ""));
        }
    }

    Answer get(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120)).GET(), token);
    }

    Answer post(String url, String token, Object body, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofString(write(body)))
                .header("Content-Type", "application/json");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request, token);
    }

    Answer postCsv(String url, String token, String csv) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(20))
                .POST(HttpRequest.BodyPublishers.ofString(csv)).header("Content-Type", "text/csv"), token);
    }

    private Answer send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        request.header("Accept", "application/json");
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String write(Object body) {
        try {
            return body instanceof String text ? text : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
