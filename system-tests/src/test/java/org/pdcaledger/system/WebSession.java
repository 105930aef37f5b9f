package org.pdcaledger.system;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A browser-like session against web-ui over real HTTP: logs in through the form, keeps the session cookie and
 * echoes the CSRF token on every state change, as the pages do.
 */
public final class WebSession {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    private WebSession(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public static WebSession login(String baseUrl, String username, String password)
            throws IOException, InterruptedException {
        WebSession session = new WebSession(baseUrl);
        session.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login")).GET());
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(session.csrfToken(), StandardCharsets.UTF_8);
        HttpResponse<String> response = session.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("login as " + username + " failed: " + response.statusCode() + " "
                    + location);
        }
        return session;
    }

    public String csrfToken() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no XSRF-TOKEN cookie"));
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json").GET());
    }

    public HttpResponse<String> postJson(String path, Object body, String ifMatch) throws IOException, InterruptedException {
        return write("POST", path, body, ifMatch);
    }

    public HttpResponse<String> putJson(String path, Object body, String ifMatch) throws IOException, InterruptedException {
        return write("PUT", path, body, ifMatch);
    }

    public HttpResponse<String> write(String method, String path, Object body, String ifMatch)
            throws IOException, InterruptedException {
        return write(method, path, "application/json", body == null ? null
                : body instanceof String text ? text : JSON.writeValueAsString(body), ifMatch);
    }

    /** A state change with a body of any media type (YAML, CSV, …), sent byte for byte as given. */
    HttpResponse<String> write(String method, String path, String contentType, String body, String ifMatch)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .header("X-XSRF-TOKEN", csrfToken())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }
}
