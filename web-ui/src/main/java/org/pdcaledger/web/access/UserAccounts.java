package org.pdcaledger.web.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.pdcaledger.kernel.access.Grant;
import org.pdcaledger.kernel.access.Role;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

/**
 * User accounts in the {@code accounts} collection, keyed by user name. Also the password store Spring Security
 * upgrades a hash through when the encoder's preferred algorithm or strength has changed since the hash was made.
 */
@Component
public class UserAccounts implements UserDetailsService, UserDetailsPasswordService {

    private final MongoCollection<Document> accounts;

    public UserAccounts(MongoDatabase credentialStore) {
        this.accounts = credentialStore.getCollection("accounts");
    }

    /**
     * A grant whose unit is known only by its code until the unit exists in the read model (the demo's improver is
     * scoped to a bureau that the demo data creates later). Resolved to a real {@link Grant} by {@link PendingGrants}.
     */
    public record PendingGrant(Role role, String unitCode) {

        @Override
        public String toString() {
            return role.name() + "@code:" + unitCode;
        }
    }

    public Optional<UserAccount> find(String username) {
        return Optional.ofNullable(accounts.find(Filters.eq("_id", username)).first()).map(UserAccounts::toAccount);
    }

    public List<UserAccount> all() {
        return accounts.find().sort(Sorts.ascending("_id")).map(UserAccounts::toAccount).into(new ArrayList<>());
    }

    public boolean isEmpty() {
        return accounts.countDocuments() == 0;
    }

    public void save(UserAccount account) {
        Document existing = accounts.find(Filters.eq("_id", account.username())).first();
        Document document = toDocument(account);
        if (existing != null && existing.containsKey("pendingGrants")) {
            document.append("pendingGrants", existing.get("pendingGrants"));
        }
        accounts.replaceOne(Filters.eq("_id", account.username()), document, new ReplaceOptions().upsert(true));
    }

    /** Inserts a new account; {@code false} when the name is taken (nothing changes then). */
    public boolean create(UserAccount account) {
        try {
            accounts.insertOne(toDocument(account));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public List<PendingGrant> pendingGrants(String username) {
        Document document = accounts.find(Filters.eq("_id", username)).first();
        if (document == null) {
            return List.of();
        }
        return document.getList("pendingGrants", Document.class, List.of()).stream()
                .map(d -> new PendingGrant(Role.valueOf(d.getString("role")), d.getString("unitCode")))
                .toList();
    }

    public void addPendingGrant(String username, PendingGrant pending) {
        accounts.updateOne(Filters.eq("_id", username), Updates.addToSet("pendingGrants",
                new Document("role", pending.role().name()).append("unitCode", pending.unitCode())));
    }

    /** Replaces a pending grant by the grant on the unit it now resolves to. */
    public void resolve(String username, PendingGrant pending, Grant grant) {
        accounts.updateOne(Filters.eq("_id", username), Updates.combine(
                Updates.pull("pendingGrants",
                        new Document("role", pending.role().name()).append("unitCode", pending.unitCode())),
                Updates.addToSet("grants", grant.toString())));
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserAccount account = find(username).orElseThrow(() -> new UsernameNotFoundException(username));
        return User.withUsername(account.username())
                .password(account.passwordHash())
                .disabled(!account.enabled())
                .authorities(account.grants().stream()
                        .map(g -> new SimpleGrantedAuthority("ROLE_" + g.role().name()))
                        .distinct()
                        .toList())
                .build();
    }

    @Override
    public UserDetails updatePassword(UserDetails user, String newPasswordHash) {
        accounts.updateOne(Filters.eq("_id", user.getUsername()), Updates.set("passwordHash", newPasswordHash));
        return User.withUserDetails(user).password(newPasswordHash).build();
    }

    private static UserAccount toAccount(Document document) {
        List<Grant> grants = document.getList("grants", String.class, List.of()).stream().map(Grant::parse).toList();
        return new UserAccount(document.getString("_id"), document.getString("displayName"),
                document.getString("passwordHash"), grants, document.getBoolean("enabled", true));
    }

    private static Document toDocument(UserAccount account) {
        return new Document("_id", account.username())
                .append("displayName", account.displayName())
                .append("passwordHash", account.passwordHash())
                .append("grants", account.grants().stream().map(Grant::toString).toList())
                .append("enabled", account.enabled());
    }
}
