package org.pdcaledger.web.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pdcaledger.web.support.EmbeddedCredentialStore;
import org.pdcaledger.web.support.StubServices;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * The cookies as a real Tomcat sends them: HttpOnly and SameSite=Lax always, Secure when the request came over HTTPS,
 * which behind a TLS-terminating proxy on loopback means {@code X-Forwarded-Proto: https}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"pdca.startup.check-stores=false", "pdca.admin-password=admin-password-for-tests"})
@ContextConfiguration(initializers = {EmbeddedCredentialStore.class, StubServices.class})
class SessionCookieTest {

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private List<String> cookiesFor(boolean viaHttpsProxy) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .header("Accept", "text/html");
        if (viaHttpsProxy) {
            request.header("X-Forwarded-Proto", "https");
        }
        HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(302);
        return response.headers().allValues("Set-Cookie");
    }

    @Test
    void overHttpsBehindAProxy_theSessionAndCsrfCookies_areSecure_HttpOnlyAndLax() throws Exception {
        List<String> cookies = cookiesFor(true);

        assertThat(cookies).filteredOn(c -> c.startsWith("PDCA_SESSION=")).singleElement().satisfies(c -> assertThat(c)
                .contains("HttpOnly").contains("Secure").containsIgnoringCase("SameSite=Lax"));
        assertThat(cookies).filteredOn(c -> c.startsWith("XSRF-TOKEN=")).singleElement().satisfies(c -> assertThat(c)
                .contains("Secure").containsIgnoringCase("SameSite=Lax").doesNotContain("HttpOnly"));
    }

    @Test
    void overPlainHttp_theSessionCookie_isHttpOnlyAndLax_butNotSecure() throws Exception {
        List<String> cookies = cookiesFor(false);

        assertThat(cookies).filteredOn(c -> c.startsWith("PDCA_SESSION=")).singleElement().satisfies(c -> assertThat(c)
                .contains("HttpOnly").doesNotContain("Secure").containsIgnoringCase("SameSite=Lax"));
    }
}
