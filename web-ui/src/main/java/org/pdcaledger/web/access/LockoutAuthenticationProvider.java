package org.pdcaledger.web.access;

import java.util.Optional;

import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Form login with lock-out: a locked name is refused before its password is looked at; every failure (wrong
 * password, unknown name, disabled account) counts, is recorded in the audit log, and answers the same "bad
 * credentials", so the answer never tells whether an account exists. The password is checked before the account's
 * status, so a disabled account costs the same hash work as an enabled one. A successful login clears the count and
 * re-hashes a password whose hash is of an older algorithm or strength.
 */
class LockoutAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginAttempts attempts;
    private final AuditLog audit;

    LockoutAuthenticationProvider(UserAccounts accounts, PasswordEncoder encoder, LoginAttempts attempts,
            AuditLog audit) {
        this.passwords = new DaoAuthenticationProvider(encoder);
        this.passwords.setUserDetailsService(accounts);
        this.passwords.setUserDetailsPasswordService(accounts);
        this.passwords.setPreAuthenticationChecks(user -> {
        });
        this.passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        this.attempts = attempts;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String remote = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        Optional<java.time.Instant> locked = attempts.lockedUntil(username);
        if (locked.isPresent()) {
            audit.record(username, "login-refused-locked", username, "locked until " + locked.get(), remote);
            throw new LoginLockedException(locked.get());
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            attempts.succeeded(username);
            return result;
        } catch (BadCredentialsException | AccountStatusException e) {
            audit.record(username, "login-failed", username, null, remote);
            Optional<java.time.Instant> lockedNow = attempts.failed(username);
            if (lockedNow.isPresent()) {
                audit.record(username, "login-locked", username, "locked until " + lockedNow.get(), remote);
                throw new LoginLockedException(lockedNow.get());
            }
            throw new BadCredentialsException("bad credentials");
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
