package org.pdcaledger.web.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.pdcaledger.kernel.access.Grant;
import org.pdcaledger.kernel.access.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

/**
 * Integrator clients (OAuth2 client credentials) in the {@code clients} collection: the client id, a hash of the
 * secret (the secret itself is shown once at creation and never stored), the unit subtree the client may read
 * events of, and who created or revoked it. A revoked client stays listed but cannot get a token, and web-ui refuses
 * the tokens it still holds.
 */
@Component
public class IntegratorClients implements RegisteredClientRepository {

    private final MongoCollection<Document> clients;
    private final Clock clock;
    private final Duration tokenLifetime;

    IntegratorClients(MongoDatabase credentialStore, Clock clock,
            @Value("${pdca.security.token-lifetime:PT5M}") Duration tokenLifetime) {
        this.clients = credentialStore.getCollection("clients");
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
    }

    /** What an administrator sees of a client; never the secret or its hash. */
    public record IntegratorClient(String clientId, String name, String unitId, String createdBy, Instant createdAt,
            String revokedBy, Instant revokedAt) {

        public boolean active() {
            return revokedAt == null;
        }

        public Grant grant() {
            return new Grant(Role.INTEGRATOR, unitId);
        }
    }

    public Optional<IntegratorClient> find(String clientId) {
        return Optional.ofNullable(clients.find(Filters.eq("_id", clientId)).first()).map(IntegratorClients::toClient);
    }

    public List<IntegratorClient> all() {
        return clients.find().sort(Sorts.ascending("_id")).map(IntegratorClients::toClient).into(new ArrayList<>());
    }

    public boolean isActive(String clientId) {
        return find(clientId).map(IntegratorClient::active).orElse(false);
    }

    /** Stores a new client with the hash of its secret; {@code false} when the id is taken. */
    public boolean create(String clientId, String name, String unitId, String secretHash, String createdBy) {
        try {
            clients.insertOne(new Document("_id", clientId)
                    .append("name", name)
                    .append("unitId", unitId)
                    .append("secretHash", secretHash)
                    .append("createdBy", createdBy)
                    .append("createdAt", Date.from(clock.instant())));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Revokes an active client; {@code false} when there is no such active client. */
    public boolean revoke(String clientId, String revokedBy) {
        return clients.updateOne(Filters.and(Filters.eq("_id", clientId), Filters.eq("revokedAt", null)),
                Updates.combine(Updates.set("revokedAt", Date.from(clock.instant())),
                        Updates.set("revokedBy", revokedBy)))
                .getModifiedCount() == 1;
    }

    /**
     * Called by the authorization server only to store a re-hashed secret (when the password encoder upgrades an
     * old hash on a successful authentication); clients are otherwise created through {@link #create}.
     */
    @Override
    public void save(RegisteredClient registeredClient) {
        if (registeredClient.getClientSecret() != null) {
            clients.updateOne(Filters.eq("_id", registeredClient.getClientId()),
                    Updates.set("secretHash", registeredClient.getClientSecret()));
        }
    }

    @Override
    public RegisteredClient findById(String id) {
        return findByClientId(id);
    }

    /** The client as the authorization server sees it; {@code null} for an unknown or revoked client. */
    @Override
    public RegisteredClient findByClientId(String clientId) {
        Document document = clients.find(Filters.eq("_id", clientId)).first();
        if (document == null || document.getDate("revokedAt") != null) {
            return null;
        }
        return RegisteredClient.withId(clientId)
                .clientId(clientId)
                .clientName(document.getString("name"))
                .clientSecret(document.getString("secretHash"))
                .clientIdIssuedAt(document.getDate("createdAt").toInstant())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .clientSettings(ClientSettings.builder().requireProofKey(false).requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .accessTokenTimeToLive(tokenLifetime)
                        .build())
                .build();
    }

    private static IntegratorClient toClient(Document d) {
        return new IntegratorClient(d.getString("_id"), d.getString("name"), d.getString("unitId"),
                d.getString("createdBy"), d.getDate("createdAt").toInstant(), d.getString("revokedBy"),
                d.getDate("revokedAt") == null ? null : d.getDate("revokedAt").toInstant());
    }
}
