package org.pdcaledger.web.access;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.pdcaledger.kernel.access.Grant;
import org.pdcaledger.support.security.IdentityToken;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Signs the short-lived identity tokens (RS256) that web-ui sends to the services on behalf of a logged-in person
 * (integrator tokens are signed with the same key by the authorization server, see
 * {@link AuthorizationServerConfiguration}). The key pair is made at start and never stored: a restart only means
 * the services fetch the new public key from {@code /oauth2/jwks} when they first see its key id, and integrators
 * ask for a new token.
 */
@Component
public class IdentityTokenIssuer {

    private final RSAKey key;
    private final RSASSASigner signer;
    private final Duration lifetime;
    private final Clock clock;

    @Autowired
    public IdentityTokenIssuer(@Value("${pdca.security.token-lifetime:PT5M}") Duration lifetime) {
        this(generate(), lifetime, Clock.systemUTC());
    }

    IdentityTokenIssuer(KeyPair keyPair, Duration lifetime, Clock clock) {
        this.key = new RSAKey.Builder((RSAPublicKey) keyPair.getPublic())
                .privateKey((RSAPrivateKey) keyPair.getPrivate())
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .keyID(UUID.randomUUID().toString())
                .build();
        try {
            this.signer = new RSASSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public String issue(String subject, String displayName, List<Grant> grants, boolean client) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(IdentityToken.DEFAULT_ISSUER)
                .audience(IdentityToken.AUDIENCE)
                .subject(subject)
                .issueTime(java.util.Date.from(now))
                .notBeforeTime(java.util.Date.from(now.minusSeconds(5)))
                .expirationTime(java.util.Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim(IdentityToken.CLAIM_NAME, displayName)
                .claim(IdentityToken.CLAIM_GRANTS, grants.stream().map(Grant::toString).toList())
                .claim(IdentityToken.CLAIM_CLIENT, client)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign identity token", e);
        }
        return jwt.serialize();
    }

    public Duration lifetime() {
        return lifetime;
    }

    public Map<String, Object> publicKeySet() {
        return new JWKSet(key.toPublicJWK()).toJSONObject();
    }

    /**
     * The signing key as a JWK source, shared with the authorization server so integrator tokens are signed with the
     * same key and published in the same {@code /oauth2/jwks}: the services trust both kinds of token through one
     * key set.
     */
    public JWKSource<SecurityContext> signingKeys() {
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    /** The public half, for web-ui's own check of bearer tokens on {@code /api/**}. */
    public RSAPublicKey publicKey() {
        try {
            return key.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
