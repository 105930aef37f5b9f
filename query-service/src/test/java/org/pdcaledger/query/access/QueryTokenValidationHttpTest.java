package org.pdcaledger.query.access;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pdcaledger.query.support.QueryServiceTest;
import org.pdcaledger.support.security.IdentityToken;
import org.pdcaledger.support.security.TestIdentityTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.nimbusds.jwt.JWTClaimsSet;

/**
 * The query service refuses every token it cannot trust with 401 and a problem document.
 */
@QueryServiceTest
class QueryTokenValidationHttpTest {

    @Autowired
    MockMvc http;

    @Test
    void aForgedToken_is401() throws Exception {
        String token = TestIdentityTokens.person("admin", "ADMIN@*");
        String[] parts = token.split("\\.");
        String otherPayload = TestIdentityTokens.person("mallory", "ADMIN@*").split("\\.")[1];
        http.perform(get("/api/units").header("Authorization", "Bearer " + parts[0] + "." + otherPayload + "."
                        + parts[2]))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer")))
                .andExpect(jsonPath("$.code").value("unauthenticated"));
    }

    @Test
    void anExpiredToken_is401() throws Exception {
        http.perform(get("/api/units").header("Authorization", "Bearer "
                        + TestIdentityTokens.expired("admin", "ADMIN@*")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aTokenFromAnotherIssuer_orForAnotherAudience_is401() throws Exception {
        http.perform(get("/api/units").header("Authorization", "Bearer "
                        + TestIdentityTokens.wrongIssuer("admin", "ADMIN@*")))
                .andExpect(status().isUnauthorized());
        String otherAudience = TestIdentityTokens.signClaims(new JWTClaimsSet.Builder()
                .issuer(IdentityToken.DEFAULT_ISSUER).audience("another-api").subject("admin")
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .claim(IdentityToken.CLAIM_GRANTS, List.of("ADMIN@*")).build());
        http.perform(get("/api/units").header("Authorization", "Bearer " + otherAudience))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aClientTokenClaimingAdmin_is401() throws Exception {
        String token = TestIdentityTokens.signClaims(new JWTClaimsSet.Builder()
                .issuer(IdentityToken.DEFAULT_ISSUER).audience(IdentityToken.AUDIENCE).subject("feed-reader")
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .claim(IdentityToken.CLAIM_CLIENT, true)
                .claim(IdentityToken.CLAIM_GRANTS, List.of("ADMIN@*")).build());
        http.perform(get("/api/units").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anIntegratorToken_isRefused_outsideTheFeedAndWebhooks() throws Exception {
        http.perform(get("/api/units").header("Authorization", "Bearer "
                        + TestIdentityTokens.client("feed-reader", "INTEGRATOR@*")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("access-denied"));
    }
}
