package org.pdcaledger.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pdcaledger.kernel.access.Grant;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class IntegratorConfinementTest {

    private static final Caller PLAIN = new Caller("feed-reader", "Feed reader",
            List.of(Grant.parse("INTEGRATOR@u-a")), true);
    private static final Caller HOTLINE = new Caller("hotline-12345", "12345 hotline",
            List.of(Grant.parse("INTEGRATOR@u-a")), true, Set.of(IdentityToken.SCOPE_FEEDBACK_WRITE));

    @Test
    void aPlainIntegrator_readsTheFeedAndWebhooks_butMayNotPostFeedback() {
        assertThat(IntegratorConfinement.permits("GET", "/api/feed", PLAIN)).isTrue();
        assertThat(IntegratorConfinement.permits("POST", "/api/webhooks", PLAIN)).isTrue();
        assertThat(IntegratorConfinement.permits("POST", "/api/feedback", PLAIN)).isFalse();
    }

    @Test
    void anIntegratorWithTheFeedbackRight_mayPostOneItem_butNothingElseOfFeedback() {
        assertThat(IntegratorConfinement.permits("POST", "/api/feedback", HOTLINE)).isTrue();
        assertThat(IntegratorConfinement.permits("POST", "/api/feedback/imports", HOTLINE)).isFalse();
        assertThat(IntegratorConfinement.permits("POST", "/api/feedback/fb-1/link", HOTLINE)).isFalse();
        assertThat(IntegratorConfinement.permits("GET", "/api/feedback", HOTLINE)).isFalse();
        assertThat(IntegratorConfinement.permits("GET", "/api/feedback/summary", HOTLINE)).isFalse();
        assertThat(IntegratorConfinement.permits("POST", "/api/initiatives", HOTLINE)).isFalse();
    }

    @Test
    void aClientTokensScope_becomesItsRights_andScopeAuthorities() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("hotline-12345")
                .claim(IdentityToken.CLAIM_GRANTS, List.of("INTEGRATOR@u-a"))
                .claim(IdentityToken.CLAIM_CLIENT, true)
                .claim(IdentityToken.CLAIM_SCOPE, "feedback:write events:read")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60))
                .build();

        CallerAuthentication authentication = (CallerAuthentication) new CallerConverter().convert(jwt);

        assertThat(authentication.caller().rights()).containsExactlyInAnyOrder("feedback:write", "events:read");
        assertThat(authentication.caller().isClientWith(IdentityToken.SCOPE_FEEDBACK_WRITE)).isTrue();
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .contains("ROLE_INTEGRATOR", "SCOPE_feedback:write");
    }

    @Test
    void aPersonsToken_neverCarriesRights_whateverItsScopeClaimSays() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("li")
                .claim(IdentityToken.CLAIM_GRANTS, List.of("IMPROVER@u-a"))
                .claim(IdentityToken.CLAIM_SCOPE, List.of("feedback:write"))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60))
                .build();

        Caller caller = new CallerConverter().callerOf(jwt);

        assertThat(caller.rights()).isEmpty();
        assertThat(caller.isClientWith(IdentityToken.SCOPE_FEEDBACK_WRITE)).isFalse();
    }
}
