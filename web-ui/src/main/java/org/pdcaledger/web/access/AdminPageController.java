package org.pdcaledger.web.access;

import java.time.ZoneId;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A minimal server-rendered overview of users, integrator clients and the audit log, for administrators; the changes
 * themselves go through {@link AdminApiController}.
 */
@Controller
class AdminPageController {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final UserAccounts accounts;
    private final IntegratorClients clients;
    private final AuditLog audit;

    AdminPageController(UserAccounts accounts, IntegratorClients clients, AuditLog audit) {
        this.accounts = accounts;
        this.clients = clients;
        this.audit = audit;
    }

    @GetMapping("/admin")
    String overview(Model model) {
        model.addAttribute("users", accounts.all());
        model.addAttribute("clients", clients.all());
        model.addAttribute("audit", audit.latest(100));
        model.addAttribute("zone", CHINA);
        return "access/admin";
    }
}
