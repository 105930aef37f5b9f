package org.pdcaledger.web.admin;

import java.util.List;
import java.util.Map;

import org.pdcaledger.kernel.access.Role;
import org.pdcaledger.kernel.unit.UnitSummary;
import org.pdcaledger.web.access.AuditLog;
import org.pdcaledger.web.access.IntegratorClients;
import org.pdcaledger.web.access.UserAccounts;
import org.pdcaledger.web.config.ServiceAnswer;
import org.pdcaledger.web.config.ServiceClient;
import org.pdcaledger.web.unit.UnitCatalog;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The administration pages (ADMIN on all units, enforced for {@code /admin/**} by the access configuration): users
 * and their grants, integrator clients, the audit log, webhooks and their deliveries, and the read-model rebuild.
 * <p>
 * The pages list what the account store and the services hold; every change goes from the page to the JSON APIs the
 * access administration and the services already offer ({@code /admin/api/**}, {@code /api/webhooks/**}), so each
 * rule, check and audit record stays in one place (see {@code /js/admin.js}).
 */
@Controller
class AdminPagesController {

    private final UserAccounts accounts;
    private final IntegratorClients clients;
    private final AuditLog audit;
    private final ServiceClient services;
    private final UnitCatalog units;
    private final ObjectMapper json;
    private final MessageSource messages;

    static final List<String> PROBLEM_CODES = List.of("invalid-request", "pattern", "size", "not-blank", "not-null",
            "username-taken", "self-lockout", "grant-not-found", "grant-invalid", "role-for-clients",
            "client-id-taken", "client-not-found", "user-not-found", "webhook-url-refused", "unknown-event-type",
            "unknown-unit", "too-many-webhooks", "type", "unknown-field", "forbidden", "access-denied",
            "service-unavailable", "http-500");

    AdminPagesController(UserAccounts accounts, IntegratorClients clients, AuditLog audit, ServiceClient services,
            UnitCatalog units, ObjectMapper json, MessageSource messages) {
        this.accounts = accounts;
        this.clients = clients;
        this.audit = audit;
        this.services = services;
        this.units = units;
        this.json = json;
        this.messages = messages;
    }

    /** The problem codes the administration APIs answer, in the reader's language, for {@code admin.js}. */
    @ModelAttribute("problemMessages")
    String problemMessages() throws com.fasterxml.jackson.core.JsonProcessingException {
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        for (String code : PROBLEM_CODES) {
            String text = messages.getMessage("problem." + code, null, null, LocaleContextHolder.getLocale());
            if (text != null) {
                texts.put(code, text);
            }
        }
        texts.put("_failed", messages.getMessage("form.problem.title", null, LocaleContextHolder.getLocale()));
        return json.writeValueAsString(texts);
    }

    @GetMapping("/admin/users")
    String users(Model model) {
        List<UnitCatalog.UnitNode> nodes = units.tree();
        model.addAttribute("users", accounts.all());
        model.addAttribute("pending", accounts.all().stream().collect(java.util.stream.Collectors.toMap(
                account -> account.username(), account -> accounts.pendingGrants(account.username()))));
        model.addAttribute("nodes", nodes);
        model.addAttribute("unitsById", units.byId(nodes));
        model.addAttribute("roles", List.of(Role.ADMIN, Role.LEADER, Role.ASSESSOR, Role.IMPROVER));
        model.addAttribute("tab", "users");
        return "admin/users";
    }

    @GetMapping("/admin/clients")
    String clients(Model model) {
        List<UnitCatalog.UnitNode> nodes = units.tree();
        model.addAttribute("clients", clients.all());
        model.addAttribute("nodes", nodes);
        model.addAttribute("unitsById", units.byId(nodes));
        model.addAttribute("tab", "clients");
        return "admin/clients";
    }

    @GetMapping("/admin/audit")
    String audit(Model model) {
        model.addAttribute("entries", audit.latest(200));
        model.addAttribute("tab", "audit");
        return "admin/audit";
    }

    @GetMapping("/admin/integrations")
    String integrations(Model model) {
        ServiceAnswer answer = services.get("/api/webhooks");
        model.addAttribute("available", answer.succeeded());
        model.addAttribute("webhooks", answer.succeeded() && answer.body() != null
                ? json.convertValue(answer.body(), new TypeReference<List<Map<String, Object>>>() {
                }) : List.of());
        model.addAttribute("clientCount", clients.all().stream().filter(IntegratorClients.IntegratorClient::active)
                .count());
        model.addAttribute("tab", "integrations");
        return "admin/integrations";
    }

    @GetMapping("/admin/integrations/{webhookId}")
    String webhook(@PathVariable String webhookId, Model model) {
        model.addAttribute("webhook", services.read("/api/webhooks/" + webhookId,
                new TypeReference<Map<String, Object>>() {
                }));
        model.addAttribute("deliveries", services.read("/api/webhooks/" + webhookId + "/deliveries?limit=100",
                new TypeReference<List<Map<String, Object>>>() {
                }));
        model.addAttribute("tab", "integrations");
        return "admin/webhook";
    }

    static String unitName(Map<String, UnitSummary> units, String unitId, String language) {
        UnitSummary unit = units.get(unitId);
        return unit == null ? unitId : unit.name().in(language);
    }
}
