package org.pdcaledger.web.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pdcaledger.support.security.IdentityToken;
import org.pdcaledger.support.security.TestIdentityTokens;
import org.pdcaledger.web.support.StubServices;
import org.pdcaledger.web.support.WebUiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;
import com.mongodb.client.MongoDatabase;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * An integrator's whole path: an admin creates the client (secret shown once), the integrator gets a token with
 * client credentials, reads the feed through web-ui (the same token reaches the service), is refused everything
 * else, and is refused altogether once the client is revoked.
 */
@WebUiTest
class ClientCredentialsFlowTest {

    @Autowired
    MockMvc http;
    @Autowired
    StubServices services;
    @Autowired
    IdentityTokenIssuer issuer;
    @Autowired
    MongoDatabase credentialStore;

    private String clientId;
    private String secret;

    @BeforeEach
    void createClient() throws Exception {
        services.reset();
        String answer = http.perform(post("/admin/api/clients").with(user("admin")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"市政务数据平台\",\"unitId\":\"u-city\"}"))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        clientId = JsonPath.read(answer, "$.client.clientId");
        secret = JsonPath.read(answer, "$.clientSecret");
    }

    private String token() throws Exception {
        String answer = http.perform(post("/oauth2/token").with(httpBasic(clientId, secret))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("grant_type", "client_credentials"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.token_type").value("Bearer"))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(answer, "$.access_token");
    }

    private Jwt verifiedThroughTheKeySet(String token) throws Exception {
        String jwks = http.perform(get("/oauth2/jwks")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        RSAKey key = JWKSet.parse(jwks).getKeys().get(0).toRSAKey();
        assertThat(key.isPrivate()).isFalse();
        return NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build().decode(token);
    }

    @Test
    void theToken_carriesTheServicesClaims_andVerifiesWithThePublishedKeySet_likeAPersonsToken() throws Exception {
        Jwt jwt = verifiedThroughTheKeySet(token());

        assertThat(jwt.getSubject()).isEqualTo(clientId);
        assertThat(jwt.getClaimAsString("iss")).isEqualTo(IdentityToken.DEFAULT_ISSUER);
        assertThat(jwt.getAudience()).containsExactly(IdentityToken.AUDIENCE);
        assertThat(jwt.getClaimAsStringList(IdentityToken.CLAIM_GRANTS)).containsExactly("INTEGRATOR@u-city");
        assertThat(jwt.getClaimAsBoolean(IdentityToken.CLAIM_CLIENT)).isTrue();
        assertThat(jwt.getExpiresAt()).isBefore(Instant.now().plusSeconds(301));

        Jwt person = verifiedThroughTheKeySet(issuer.issue("li.lei", "李雷", List.of(), false));
        assertThat(person.getSubject()).isEqualTo("li.lei");
    }

    @Test
    void clientSecretPost_works_too() throws Exception {
        http.perform(post("/oauth2/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("grant_type", "client_credentials")
                        .param("client_id", clientId)
                        .param("client_secret", secret))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.access_token").isNotEmpty());
    }

    @Test
    void aWrongSecret_getsNoToken() throws Exception {
        http.perform(post("/oauth2/token").with(httpBasic(clientId, secret + "x"))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("grant_type", "client_credentials"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("invalid_client"));
    }

    @Test
    void theFeed_isForwarded_withTheSameToken() throws Exception {
        String token = token();

        http.perform(get("/api/feed?after=0").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());

        assertThat(services.received()).singleElement().satisfies(request -> {
            assertThat(request.pathAndQuery()).isEqualTo("/api/feed?after=0");
            assertThat(request.bearerToken()).isEqualTo(token);
        });
    }

    @Test
    void webhooks_canBeManaged_withoutACsrfToken_becauseABearerTokenIsNoCookie() throws Exception {
        http.perform(post("/api/webhooks").header("Authorization", "Bearer " + token())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"url\":\"https://example.org/hook\"}"))
                .andExpect(status().isOk());

        assertThat(services.received()).singleElement()
                .satisfies(request -> assertThat(request.method()).isEqualTo("POST"));
    }

    @Test
    void anIntegratorToken_cannotCallACommand_norReadOtherViews_norTheAdministration() throws Exception {
        String token = token();

        http.perform(post("/api/units").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("access-denied"));
        http.perform(get("/api/units").header("Authorization", "Bearer " + token))
                .andExpect(status().isForbidden());
        http.perform(get("/admin/api/users").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());

        assertThat(services.received()).isEmpty();
    }

    @Test
    void aRevokedClient_getsNoToken_andItsTokenIsRefused() throws Exception {
        String token = token();

        http.perform(delete("/admin/api/clients/" + clientId).with(user("admin")).with(csrf()))
                .andExpect(status().isNoContent());

        http.perform(post("/oauth2/token").with(httpBasic(clientId, secret))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("grant_type", "client_credentials"))
                .andExpect(status().isUnauthorized());
        http.perform(get("/api/feed").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
        assertThat(services.received()).isEmpty();
    }

    @Test
    void forged_expired_andPersonTokens_areRefusedAtTheApi() throws Exception {
        http.perform(get("/api/feed").header("Authorization", "Bearer "
                        + TestIdentityTokens.client(clientId, "INTEGRATOR@u-city")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("unauthenticated"));
        http.perform(get("/api/feed").header("Authorization", "Bearer " + signedWithWebUisKey(
                        Instant.now().minusSeconds(60), true)))
                .andExpect(status().isUnauthorized());
        http.perform(get("/api/feed").header("Authorization", "Bearer " + issuer.issue("admin", "Administrator",
                        List.of(org.pdcaledger.kernel.access.Grant.parse("ADMIN@*")), false)))
                .andExpect(status().isUnauthorized());
        assertThat(services.received()).isEmpty();
    }

    @Test
    void theSecret_isStoredOnlyAsAHash_andNeverInTheAuditLog() throws Exception {
        Document stored = credentialStore.getCollection("clients").find(new Document("_id", clientId)).first();
        assertThat(stored.getString("secretHash")).startsWith("{bcrypt}").doesNotContain(secret);
        assertThat(stored.toJson()).doesNotContain(secret);

        String audit = http.perform(get("/admin/api/audit").with(user("admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].action").value("client-created"))
                .andExpect(jsonPath("$[0].actor").value("admin"))
                .andExpect(jsonPath("$[0].subject").value(clientId))
                .andReturn().getResponse().getContentAsString();
        assertThat(audit).doesNotContain(secret).doesNotContain(stored.getString("secretHash"));

        http.perform(get("/admin/api/clients").with(user("admin")))
                .andExpect(jsonPath("$[?(@.clientId == '" + clientId + "')].grant").value("INTEGRATOR@u-city"))
                .andExpect(jsonPath("$[0].clientSecret").doesNotExist())
                .andExpect(jsonPath("$[0].secretHash").doesNotExist());
    }

    private String signedWithWebUisKey(Instant expiresAt, boolean client) throws Exception {
        RSAKey key = (RSAKey) issuer.signingKeys().get(new JWKSelector(new JWKMatcher.Builder().build()), null)
                .get(0);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer(IdentityToken.DEFAULT_ISSUER).audience(IdentityToken.AUDIENCE)
                        .subject(clientId).expirationTime(Date.from(expiresAt))
                        .claim(IdentityToken.CLAIM_GRANTS, List.of("INTEGRATOR@u-city"))
                        .claim(IdentityToken.CLAIM_CLIENT, client).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
