package org.pdcaledger.support.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.pdcaledger.kernel.access.Grant;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints identity tokens in tests with a fixed test key pair. A service under test trusts them when started with
 * {@code pdca.security.jwt.public-key-location=classpath:identity/test-public.pem} (see {@link #PUBLIC_KEY_PROPERTY}).
 */
public final class TestIdentityTokens {

    public static final String PUBLIC_KEY_PROPERTY =
            "pdca.security.jwt.public-key-location=classpath:identity/test-public.pem";

    private static final RSAPrivateKey KEY = readPrivateKey();

    private TestIdentityTokens() {
    }

    /** A bearer token for a person holding the given grants, e.g. {@code "ADMIN@*"}, {@code "LEADER@u-1"}. */
    public static String person(String username, String... grants) {
        return sign(username, grants, false, IdentityToken.DEFAULT_ISSUER, Instant.now().plus(Duration.ofMinutes(5)));
    }

    /** A bearer token for an integrator client. */
    public static String client(String clientId, String... grants) {
        return sign(clientId, grants, true, IdentityToken.DEFAULT_ISSUER, Instant.now().plus(Duration.ofMinutes(5)));
    }

    /**
     * A bearer token for an integrator client whose OAuth2 {@code scope} claim carries {@code scopes}, e.g.
     * {@link IdentityToken#SCOPE_FEEDBACK_WRITE}.
     */
    public static String clientWithScopes(String clientId, List<String> scopes, String... grants) {
        Instant expiresAt = Instant.now().plus(Duration.ofMinutes(5));
        JWTClaimsSet claims = new JWTClaimsSet.Builder(
                        signedClaims(clientId, grants, true, IdentityToken.DEFAULT_ISSUER, expiresAt))
                .claim(IdentityToken.CLAIM_SCOPE, String.join(" ", scopes))
                .build();
        return signClaims(claims);
    }

    public static String expired(String username, String... grants) {
        return sign(username, grants, false, IdentityToken.DEFAULT_ISSUER, Instant.now().minus(Duration.ofMinutes(5)));
    }

    public static String wrongIssuer(String username, String... grants) {
        return sign(username, grants, false, "someone-else", Instant.now().plus(Duration.ofMinutes(5)));
    }

    public static String sign(String subject, String[] grants, boolean client, String issuer, Instant expiresAt) {
        return signClaims(signedClaims(subject, grants, client, issuer, expiresAt));
    }

    private static JWTClaimsSet signedClaims(String subject, String[] grants, boolean client, String issuer,
            Instant expiresAt) {
        List<String> grantList = Arrays.stream(grants).map(g -> Grant.parse(g).toString()).toList();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(IdentityToken.AUDIENCE)
                .subject(subject)
                .issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(10))))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .claim(IdentityToken.CLAIM_NAME, subject)
                .claim(IdentityToken.CLAIM_GRANTS, grantList)
                .claim(IdentityToken.CLAIM_CLIENT, client)
                .build();
    }

    /** Signs any claims with the test key, for tokens that are wrong in some other way (audience, subject, …). */
    public static String signClaims(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims);
        try {
            jwt.sign(new RSASSASigner(KEY));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static RSAPrivateKey readPrivateKey() {
        try (InputStream in = TestIdentityTokens.class.getResourceAsStream("/identity/test-private-pkcs8.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
