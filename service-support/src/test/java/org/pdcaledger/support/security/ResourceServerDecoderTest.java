package org.pdcaledger.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pdcaledger.kernel.access.Grant;
import org.pdcaledger.kernel.access.Role;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;

/**
 * Which identity tokens a service trusts is configuration only: web-ui's tokens by default, an external OIDC
 * provider's when {@code pdca.security.jwt.issuer-uri} is set (with its claims mapped by configuration).
 */
class ResourceServerDecoderTest {

    private HttpServer provider;
    private String issuerUri;
    private final AtomicInteger discoveries = new AtomicInteger();

    @BeforeEach
    void startProvider() throws IOException {
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuerUri = "http://127.0.0.1:" + provider.getAddress().getPort() + "/realms/gov";
        String jwks = new JWKSet(new RSAKey.Builder(ResourceServerSecurity.readPublicKey(
                new ClassPathResource("identity/test-public.pem"))).keyID("test").build()).toString();
        provider.createContext("/realms/gov/.well-known/openid-configuration", exchange -> {
            discoveries.incrementAndGet();
            respond(exchange, "{\"issuer\":\"" + issuerUri + "\",\"jwks_uri\":\"" + issuerUri + "/certs\","
                    + "\"subject_types_supported\":[\"public\"]}");
        });
        provider.createContext("/realms/gov/certs", exchange -> respond(exchange, jwks));
        provider.start();
    }

    @AfterEach
    void stopProvider() {
        provider.stop(0);
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private ResourceServerProperties external(ResourceServerProperties.ClaimNames claims) {
        return new ResourceServerProperties(null, null, issuerUri, null, null, claims);
    }

    @Test
    void anExternalProvider_isDiscoveredOnFirstUse_andItsTokensAreTrusted() throws Exception {
        var decoder = ResourceServerSecurity.decoderFor(external(null));
        assertThat(discoveries).as("no network call at start").hasValue(0);

        Jwt jwt = decoder.decode(TestIdentityTokens.sign("li.lei", new String[] {"LEADER@u-a"}, false, issuerUri,
                Instant.now().plus(Duration.ofMinutes(5))));

        assertThat(discoveries.get()).isPositive();
        Caller caller = new CallerConverter().callerOf(jwt);
        assertThat(caller.grants()).containsExactly(new Grant(Role.LEADER, "u-a"));
    }

    @Test
    void withAnExternalProvider_webUisOwnTokens_areRefused() throws Exception {
        var decoder = ResourceServerSecurity.decoderFor(external(null));

        assertThatThrownBy(() -> decoder.decode(TestIdentityTokens.person("admin", "ADMIN@*")))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("iss");
    }

    @Test
    void byDefault_theConfiguredKey_andIssuer_andAudience_areRequired() throws Exception {
        var decoder = ResourceServerSecurity.decoderFor(new ResourceServerProperties(null, null, null,
                new ClassPathResource("identity/test-public.pem"), null, null));

        assertThat(decoder.decode(TestIdentityTokens.person("admin", "ADMIN@*")).getSubject()).isEqualTo("admin");
        assertThatThrownBy(() -> decoder.decode(TestIdentityTokens.expired("admin", "ADMIN@*")))
                .isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> decoder.decode(TestIdentityTokens.wrongIssuer("admin", "ADMIN@*")))
                .isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> decoder.decode(withAudience("somebody-else")))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("aud");
    }

    @Test
    void anExternalProvidersClaimNames_areMappedByConfiguration() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("u-123")
                .claim("preferred_username", "张伟")
                .claim("pdca_grants", "ASSESSOR@u-a LEADER@*")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60))
                .build();
        var converter = new CallerConverter(new ResourceServerProperties.ClaimNames("preferred_username",
                "pdca_grants", "pdca_client"));

        Caller caller = converter.callerOf(jwt);

        assertThat(caller.displayName()).isEqualTo("张伟");
        assertThat(caller.grants()).containsExactly(new Grant(Role.ASSESSOR, "u-a"), new Grant(Role.LEADER, "*"));
        assertThat(caller.client()).isFalse();
    }

    @Test
    void aClientToken_claimingAPersonsRole_isUnusable() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("feed-reader")
                .claim(IdentityToken.CLAIM_GRANTS, List.of("INTEGRATOR@*", "ADMIN@*"))
                .claim(IdentityToken.CLAIM_CLIENT, true)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60))
                .build();

        assertThatThrownBy(() -> new CallerConverter().callerOf(jwt)).isInstanceOf(InvalidBearerTokenException.class);
    }

    @Test
    void aMalformedGrant_makesTheTokenUnusable() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("x")
                .claim(IdentityToken.CLAIM_GRANTS, List.of("KING@*"))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60))
                .build();

        assertThatThrownBy(() -> new CallerConverter().callerOf(jwt)).isInstanceOf(InvalidBearerTokenException.class);
    }

    private static String withAudience(String audience) {
        var claims = new com.nimbusds.jwt.JWTClaimsSet.Builder()
                .issuer(IdentityToken.DEFAULT_ISSUER).audience(audience).subject("admin")
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .claim(IdentityToken.CLAIM_GRANTS, List.of("ADMIN@*")).build();
        return TestIdentityTokens.signClaims(claims);
    }
}
