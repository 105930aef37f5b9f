package org.pdcaledger.web.access;

import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.pdcaledger.kernel.access.Grant;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

/**
 * User accounts in the {@code accounts} collection, keyed by user name.
 */
@Component
public class UserAccounts implements UserDetailsService {

    private final MongoCollection<Document> accounts;

    public UserAccounts(MongoDatabase credentialStore) {
        this.accounts = credentialStore.getCollection("accounts");
    }

    public Optional<UserAccount> find(String username) {
        Document document = accounts.find(Filters.eq("_id", username)).first();
        if (document == null) {
            return Optional.empty();
        }
        List<Grant> grants = document.getList("grants", String.class, List.of()).stream().map(Grant::parse).toList();
        return Optional.of(new UserAccount(document.getString("_id"), document.getString("displayName"),
                document.getString("passwordHash"), grants, document.getBoolean("enabled", true)));
    }

    public boolean isEmpty() {
        return accounts.countDocuments() == 0;
    }

    public void save(UserAccount account) {
        Document document = new Document("_id", account.username())
                .append("displayName", account.displayName())
                .append("passwordHash", account.passwordHash())
                .append("grants", account.grants().stream().map(Grant::toString).toList())
                .append("enabled", account.enabled());
        accounts.replaceOne(Filters.eq("_id", account.username()), document, new ReplaceOptions().upsert(true));
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
}
