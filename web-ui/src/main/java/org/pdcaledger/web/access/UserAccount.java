package org.pdcaledger.web.access;

import java.util.List;

import org.pdcaledger.kernel.access.Grant;

/**
 * A person who can log in. The password hash never leaves web-ui and never becomes an event.
 */
public record UserAccount(String username, String displayName, String passwordHash, List<Grant> grants,
        boolean enabled) {

    public UserAccount {
        grants = List.copyOf(grants);
    }
}
