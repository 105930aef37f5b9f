package org.pdcaledger.query.initiative;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.pdcaledger.kernel.access.Grant;
import org.pdcaledger.kernel.access.Role;
import org.pdcaledger.kernel.initiative.InitiativeDetail;
import org.pdcaledger.kernel.initiative.InitiativeHistory;
import org.pdcaledger.kernel.initiative.InitiativePage;
import org.pdcaledger.kernel.initiative.InitiativeSummary;
import org.pdcaledger.support.security.Caller;
import org.pdcaledger.support.security.ScopeGuard;
import org.pdcaledger.support.security.UnitHierarchy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;

/**
 * Answers the initiative reads from the projection's documents, scope-filtered and flagged.
 * <p>
 * A list is assembled from key look-ups only: the caller's candidate units come from one {@link SubtreeUnits}
 * document per root (the requested unit, or each unit the caller holds a read grant on), then the units' own lists
 * are fetched in batches by {@code _id}, filtered, and cut into pages. The cursor is the position of the next entry
 * (candidate unit index, entry index), stable because both documents only ever grow at the end.
 */
@Component
class InitiativeQueries {

    /** The roles that may read initiatives in their scope (an ADMIN grant counts for every role). */
    static final Role[] READERS = {Role.LEADER, Role.IMPROVER, Role.ASSESSOR, Role.ADMIN};
    private static final int BATCH = 64;

    private final InitiativeProjection projection;
    private final UnitHierarchy units;
    private final ScopeGuard scopes;
    private final InitiativeFlagging flagging;

    InitiativeQueries(InitiativeProjection projection, UnitHierarchy units, ScopeGuard scopes, Clock clock,
            @Value("${pdca.initiatives.stalled-after:P14D}") Duration stalledAfter) {
        this.projection = projection;
        this.units = units;
        this.scopes = scopes;
        this.flagging = new InitiativeFlagging(clock, stalledAfter);
    }

    Optional<InitiativeDetail> detail(Caller caller, String initiativeId) {
        return projection.details().find(initiativeId)
                .filter(detail -> scopes.covers(caller, detail.unitId(), READERS))
                .map(flagging::flag);
    }

    Optional<InitiativeHistory> history(Caller caller, String initiativeId) {
        return projection.histories().find(initiativeId)
                .filter(history -> scopes.covers(caller, history.unitId(), READERS));
    }

    InitiativePage list(Caller caller, InitiativeFilter filter, Cursor from, int limit) {
        List<String> candidates = candidateUnits(caller, filter);
        Map<String, UnitInitiatives> loaded = new HashMap<>();
        // Scope is checked with the paths stored beside each unit's list: the same rule as the injected guard,
        // without one look-up per unit.
        ScopeGuard listScope = new ScopeGuard(unitId -> loaded.containsKey(unitId)
                ? loaded.get(unitId).unitPath() : units.pathOf(unitId));
        List<InitiativeSummary> items = new ArrayList<>();
        int loadedUpTo = from.unitIndex();
        for (int unitIndex = from.unitIndex(); unitIndex < candidates.size(); unitIndex++) {
            if (unitIndex >= loadedUpTo) {
                loadedUpTo = Math.min(candidates.size(), unitIndex + BATCH);
                load(candidates.subList(unitIndex, loadedUpTo), loaded);
            }
            UnitInitiatives unit = loaded.get(candidates.get(unitIndex));
            if (unit == null || !listScope.covers(caller, unit.unitId(), READERS)) {
                continue;
            }
            int first = unitIndex == from.unitIndex() ? from.entryIndex() : 0;
            for (int entryIndex = first; entryIndex < unit.initiatives().size(); entryIndex++) {
                InitiativeSummary summary = flagging.flag(unit.initiatives().get(entryIndex));
                if (!filter.matches(summary)) {
                    continue;
                }
                if (items.size() == limit) {
                    return new InitiativePage(items, new Cursor(unitIndex, entryIndex).toString());
                }
                items.add(summary);
            }
        }
        return new InitiativePage(items, null);
    }

    private void load(List<String> unitIds, Map<String, UnitInitiatives> loaded) {
        projection.unitLists().findAll(Filters.in("_id", unitIds))
                .forEach(unit -> loaded.put(unit.unitId(), unit));
    }

    /**
     * The units whose initiatives the list may contain, in a stable order: the requested unit (with its subtree when
     * asked), or everything the caller's read grants cover. Units outside the caller's scope are removed later.
     */
    private List<String> candidateUnits(Caller caller, InitiativeFilter filter) {
        Set<String> result = new LinkedHashSet<>();
        if (filter.unit() != null) {
            if (!filter.subtree()) {
                return List.of(filter.unit());
            }
            if (scopes.covers(caller, filter.unit(), READERS)) {
                return subtreeOf(filter.unit());
            }
            // The caller sees only parts of the requested subtree: the subtrees of their grants inside it.
            for (Grant grant : readGrants(caller)) {
                if (units.pathOf(grant.unitId()).contains(filter.unit())) {
                    result.addAll(subtreeOf(grant.unitId()));
                }
            }
            return List.copyOf(result);
        }
        List<Grant> grants = readGrants(caller);
        if (grants.stream().anyMatch(Grant::coversAllUnits)) {
            return subtreeOf(InitiativeProjection.ALL_UNITS);
        }
        grants.forEach(grant -> result.addAll(subtreeOf(grant.unitId())));
        return List.copyOf(result);
    }

    private List<String> subtreeOf(String unitId) {
        return projection.subtrees().find(unitId).map(SubtreeUnits::units).orElse(List.of());
    }

    private static List<Grant> readGrants(Caller caller) {
        Set<Role> readers = Set.of(READERS);
        return caller.grants().stream()
                .filter(grant -> readers.contains(grant.role()))
                .sorted(Comparator.comparing(Grant::unitId))
                .toList();
    }

    /** Where a page starts: the index of the candidate unit and of the entry within that unit's list. */
    record Cursor(int unitIndex, int entryIndex) {

        static final Cursor START = new Cursor(0, 0);
        static final String PATTERN = "\\d{1,7}\\.\\d{1,7}";

        static Cursor parse(String text) {
            if (text == null || text.isEmpty()) {
                return START;
            }
            int dot = text.indexOf('.');
            return new Cursor(Integer.parseInt(text.substring(0, dot)), Integer.parseInt(text.substring(dot + 1)));
        }

        @Override
        public String toString() {
            return unitIndex + "." + entryIndex;
        }
    }
}
