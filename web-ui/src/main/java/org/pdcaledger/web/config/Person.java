package org.pdcaledger.web.config;

import java.util.List;

import org.pdcaledger.kernel.access.Grant;
import org.pdcaledger.kernel.access.Role;

/**
 * The person logged in, as the pages need them: what to call them and which parts of the product to offer. The
 * services check every grant again; this only keeps the pages from offering what would be refused.
 */
public record Person(String username, String displayName, List<Grant> grants) {

    public Person {
        grants = List.copyOf(grants);
    }

    public boolean isAdmin() {
        return grants.contains(new Grant(Role.ADMIN, Grant.ALL_UNITS));
    }

    /** Whether any grant has {@code role} (ADMIN stands for every role on its subtree, as in the services). */
    public boolean can(String role) {
        Role wanted = Role.valueOf(role);
        return grants.stream().anyMatch(g -> g.role() == wanted || g.role() == Role.ADMIN);
    }

    /** The unit a person works in first: their first grant's unit, or nothing for organisation-wide grants. */
    public String homeUnitId() {
        return grants.stream().map(Grant::unitId).filter(unit -> !Grant.ALL_UNITS.equals(unit)).findFirst()
                .orElse(null);
    }
}
