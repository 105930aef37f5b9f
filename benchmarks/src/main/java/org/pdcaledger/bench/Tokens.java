package org.pdcaledger.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * Identity tokens for the benchmark's own clients, so that they call command-service and query-service directly
 * (as web-ui's gateway does) instead of through a second HTTP hop.
 * <p>
 * The services are started with {@code PDCA_JWKS_URI} pointing at a key set served here on loopback: web-ui's own
 * keys (fetched from its {@code /oauth2/jwks} on every request, so web-ui and its gateway keep working) plus the
 * benchmark's RSA key. Everything else about token checking is unchanged: RS256 signature, expiry, issuer
 * {@code pdca-ledger}, audience {@code pdca-services}, grants claim.
 */
final class Tokens implements AutoCloseable {

    static final String ISSUER = "pdca-ledger";
    static final String AUDIENCE = "pdca-services";

    private final KeyPair keys;
    private final String keyId = "bench-" + UUID.randomUUID();
    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile String webUiJwks;

    Tokens() throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/jwks", exchange -> {
            byte[] body = keySet().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** The key set URL the services are told to trust. */
    String jwksUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    /** Where web-ui publishes its keys; known once the ports are chosen. */
    void webUiKeySet(String url) {
        this.webUiJwks = url;
    }

    /** A token for a person with the given grants, valid for an hour (a benchmark run outlives web-ui's 5 minutes). */
    String person(String subject, String... grants) {
        Instant now = Instant.now();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        header.put("kid", keyId);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("aud", List.of(AUDIENCE));
        claims.put("sub", subject);
        claims.put("iat", now.getEpochSecond());
        claims.put("nbf", now.getEpochSecond() - 5);
        claims.put("exp", now.plus(Duration.ofHours(6)).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("name", subject);
        claims.put("grants", List.of(grants));
        claims.put("client", false);
        try {
            String signingInput = base64(json.writeValueAsBytes(header)) + "." + base64(json.writeValueAsBytes(claims));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64(signature.sign());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a benchmark token", e);
        }
    }

    private String keySet() throws IOException {
        List<Object> all = new ArrayList<>();
        RSAPublicKey publicKey = (RSAPublicKey) keys.getPublic();
        Map<String, Object> own = new LinkedHashMap<>();
        own.put("kty", "RSA");
        own.put("use", "sig");
        own.put("alg", "RS256");
        own.put("kid", keyId);
        own.put("n", base64(unsigned(publicKey.getModulus())));
        own.put("e", base64(unsigned(publicKey.getPublicExponent())));
        all.add(own);
        if (webUiJwks != null) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(webUiJwks))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    JsonNode keysOfWebUi = json.readTree(response.body()).get("keys");
                    if (keysOfWebUi != null) {
                        keysOfWebUi.forEach(all::add);
                    }
                }
            } catch (IOException e) {
                // web-ui not up (yet): the benchmark's own key is enough for the benchmark's clients
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return json.writeValueAsString(Map.of("keys", all));
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] trimmed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
            return trimmed;
        }
        return bytes;
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
