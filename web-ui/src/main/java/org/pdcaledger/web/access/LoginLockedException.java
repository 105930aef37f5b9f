package org.pdcaledger.web.access;

import java.time.Instant;

import org.springframework.security.core.AuthenticationException;

/**
 * Refuses a login without checking the password because the name is locked after repeated failures.
 */
class LoginLockedException extends AuthenticationException {

    private final transient Instant until;

    LoginLockedException(Instant until) {
        super("too many failed logins; locked until " + until);
        this.until = until;
    }

    Instant until() {
        return until;
    }
}
