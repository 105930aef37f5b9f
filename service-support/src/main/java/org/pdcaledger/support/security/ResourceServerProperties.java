package org.pdcaledger.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a service finds the keys that sign identity tokens.
 *
 * @param jwksUri           web-ui's key set (the embedded default); ignored when {@code issuerUri} is set
 * @param issuer            the {@code iss} the service accepts
 * @param issuerUri         an external OIDC provider to trust instead of web-ui (production option)
 * @param publicKeyLocation a PEM public key to trust instead of fetching a key set (used by tests)
 */
@ConfigurationProperties("pdca.security.jwt")
public record ResourceServerProperties(
        String jwksUri,
        String issuer,
        String issuerUri,
        org.springframework.core.io.Resource publicKeyLocation) {

    public ResourceServerProperties {
        if (jwksUri == null || jwksUri.isBlank()) {
            jwksUri = "http://localhost:8080/oauth2/jwks";
        }
        if (issuer == null || issuer.isBlank()) {
            issuer = IdentityToken.DEFAULT_ISSUER;
        }
    }
}
