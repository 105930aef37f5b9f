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
 */
public record Caller(String subject, String displayName, List<Grant> grants, boolean client) {

    public Caller {
        grants = List.copyOf(grants);
    }

    public boolean has(Role role) {
        return grants.stream().anyMatch(g -> g.role() == role);
    }

    public Set<String> unitsWith(Role role) {
        return grants.stream().filter(g -> g.role() == role).map(Grant::unitId).collect(Collectors.toSet());
    }
}
