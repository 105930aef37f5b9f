package org.pdcaledger.web.access;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.pdcaledger.kernel.access.Grant;
import org.pdcaledger.kernel.access.Role;
import org.pdcaledger.kernel.common.NotFoundException;
import org.pdcaledger.kernel.common.RuleViolationException;
import org.pdcaledger.kernel.common.StateConflictException;
import org.pdcaledger.support.problem.ProblemDetailsAdvice;
import org.springframework.context.annotation.Import;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Administration of access (ADMIN on all units only, see {@link WebSecurityConfiguration}): users, their grants,
 * integrator clients, and the audit log of every change and failed login. A generated password or a client secret
 * is in the answer to the request that made it and nowhere else ({@code Cache-Control: no-store}); only hashes are
 * stored, and the audit log names who and what, never a secret.
 */
@RestController
@RequestMapping("/admin/api")
@Validated
@Import(ProblemDetailsAdvice.class)
class AdminApiController {

    static final String UNIT_ID = "\\*|[A-Za-z0-9_-]{1,64}";

    private final UserAccounts accounts;
    private final IntegratorClients clients;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final LoginAttempts attempts;

    AdminApiController(UserAccounts accounts, IntegratorClients clients, PasswordEncoder encoder, AuditLog audit,
            LoginAttempts attempts) {
        this.accounts = accounts;
        this.clients = clients;
        this.encoder = encoder;
        this.audit = audit;
        this.attempts = attempts;
    }

    record CreateUserRequest(
            @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{1,39}") String username,
            @NotBlank @Size(max = 80) String displayName,
            @Size(min = 12, max = 128) String password,
            List<@Valid GrantRequest> grants) {
    }

    record PasswordRequest(@Size(min = 12, max = 128) String password) {
    }

    record GrantRequest(@NotNull Role role, @NotNull @Pattern(regexp = UNIT_ID) String unitId) {
    }

    record CreateClientRequest(
            @Pattern(regexp = "[a-z0-9][a-z0-9-]{2,39}") String clientId,
            @NotBlank @Size(max = 80) String name,
            @NotNull @Pattern(regexp = UNIT_ID) String unitId) {
    }

    record UserView(String username, String displayName, boolean enabled, List<String> grants,
            List<String> pendingGrants) {
    }

    record ClientView(String clientId, String name, String unitId, String grant, String createdBy, Instant createdAt,
            String revokedBy, Instant revokedAt) {
    }

    @GetMapping("/users")
    List<UserView> users() {
        return accounts.all().stream().map(this::view).toList();
    }

    @GetMapping("/users/{username}")
    UserView user(@PathVariable String username) {
        return view(existing(username));
    }

    @PostMapping("/users")
    ResponseEntity<Map<String, Object>> createUser(@Valid @RequestBody CreateUserRequest request,
            Authentication admin, HttpServletRequest http) {
        List<Grant> grants = new ArrayList<>();
        if (request.grants() != null) {
            request.grants().forEach(g -> grants.add(personGrant(g)));
        }
        String password = request.password() == null ? Secrets.password() : request.password();
        if (!accounts.create(new UserAccount(request.username(), request.displayName(), encoder.encode(password),
                grants, true))) {
            throw new StateConflictException("username-taken", "username",
                    "there is already an account " + request.username());
        }
        audit.record(admin.getName(), "user-created", request.username(), null, http.getRemoteAddr());
        grants.forEach(g -> audit.record(admin.getName(), "grant-added", request.username(), g.toString(),
                http.getRemoteAddr()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", view(existing(request.username())));
        if (request.password() == null) {
            body.put("password", password);
        }
        return ResponseEntity.created(URI.create("/admin/api/users/" + request.username()))
                .cacheControl(CacheControl.noStore()).body(body);
    }

    @PostMapping("/users/{username}/disable")
    UserView disable(@PathVariable String username, Authentication admin, HttpServletRequest http) {
        if (username.equals(admin.getName())) {
            throw new StateConflictException("self-lockout", "username", "you cannot disable your own account");
        }
        return setEnabled(username, false, admin, http);
    }

    @PostMapping("/users/{username}/enable")
    UserView enable(@PathVariable String username, Authentication admin, HttpServletRequest http) {
        return setEnabled(username, true, admin, http);
    }

    @PostMapping("/users/{username}/password")
    ResponseEntity<Map<String, Object>> resetPassword(@PathVariable String username,
            @Valid @RequestBody(required = false) PasswordRequest request, Authentication admin,
            HttpServletRequest http) {
        UserAccount account = existing(username);
        String given = request == null ? null : request.password();
        String password = given == null ? Secrets.password() : given;
        accounts.save(new UserAccount(account.username(), account.displayName(), encoder.encode(password),
                account.grants(), account.enabled()));
        attempts.succeeded(username);
        audit.record(admin.getName(), "password-reset", username, null, http.getRemoteAddr());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", view(existing(username)));
        if (given == null) {
            body.put("password", password);
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    @PostMapping("/users/{username}/grants")
    UserView grant(@PathVariable String username, @Valid @RequestBody GrantRequest request, Authentication admin,
            HttpServletRequest http) {
        UserAccount account = existing(username);
        Grant grant = personGrant(request);
        if (!account.grants().contains(grant)) {
            List<Grant> grants = new ArrayList<>(account.grants());
            grants.add(grant);
            accounts.save(new UserAccount(account.username(), account.displayName(), account.passwordHash(), grants,
                    account.enabled()));
            audit.record(admin.getName(), "grant-added", username, grant.toString(), http.getRemoteAddr());
        }
        return view(existing(username));
    }

    @DeleteMapping("/users/{username}/grants/{grant}")
    ResponseEntity<Void> revoke(@PathVariable String username, @PathVariable String grant, Authentication admin,
            HttpServletRequest http) {
        UserAccount account = existing(username);
        Grant revoked;
        try {
            revoked = Grant.parse(grant);
        } catch (IllegalArgumentException e) {
            throw new RuleViolationException("grant-invalid", "grant", "write a grant as ROLE@unitId");
        }
        if (username.equals(admin.getName()) && revoked.equals(new Grant(Role.ADMIN, Grant.ALL_UNITS))) {
            throw new StateConflictException("self-lockout", "grant", "you cannot revoke your own administration");
        }
        if (!account.grants().contains(revoked)) {
            throw new NotFoundException("grant-not-found", "grant", username + " has no grant " + revoked);
        }
        List<Grant> grants = new ArrayList<>(account.grants());
        grants.remove(revoked);
        accounts.save(new UserAccount(account.username(), account.displayName(), account.passwordHash(), grants,
                account.enabled()));
        audit.record(admin.getName(), "grant-revoked", username, revoked.toString(), http.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/clients")
    List<ClientView> clients() {
        return clients.all().stream().map(AdminApiController::view).toList();
    }

    @PostMapping("/clients")
    ResponseEntity<Map<String, Object>> createClient(@Valid @RequestBody CreateClientRequest request,
            Authentication admin, HttpServletRequest http) {
        String clientId = request.clientId() == null
                ? "client-" + UUID.randomUUID().toString().substring(0, 8) : request.clientId();
        String secret = Secrets.clientSecret();
        if (!clients.create(clientId, request.name(), request.unitId(), encoder.encode(secret), admin.getName())) {
            throw new StateConflictException("client-id-taken", "clientId", "there is already a client " + clientId);
        }
        audit.record(admin.getName(), "client-created", clientId, new Grant(Role.INTEGRATOR, request.unitId())
                .toString(), http.getRemoteAddr());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client", view(clients.find(clientId).orElseThrow()));
        body.put("clientSecret", secret);
        return ResponseEntity.created(URI.create("/admin/api/clients/" + clientId))
                .cacheControl(CacheControl.noStore()).body(body);
    }

    @DeleteMapping("/clients/{clientId}")
    ResponseEntity<Void> revokeClient(@PathVariable String clientId, Authentication admin, HttpServletRequest http) {
        if (!clients.revoke(clientId, admin.getName())) {
            throw new NotFoundException("client-not-found", "clientId", "there is no active client " + clientId);
        }
        audit.record(admin.getName(), "client-revoked", clientId, null, http.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/audit")
    List<AuditLog.Entry> audit(@RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
        return audit.latest(limit);
    }

    private UserView setEnabled(String username, boolean enabled, Authentication admin, HttpServletRequest http) {
        UserAccount account = existing(username);
        if (account.enabled() != enabled) {
            accounts.save(new UserAccount(account.username(), account.displayName(), account.passwordHash(),
                    account.grants(), enabled));
            audit.record(admin.getName(), enabled ? "user-enabled" : "user-disabled", username, null,
                    http.getRemoteAddr());
        }
        return view(existing(username));
    }

    private static Grant personGrant(GrantRequest request) {
        if (request.role() == Role.INTEGRATOR) {
            throw new RuleViolationException("role-for-clients", "role",
                    "INTEGRATOR is for integrator clients; create a client instead");
        }
        return new Grant(request.role(), request.unitId());
    }

    private UserAccount existing(String username) {
        return accounts.find(username).orElseThrow(() -> new NotFoundException("user-not-found", "username",
                "there is no account " + username));
    }

    private UserView view(UserAccount account) {
        return new UserView(account.username(), account.displayName(), account.enabled(),
                account.grants().stream().map(Grant::toString).toList(),
                accounts.pendingGrants(account.username()).stream().map(Object::toString).toList());
    }

    private static ClientView view(IntegratorClients.IntegratorClient client) {
        return new ClientView(client.clientId(), client.name(), client.unitId(), client.grant().toString(),
                client.createdBy(), client.createdAt(), client.revokedBy(), client.revokedAt());
    }
}
