package org.pdcaledger.query.initiative;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
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
import com.mongodb.client.model.Projections;

/**
 * Answers the initiative reads from the projection's documents, scope-filtered and flagged.
 * <p>
 * A list is assembled from key look-ups only: the caller's candidate units come from one subtree index ({@link UnitIndexStore})
 * per root (the requested unit, or each unit the caller holds a read grant on), narrowed by the facet indexes of
 * the owner, framework and indicator filters; the units' own lists are then fetched by {@code _id} in batches that
 * double in size (a first page needs only a few units), filtered, and cut into pages. The cursor is the position of
 * the next entry (index in the subtree list, index in the unit's list), stable because both lists only ever grow at
 * the end.
 */
@Component
class InitiativeQueries {

    /** The roles that may read initiatives in their scope (an ADMIN grant counts for every role). */
    static final Role[] READERS = {Role.LEADER, Role.IMPROVER, Role.ASSESSOR, Role.ADMIN};
    /** Units fetched in the first look-up; each further look-up fetches twice as many, up to {@link #MAX_BATCH}. */
    private static final int FIRST_BATCH = 8;
    private static final int MAX_BATCH = 256;
    private static final List<String> SYNOPSIS = List.of("stages", "earliestOpenDue", "earliestActivity");

    private final InitiativeProjection projection;
    private final UnitHierarchy units;
    private final ScopeGuard scopes;
    private final InitiativeFlagging flagging;
    private final Clock clock;

    InitiativeQueries(InitiativeProjection projection, UnitHierarchy units, ScopeGuard scopes, Clock clock,
            @Value("${pdca.initiatives.stalled-after:P14D}") Duration stalledAfter) {
        this.projection = projection;
        this.units = units;
        this.scopes = scopes;
        this.flagging = new InitiativeFlagging(clock, stalledAfter);
        this.clock = clock;
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
        Set<String> withFacets = unitsWithFacets(filter);
        Map<String, UnitInitiatives> loaded = new HashMap<>();
        // Scope is checked with the paths stored beside each unit's list: the same rule as the injected guard,
        // without one look-up per unit.
        ScopeGuard listScope = new ScopeGuard(unitId -> loaded.containsKey(unitId)
                ? loaded.get(unitId).unitPath() : units.pathOf(unitId));
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        List<InitiativeSummary> items = new ArrayList<>();
        int loadedUpTo = from.unitIndex();
        int batch = FIRST_BATCH;
        for (int unitIndex = from.unitIndex(); unitIndex < candidates.size(); unitIndex++) {
            if (unitIndex >= loadedUpTo) {
                loadedUpTo = Math.min(candidates.size(), unitIndex + batch);
                load(candidates.subList(unitIndex, loadedUpTo), withFacets, filter, today, now, loaded);
                batch = Math.min(batch * 2, MAX_BATCH);
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

    /**
     * Loads the lists of those {@code unitIds} that can hold a match: units outside the facet sets are skipped
     * without a look-up, and when the filter asks for stages, overdue or stalled initiatives, a first look-up reads
     * only each unit's synopsis and the lists are read only for units whose synopsis allows a match.
     */
    private void load(List<String> unitIds, Set<String> withFacets, InitiativeFilter filter, LocalDate today,
            Instant now, Map<String, UnitInitiatives> loaded) {
        List<String> wanted = withFacets == null ? unitIds
                : unitIds.stream().filter(withFacets::contains).toList();
        if (wanted.isEmpty()) {
            return;
        }
        if (filter.narrowsBySynopsis()) {
            List<String> possible = new ArrayList<>();
            projection.unitLists().collection().find(Filters.in("_id", wanted))
                    .projection(Projections.include(SYNOPSIS))
                    .forEach(synopsis -> {
                        if (mayMatch(synopsis, filter, today, now)) {
                            possible.add(synopsis.getString("_id"));
                        }
                    });
            wanted = possible;
            if (wanted.isEmpty()) {
                return;
            }
        }
        projection.unitLists().findAll(Filters.in("_id", wanted))
                .forEach(unit -> loaded.put(unit.unitId(), unit));
    }

    private boolean mayMatch(Document synopsis, InitiativeFilter filter, LocalDate today, Instant now) {
        if (filter.stages() != null && !filter.stages().isEmpty()) {
            List<String> stages = synopsis.getList("stages", String.class, List.of());
            if (filter.stages().stream().noneMatch(stage -> stages.contains(stage.name()))) {
                return false;
            }
        }
        if (Boolean.TRUE.equals(filter.overdue())) {
            String earliestOpenDue = synopsis.getString("earliestOpenDue");
            if (earliestOpenDue == null || !LocalDate.parse(earliestOpenDue).isBefore(today)) {
                return false;
            }
        }
        if (Boolean.TRUE.equals(filter.stalled())) {
            String earliestActivity = synopsis.getString("earliestActivity");
            return earliestActivity != null && flagging.isStalled(Instant.parse(earliestActivity), now);
        }
        return true;
    }

    /** The units that have initiatives with the filter's owner, framework and indicator; {@code null}: any unit. */
    private Set<String> unitsWithFacets(InitiativeFilter filter) {
        List<String> keys = new ArrayList<>();
        if (filter.owner() != null) {
            keys.add(InitiativeProjection.ownerKey(filter.owner()));
        }
        if (filter.indicator() != null) {
            keys.add(InitiativeProjection.indicatorKey(filter.framework(), filter.indicator()));
        } else if (filter.framework() != null) {
            keys.add(InitiativeProjection.frameworkKey(filter.framework()));
        }
        Set<String> result = null;
        for (String key : keys) {
            Set<String> members = projection.facets().memberSet(key);
            if (result == null) {
                result = members;
            } else {
                result.retainAll(members);
            }
        }
        return result;
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
        return projection.subtrees().members(unitId);
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
