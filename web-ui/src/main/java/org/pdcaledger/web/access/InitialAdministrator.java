package org.pdcaledger.web.access;

import java.util.List;

import org.pdcaledger.kernel.access.Grant;
import org.pdcaledger.kernel.access.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * On the first start (no account at all) creates the administrator {@code admin}, with the password from
 * {@code PDCA_ADMIN_PASSWORD} or, when that is not set, a generated one printed once. In demo mode
 * {@link DemoAccounts} runs first and creates {@code admin} with the demo password, so this does nothing.
 */
@Component
@Order(DemoAccounts.ORDER + 1)
class InitialAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);

    private final UserAccounts accounts;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog audit;
    private final String configuredPassword;

    InitialAdministrator(UserAccounts accounts, PasswordEncoder passwordEncoder, AuditLog audit,
            @Value("${pdca.admin-password:}") String configuredPassword) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!accounts.isEmpty()) {
            return;
        }
        String password = configuredPassword.isBlank() ? Secrets.password() : configuredPassword;
        Grant everything = new Grant(Role.ADMIN, Grant.ALL_UNITS);
        if (!accounts.create(new UserAccount("admin", "Administrator", passwordEncoder.encode(password),
                List.of(everything), true))) {
            return;
        }
        audit.record("system", "user-created", "admin", "initial administrator", null);
        audit.record("system", "grant-added", "admin", everything.toString(), null);
        if (configuredPassword.isBlank()) {
            log.warn("Created the administrator 'admin' with the generated password: {} (shown once; "
                    + "set PDCA_ADMIN_PASSWORD to choose it)", password);
        } else {
            log.info("Created the administrator 'admin' with the password from PDCA_ADMIN_PASSWORD");
        }
    }
}
