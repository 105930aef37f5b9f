package org.pdcaledger.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Which identity tokens a service trusts, and how it reads the caller out of them.
 * <p>
 * Three mutually exclusive sources of keys, first match wins: {@code issuerUri} (an external OIDC provider,
 * discovered lazily through its {@code /.well-known/openid-configuration}), {@code publicKeyLocation} (a fixed PEM
 * key, used by tests), else {@code jwksUri} (web-ui's key set, the embedded default). Every token must also carry
 * the {@code audience} in {@code aud}.
 *
 * @param jwksUri           web-ui's key set (the embedded default); ignored when {@code issuerUri} is set
 * @param issuer            the {@code iss} the service accepts when it trusts web-ui
 * @param issuerUri         an external OIDC provider to trust instead of web-ui (production option); its tokens must
 *                          have this exact {@code iss}
 * @param publicKeyLocation a PEM public key to trust instead of fetching a key set (used by tests)
 * @param audience          the {@code aud} value every token must contain
 * @param claims            where the caller's name, grants and client flag are in the token (see docs/security.md)
 */
@ConfigurationProperties("pdca.security.jwt")
public record ResourceServerProperties(
        String jwksUri,
        String issuer,
        String issuerUri,
        Resource publicKeyLocation,
        String audience,
        ClaimNames claims) {

    public ResourceServerProperties {
        if (jwksUri == null || jwksUri.isBlank()) {
            jwksUri = "http://localhost:8080/oauth2/jwks";
        }
        if (issuer == null || issuer.isBlank()) {
            issuer = IdentityToken.DEFAULT_ISSUER;
        }
        if (audience == null || audience.isBlank()) {
            audience = IdentityToken.AUDIENCE;
        }
        if (claims == null) {
            claims = ClaimNames.DEFAULT;
        }
    }

    /** Whether the service trusts an external OIDC provider rather than web-ui. */
    public boolean trustsExternalProvider() {
        return issuerUri != null && !issuerUri.isBlank();
    }

    /**
     * Names of the claims that describe the caller. An external provider that cannot emit claims named like web-ui's
     * tokens is mapped here by configuration, e.g. {@code pdca.security.jwt.claims.grants=pdca_grants}.
     *
     * @param name   the display name (falls back to {@code sub})
     * @param grants a list of {@code ROLE@unitId} strings, or one string of them separated by spaces or commas
     * @param client {@code true} for a machine client (integrator); may also be a string "true"
     */
    public record ClaimNames(String name, String grants, String client) {

        public static final ClaimNames DEFAULT = new ClaimNames(null, null, null);

        public ClaimNames {
            name = name == null || name.isBlank() ? IdentityToken.CLAIM_NAME : name;
            grants = grants == null || grants.isBlank() ? IdentityToken.CLAIM_GRANTS : grants;
            client = client == null || client.isBlank() ? IdentityToken.CLAIM_CLIENT : client;
        }
    }
}
