package org.pdcaledger.web.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.pdcaledger.support.security.CallerAuthentication;
import org.pdcaledger.web.access.IdentityTokenIssuer;
import org.pdcaledger.web.access.PendingGrants;
import org.pdcaledger.web.access.UserAccount;
import org.pdcaledger.web.access.UserAccounts;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves the public JSON API ({@code /api/**}) by forwarding each request to the service that owns it: for a
 * logged-in browser with an identity token signed for the person behind the session (grants are read from the
 * account on every request, so a revoked grant takes effect at once); for an integrator with its own bearer token,
 * which web-ui has already checked (client not revoked, path within the feed and webhooks). Responses, including problem documents, pass through
 * unchanged; an unreachable service becomes a 503 problem.
 */
@RestController
class ApiGateway {

    private static final Set<String> FORWARDED_REQUEST_HEADERS = Set.of("content-type", "accept", "accept-language",
            "if-match", "if-none-match", "last-event-id");
    private static final Set<String> FORWARDED_RESPONSE_HEADERS = Set.of("content-type", "etag", "retry-after",
            "cache-control", "content-disposition", "last-modified", "link");
    private static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

    private final ServiceRoutes routes;
    private final IdentityTokenIssuer tokens;
    private final UserAccounts accounts;
    private final PendingGrants pendingGrants;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    ApiGateway(ServiceRoutes routes, IdentityTokenIssuer tokens, UserAccounts accounts, PendingGrants pendingGrants) {
        this.routes = routes;
        this.tokens = tokens;
        this.accounts = accounts;
        this.pendingGrants = pendingGrants;
    }

    @RequestMapping("/api/**")
    void forward(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        String pathAndQuery = request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        URI target = routes.target(request.getMethod(), pathAndQuery);
        String bearer;
        if (authentication instanceof CallerAuthentication integrator) {
            // an integrator's own token, already checked and confined to the feed and webhooks: forward it as is
            bearer = integrator.getToken().getTokenValue();
        } else {
            UserAccount account = accounts.find(authentication.getName()).orElse(null);
            if (account == null || !account.enabled()) {
                GatewayProblems.write(response, 401, "unauthenticated", "the account no longer exists or is disabled");
                return;
            }
            account = pendingGrants.resolve(account);
            bearer = tokens.issue(account.username(), account.displayName(), account.grants(), false);
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            GatewayProblems.write(response, 413, "body-too-large", "the request body is larger than 2 MB");
            return;
        }
        HttpRequest.Builder outbound = HttpRequest.newBuilder(target)
                .timeout(isStream(pathAndQuery) ? Duration.ofHours(12) : Duration.ofSeconds(60))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer)
                .method(request.getMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String name : java.util.Collections.list(request.getHeaderNames())) {
            if (FORWARDED_REQUEST_HEADERS.contains(name.toLowerCase())) {
                for (String value : java.util.Collections.list(request.getHeaders(name))) {
                    outbound.header(name, value);
                }
            }
        }
        HttpResponse<InputStream> answer;
        try {
            answer = http.send(outbound.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException | HttpTimeoutException e) {
            GatewayProblems.write(response, 503, "service-unavailable",
                    routes.serviceName(target) + " is not reachable; try again shortly");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            GatewayProblems.write(response, 503, "service-unavailable", "the request was interrupted");
            return;
        }
        response.setStatus(answer.statusCode());
        answer.headers().map().forEach((name, values) -> {
            if (FORWARDED_RESPONSE_HEADERS.contains(name.toLowerCase())) {
                values.forEach(value -> response.addHeader(name, value));
            }
        });
        answer.headers().firstValue(HttpHeaders.LOCATION)
                .ifPresent(location -> response.setHeader(HttpHeaders.LOCATION, URI.create(location).getPath()));
        try (InputStream in = answer.body(); OutputStream out = response.getOutputStream()) {
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                if (in.available() == 0) {
                    out.flush();
                }
            }
        }
    }

    private static boolean isStream(String pathAndQuery) {
        return pathAndQuery.startsWith("/api/feed/stream");
    }

    static List<String> forwardedRequestHeaders() {
        return List.copyOf(FORWARDED_REQUEST_HEADERS);
    }
}
