package org.pdcaledger.support.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.pdcaledger.kernel.access.Grant;
import org.pdcaledger.kernel.access.Role;

/**
 * The authenticated person or integrating system behind a request, as the identity token describes them.
 *
 * @param subject     the user name, or the client id of an integrator
 * @param displayName the name to show in histories
 * @param grants      the roles the caller holds, each on a unit subtree
 * @param client      {@code true} for an OAuth2 client (an integrator), {@code false} for a person
 * @param rights      the OAuth2 scopes a client token carries beyond its grants (e.g.
 *                    {@link IdentityToken#SCOPE_FEEDBACK_WRITE}); a right widens what an integrator may call, never
 *                    the units it reaches, which its grants still decide. Empty for people.
 */
public record Caller(String subject, String displayName, List<Grant> grants, boolean client, Set<String> rights) {

    public Caller {
        grants = List.copyOf(grants);
        rights = rights == null ? Set.of() : Set.copyOf(rights);
    }

    /** A caller without extra rights: every person, and an integrator that only reads the feed. */
    public Caller(String subject, String displayName, List<Grant> grants, boolean client) {
        this(subject, displayName, grants, client, Set.of());
    }

    /** Whether the caller is an integrator client whose token carries {@code right}. */
    public boolean isClientWith(String right) {
        return client && rights.contains(right);
    }

    public boolean has(Role role) {
        return grants.stream().anyMatch(g -> g.role() == role);
    }

    public Set<String> unitsWith(Role role) {
        return grants.stream().filter(g -> g.role() == role).map(Grant::unitId).collect(Collectors.toSet());
    }
}
