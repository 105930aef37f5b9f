package org.pdcaledger.web.config;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.pdcaledger.web.access.IdentityTokenIssuer;
import org.pdcaledger.web.access.PendingGrants;
import org.pdcaledger.web.access.UserAccount;
import org.pdcaledger.web.access.UserAccounts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How the pages talk to the services: reads go to query-service, commands to command-service, each with a
 * short-lived identity token for the person logged in (their grants read from the account on every call, as the
 * {@code /api/**} gateway does), so the services apply the same scope rules to a page as to the JSON API.
 */
@Component
public class ServiceClient {

    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(5);

    private final URI commandService;
    private final URI queryService;
    private final IdentityTokenIssuer tokens;
    private final UserAccounts accounts;
    private final PendingGrants pendingGrants;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    ServiceClient(@Value("${pdca.services.command-url}") URI commandService,
            @Value("${pdca.services.query-url}") URI queryService, IdentityTokenIssuer tokens, UserAccounts accounts,
            PendingGrants pendingGrants, ObjectMapper json) {
        this.commandService = commandService;
        this.queryService = queryService;
        this.tokens = tokens;
        this.accounts = accounts;
        this.pendingGrants = pendingGrants;
        this.json = json;
    }

    /** A read that must succeed; 404 becomes {@link PageNotFoundException}. */
    public <T> T read(String pathAndQuery, Class<T> type) {
        return read(pathAndQuery, json.constructType(type));
    }

    public <T> T read(String pathAndQuery, TypeReference<T> type) {
        return read(pathAndQuery, json.getTypeFactory().constructType(type));
    }

    /** A read whose "not found" is an ordinary answer (an empty list, a view not projected yet). */
    public <T> Optional<T> find(String pathAndQuery, Class<T> type) {
        try {
            return Optional.of(read(pathAndQuery, type));
        } catch (PageNotFoundException e) {
            return Optional.empty();
        }
    }

    /** A read as a JSON tree, for views whose shape the page only partly needs. */
    public JsonNode readTree(String pathAndQuery) {
        return read(pathAndQuery, JsonNode.class);
    }

    /** The raw answer of a read, for pages that treat every status themselves. */
    public ServiceAnswer get(String pathAndQuery) {
        return send(queryService, "GET", pathAndQuery, null, null, null);
    }

    /**
     * Waits (a few seconds at most) until query-service shows {@code path} at {@code version} or later, so the page a
     * person is sent to after a write shows that write: the read models follow the event store asynchronously.
     */
    public boolean awaitProjected(String path, long version) {
        long deadline = System.nanoTime() + PROJECTION_WAIT.toNanos();
        while (true) {
            ServiceAnswer answer = get(path);
            if (answer.succeeded() && answer.body() != null && answer.body().path("version").asLong(-1) >= version) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    public ServiceAnswer post(String path, Object body, Long ifMatch) {
        return send(commandService, "POST", path, "application/json", bytes(body), ifMatch);
    }

    public ServiceAnswer put(String path, Object body, Long ifMatch) {
        return send(commandService, "PUT", path, "application/json", bytes(body), ifMatch);
    }

    /** A document upload (CSV, YAML) in its own media type. */
    public ServiceAnswer upload(String path, String contentType, byte[] document) {
        return send(commandService, "POST", path, contentType, document, null);
    }

    /** A write on a resource query-service owns (the integrator's webhooks). */
    public ServiceAnswer sendToQueryService(String method, String path, Object body) {
        return send(queryService, method, path, body == null ? null : "application/json",
                body == null ? null : bytes(body), null);
    }

    private <T> T read(String pathAndQuery, JavaType type) {
        ServiceAnswer answer = get(pathAndQuery);
        if (answer.status() == 404) {
            throw new PageNotFoundException(pathAndQuery);
        }
        if (!answer.succeeded()) {
            throw new ServiceFailureException(answer.status(), answer.problem(),
                    "GET " + pathAndQuery + " answered " + answer.status());
        }
        return json.convertValue(answer.body(), type);
    }

    private ServiceAnswer send(URI service, String method, String pathAndQuery, String contentType, byte[] body,
            Long ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token())
                .header("Accept", "application/json, application/problem+json")
                .header("Accept-Language", LocaleContextHolder.getLocale().toLanguageTag())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (ifMatch != null) {
            request.header("If-Match", "\"" + ifMatch + "\"");
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException | HttpTimeoutException e) {
            throw new ServiceFailureException(503, null, serviceName(service) + " is not reachable");
        } catch (IOException e) {
            throw new ServiceFailureException(503, null, serviceName(service) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceFailureException(503, null, "interrupted");
        }
        JsonNode tree = parse(response.body());
        Long version = response.headers().firstValue("ETag").map(ServiceClient::version).orElse(null);
        ServiceProblem problem = response.statusCode() >= 400 ? problem(response.statusCode(), tree) : null;
        return new ServiceAnswer(response.statusCode(), tree, version, problem);
    }

    private String token() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String username = authentication == null ? null : authentication.getName();
        UserAccount account = username == null ? null : accounts.find(username).orElse(null);
        if (account == null || !account.enabled()) {
            throw new ServiceFailureException(401, null, "no enabled account behind this session");
        }
        account = pendingGrants.resolve(account);
        return tokens.issue(account.username(), account.displayName(), account.grants(), false);
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return json.getNodeFactory().textNode(new String(body, StandardCharsets.UTF_8));
        }
    }

    private static ServiceProblem problem(int status, JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            return new ServiceProblem(status, "http-" + status, null, null, List.of());
        }
        List<ServiceProblem.FieldProblem> errors = new ArrayList<>();
        if (tree.has("errors") && tree.get("errors").isArray()) {
            tree.get("errors").forEach(error -> errors.add(new ServiceProblem.FieldProblem(
                    text(error, "field"), text(error, "code"), text(error, "message"))));
        }
        String code = text(tree, "code");
        return new ServiceProblem(status, code == null ? "http-" + status : code, text(tree, "field"),
                text(tree, "detail"), errors);
    }

    private static String text(JsonNode node, String property) {
        return node.hasNonNull(property) ? node.get(property).asText() : null;
    }

    private byte[] bytes(Object body) {
        if (body == null) {
            return null;
        }
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the request body", e);
        }
    }

    private static Long version(String etag) {
        String digits = etag.replace("W/", "").replace("\"", "").trim();
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String serviceName(URI service) {
        return service == commandService ? "command-service" : "query-service";
    }
}
