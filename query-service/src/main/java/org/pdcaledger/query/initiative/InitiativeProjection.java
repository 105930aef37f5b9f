package org.pdcaledger.query.initiative;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.pdcaledger.kernel.common.EventTypeName;
import org.pdcaledger.kernel.common.MetadataKeys;
import org.pdcaledger.kernel.initiative.GapReference;
import org.pdcaledger.kernel.initiative.HistoryEntry;
import org.pdcaledger.kernel.initiative.InitiativeDetail;
import org.pdcaledger.kernel.initiative.InitiativeEvent;
import org.pdcaledger.kernel.initiative.InitiativeHistory;
import org.pdcaledger.kernel.initiative.InitiativeLaunchedEvent;
import org.pdcaledger.kernel.initiative.InitiativeSummary;
import org.pdcaledger.query.config.EventPositions;
import org.pdcaledger.query.config.ViewStore;
import org.pdcaledger.support.security.UnitHierarchy;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;

/**
 * Projects initiative events into four collections, each keyed for look-ups by {@code _id} only (mongo-java-server
 * answers nothing else from an index):
 * <ul>
 * <li>{@code initiatives}: the initiative page ({@link InitiativeDetail}), one document per initiative;</li>
 * <li>{@code initiative_histories}: its full history ({@link InitiativeHistory}), one document per initiative;</li>
 * <li>{@code initiatives_by_unit}: the list entries of each unit's own initiatives ({@link UnitInitiatives});</li>
 * <li>{@code initiative_subtrees} and {@code initiative_facets}: which units have initiatives, per subtree (the
 *     key {@code *} for the whole tree) and per owner ({@code owner:li}), framework ({@code framework:GOV-OPS}) and
 *     indicator ({@code indicator:GOV-OPS/AGILITY}, {@code indicator:}{@code *}{@code /AGILITY}), in the order they
 *     got their first such initiative ({@link UnitIndexStore}). They only grow, and only at a launch, so a list is a
 *     few look-ups plus {@code _id $in} look-ups of the units' lists, never a scan.</li>
 * </ul>
 * Every document keeps the global position it last applied, so replaying events leaves it unchanged.
 * <p>
 * The unit paths come from the units view ({@link UnitHierarchy}), which another processing group fills. An
 * initiative is only ever launched for an existing unit, so when the path is not there yet the units view is
 * behind (e.g. during a rebuild of both): the handler fails and the processor retries the event later (see
 * {@link InitiativeQueryConfiguration}) instead of indexing the initiative under no unit.
 */
@Component
@ProcessingGroup(InitiativeProjection.PROCESSING_GROUP)
class InitiativeProjection {

    static final String PROCESSING_GROUP = "initiatives";
    /** The subtree key under which every unit with initiatives is listed. */
    static final String ALL_UNITS = "*";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final ViewStore<InitiativeDetail> details;
    private final ViewStore<InitiativeHistory> histories;
    private final ViewStore<UnitInitiatives> unitLists;
    private final UnitIndexStore subtrees;
    private final UnitIndexStore facets;
    private final UnitHierarchy units;
    private final ObjectMapper objectMapper;

    InitiativeProjection(MongoDatabase readStore, ObjectMapper objectMapper, UnitHierarchy units) {
        this.details = new ViewStore<>(readStore, "initiatives", InitiativeDetail.class, objectMapper);
        this.histories = new ViewStore<>(readStore, "initiative_histories", InitiativeHistory.class, objectMapper);
        this.unitLists = new ViewStore<>(readStore, "initiatives_by_unit", UnitInitiatives.class, objectMapper);
        this.subtrees = new UnitIndexStore(readStore, "initiative_subtrees");
        this.facets = new UnitIndexStore(readStore, "initiative_facets");
        this.units = units;
        this.objectMapper = objectMapper;
    }

    ViewStore<InitiativeDetail> details() {
        return details;
    }

    ViewStore<InitiativeHistory> histories() {
        return histories;
    }

    ViewStore<UnitInitiatives> unitLists() {
        return unitLists;
    }

    UnitIndexStore subtrees() {
        return subtrees;
    }

    UnitIndexStore facets() {
        return facets;
    }

    @EventHandler
    void on(InitiativeEvent event, @Timestamp Instant at, @SequenceNumber Long version, MetaData metaData,
            TrackingToken token) {
        long position = EventPositions.of(token);
        String id = event.initiativeId();
        String actorName = text(metaData.get(MetadataKeys.ACTOR_NAME));
        List<String> launchPath = event instanceof InitiativeLaunchedEvent launched ? pathOf(launched) : null;
        details.apply(id, position, current -> {
            if (event instanceof InitiativeLaunchedEvent launched) {
                return current == null ? InitiativeFolding.launched(launched, at, version) : null;
            }
            return current == null ? null : InitiativeFolding.apply(current, event, at, version, actorName);
        });
        InitiativeDetail detail = details.find(id).orElse(null);
        if (detail == null) {
            return;
        }
        unitLists.apply(detail.unitId(), position, current -> {
            List<String> path = current != null ? current.unitPath() : launchPath;
            return path == null ? null : UnitInitiatives.of(detail.unitId(), path, upsert(
                    current == null ? List.of() : current.initiatives(), InitiativeFolding.summarise(detail, path)));
        });
        if (event instanceof InitiativeLaunchedEvent launched) {
            List<String> ancestors = new ArrayList<>();
            ancestors.add(ALL_UNITS);
            ancestors.addAll(launchPath);
            ancestors.forEach(ancestor -> subtrees.add(ancestor, launched.unitId(), position));
            facetKeys(launched).forEach(key -> facets.add(key, launched.unitId(), position));
        }
        histories.apply(id, position, current -> {
            List<HistoryEntry> entries = new ArrayList<>(current == null ? List.of() : current.entries());
            entries.add(new HistoryEntry(version, at, text(metaData.get(MetadataKeys.ACTOR)), actorName,
                    text(metaData.get(MetadataKeys.COMMAND)), EventTypeName.of(event.getClass()), event.cycle(),
                    data(event)));
            return new InitiativeHistory(id, detail.unitId(), entries);
        });
    }

    private List<String> pathOf(InitiativeLaunchedEvent launched) {
        List<String> path = units.pathOf(launched.unitId());
        if (path.isEmpty()) {
            throw new IllegalStateException("the units view does not know unit " + launched.unitId()
                    + " of initiative " + launched.initiativeId() + " yet; the event will be retried");
        }
        return path;
    }

    /** The keys under which {@code initiative_facets} lists the units having an initiative like this one. */
    static List<String> facetKeys(InitiativeLaunchedEvent launched) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(ownerKey(launched.owner()));
        for (GapReference gap : launched.gaps()) {
            keys.add(frameworkKey(gap.frameworkCode()));
            keys.add(indicatorKey(gap.frameworkCode(), gap.indicatorCode()));
            keys.add(indicatorKey(null, gap.indicatorCode()));
        }
        return List.copyOf(keys);
    }

    static String ownerKey(String owner) {
        return "owner:" + owner;
    }

    static String frameworkKey(String framework) {
        return "framework:" + framework;
    }

    static String indicatorKey(String framework, String indicator) {
        return "indicator:" + (framework == null ? ALL_UNITS : framework) + "/" + indicator;
    }

    private static List<InitiativeSummary> upsert(List<InitiativeSummary> summaries, InitiativeSummary summary) {
        List<InitiativeSummary> result = new ArrayList<>(summaries);
        for (int i = 0; i < result.size(); i++) {
            if (result.get(i).initiativeId().equals(summary.initiativeId())) {
                result.set(i, summary);
                return result;
            }
        }
        result.add(summary);
        return result;
    }

    private Map<String, Object> data(InitiativeEvent event) {
        Map<String, Object> data = new LinkedHashMap<>(objectMapper.convertValue(event, MAP));
        data.remove("initiativeId");
        data.remove("cycle");
        return data;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    @ResetHandler
    void reset() {
        details.deleteAll();
        histories.deleteAll();
        unitLists.deleteAll();
        subtrees.deleteAll();
        facets.deleteAll();
    }
}
