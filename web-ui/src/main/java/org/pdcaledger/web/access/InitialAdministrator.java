package org.pdcaledger.web.access;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.pdcaledger.kernel.access.Grant;
import org.pdcaledger.kernel.access.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * On the first start (no account at all) creates the administrator {@code admin}, with the password from
 * {@code PDCA_ADMIN_PASSWORD} or, when that is not set, a generated one printed once.
 */
@Component
class InitialAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);

    private final UserAccounts accounts;
    private final PasswordEncoder passwordEncoder;
    private final String configuredPassword;

    InitialAdministrator(UserAccounts accounts, PasswordEncoder passwordEncoder,
            @Value("${pdca.admin-password:}") String configuredPassword) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!accounts.isEmpty()) {
            return;
        }
        String password = configuredPassword.isBlank() ? generate() : configuredPassword;
        accounts.save(new UserAccount("admin", "Administrator", passwordEncoder.encode(password),
                List.of(new Grant(Role.ADMIN, Grant.ALL_UNITS)), true));
        if (configuredPassword.isBlank()) {
            log.warn("Created the administrator 'admin' with the generated password: {} (shown once; "
                    + "set PDCA_ADMIN_PASSWORD to choose it)", password);
        } else {
            log.info("Created the administrator 'admin' with the password from PDCA_ADMIN_PASSWORD");
        }
    }

    private static String generate() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
