package org.pdcaledger.web.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.pdcaledger.kernel.access.Grant;
import org.springframework.stereotype.Component;

/**
 * Turns grants known only by unit code into grants on the unit's id, lazily, when the account next calls the API:
 * a demo account can be scoped to a bureau that the demo data registers after web-ui has started. Until the unit
 * exists the grant gives nothing (default deny). Each account is retried at most every 15 seconds, so a missing unit
 * does not cost a call per request.
 */
@Component
public class PendingGrants {

    private static final Duration RETRY = Duration.ofSeconds(15);

    private final UserAccounts accounts;
    private final UnitDirectory units;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, Instant> lastTry = new ConcurrentHashMap<>();

    PendingGrants(UserAccounts accounts, UnitDirectory units, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
    }

    /** The account with every pending grant that can be resolved now resolved (and stored). */
    public UserAccount resolve(UserAccount account) {
        List<UserAccounts.PendingGrant> pending = accounts.pendingGrants(account.username());
        if (pending.isEmpty()) {
            return account;
        }
        Instant now = clock.instant();
        Instant previous = lastTry.get(account.username());
        if (previous != null && previous.plus(RETRY).isAfter(now)) {
            return account;
        }
        lastTry.put(account.username(), now);
        boolean changed = false;
        for (UserAccounts.PendingGrant grant : pending) {
            var unitId = units.unitIdOf(grant.unitCode());
            if (unitId.isPresent()) {
                Grant resolved = new Grant(grant.role(), unitId.get());
                accounts.resolve(account.username(), grant, resolved);
                audit.record(UnitDirectory.SUBJECT, "grant-added", account.username(),
                        resolved + " (unit code " + grant.unitCode() + ")", null);
                changed = true;
            }
        }
        return changed ? accounts.find(account.username()).orElse(account) : account;
    }
}
