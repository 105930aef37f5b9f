package org.pdcaledger.web.access;

import java.util.ArrayList;
import java.util.List;

import org.pdcaledger.kernel.access.Grant;
import org.pdcaledger.kernel.access.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Demo mode ({@code ./pdca run --demo}, i.e. {@code PDCA_DEMO=true}): creates, once, the accounts {@code admin}
 * (ADMIN@*), {@code leader} (LEADER@*), {@code assessor} and {@code reviewer} (ASSESSOR@*, two people so an
 * assessment can be finalised by someone other than its author), {@code improver} (IMPROVER on the demo's first
 * bureau) and the integrator client {@code demo-integrator} (INTEGRATOR@*), all with the password or secret from
 * {@code PDCA_DEMO_PASSWORD}, or a generated one printed at start. Existing accounts are left as they are.
 * <p>
 * The demo organisation is registered by the demo data after web-ui starts, so the improver's grant is stored by
 * unit code ({@code pdca.demo.improver-unit-code}, default {@code DEMO-B01}) and resolved to the unit's id the first
 * time the improver calls the API after the unit exists ({@link PendingGrants}).
 */
@Component
@ConditionalOnProperty(name = "pdca.demo.enabled", havingValue = "true")
@Order(DemoAccounts.ORDER)
class DemoAccounts implements ApplicationRunner {

    static final int ORDER = 0;
    static final String ACTOR = "system:demo";
    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final UserAccounts accounts;
    private final IntegratorClients clients;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final String configuredPassword;
    private final String improverUnitCode;

    DemoAccounts(UserAccounts accounts, IntegratorClients clients, PasswordEncoder encoder, AuditLog audit,
            @Value("${pdca.demo.password:}") String configuredPassword,
            @Value("${pdca.demo.improver-unit-code:DEMO-B01}") String improverUnitCode) {
        this.accounts = accounts;
        this.clients = clients;
        this.encoder = encoder;
        this.audit = audit;
        this.configuredPassword = configuredPassword;
        this.improverUnitCode = improverUnitCode;
    }

    @Override
    public void run(ApplicationArguments args) {
        String password = configuredPassword.isBlank() ? Secrets.password() : configuredPassword;
        List<String> created = new ArrayList<>();
        person("admin", "演示管理员", Role.ADMIN, password, created);
        person("leader", "演示领导", Role.LEADER, password, created);
        person("assessor", "演示评估员", Role.ASSESSOR, password, created);
        person("reviewer", "演示复核员", Role.ASSESSOR, password, created);
        if (accounts.create(new UserAccount("improver", "演示改进专员", encoder.encode(password), List.of(), true))) {
            UserAccounts.PendingGrant pending = new UserAccounts.PendingGrant(Role.IMPROVER, improverUnitCode);
            accounts.addPendingGrant("improver", pending);
            audit.record(ACTOR, "user-created", "improver", "demo account", null);
            audit.record(ACTOR, "grant-added", "improver", pending.toString(), null);
            created.add("improver");
        }
        if (clients.create("demo-integrator", "演示集成 Demo integrator", Grant.ALL_UNITS, encoder.encode(password), ACTOR)) {
            audit.record(ACTOR, "client-created", "demo-integrator", "INTEGRATOR@*", null);
            created.add("demo-integrator (client)");
        }
        if (created.isEmpty()) {
            log.info("Demo accounts already exist and keep their passwords");
        } else if (configuredPassword.isBlank()) {
            log.warn("Demo mode: created {} with the generated password: {} (shown once; set PDCA_DEMO_PASSWORD "
                    + "to choose it)", String.join(", ", created), password);
        } else {
            log.info("Demo mode: created {} with the password from PDCA_DEMO_PASSWORD", String.join(", ", created));
        }
    }

    private void person(String username, String displayName, Role role, String password, List<String> created) {
        Grant grant = new Grant(role, Grant.ALL_UNITS);
        if (accounts.create(new UserAccount(username, displayName, encoder.encode(password), List.of(grant), true))) {
            audit.record(ACTOR, "user-created", username, "demo account", null);
            audit.record(ACTOR, "grant-added", username, grant.toString(), null);
            created.add(username);
        }
    }
}
