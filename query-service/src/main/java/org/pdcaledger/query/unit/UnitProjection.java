package org.pdcaledger.query.unit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.pdcaledger.kernel.unit.UnitMovedEvent;
import org.pdcaledger.kernel.unit.UnitRegisteredEvent;
import org.pdcaledger.kernel.unit.UnitRenamedEvent;
import org.pdcaledger.kernel.unit.UnitRetiredEvent;
import org.pdcaledger.kernel.unit.UnitSummary;
import org.pdcaledger.query.config.EventPositions;
import org.pdcaledger.query.config.ViewStore;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/**
 * Projects the unit tree into one {@link UnitSummary} document per unit, each carrying its path from the root.
 * A move rewrites the paths of the moved unit and of its whole subtree, so scope checks (a grant covers its
 * subtree) follow a reorganisation at once.
 */
@Component
@ProcessingGroup("units")
class UnitProjection implements UnitTree {

    private final ViewStore<UnitSummary> units;

    UnitProjection(MongoDatabase readStore, ObjectMapper objectMapper) {
        this.units = new ViewStore<>(readStore, "units", UnitSummary.class, objectMapper);
    }

    ViewStore<UnitSummary> units() {
        return units;
    }

    @EventHandler
    void on(UnitRegisteredEvent event, @Timestamp Instant at, TrackingToken token) {
        List<String> path = new ArrayList<>();
        if (event.parentId() != null) {
            units.find(event.parentId()).ifPresent(parent -> path.addAll(parent.path()));
        }
        path.add(event.unitId());
        units.apply(event.unitId(), EventPositions.of(token), current -> new UnitSummary(event.unitId(),
                event.code(), event.name(), event.parentId(), path, false, at, 0));
    }

    @EventHandler
    void on(UnitRenamedEvent event, TrackingToken token) {
        units.apply(event.unitId(), EventPositions.of(token), current -> current == null ? null
                : new UnitSummary(current.unitId(), current.code(), event.name(), current.parentId(), current.path(),
                        current.retired(), current.registeredAt(), current.version() + 1));
    }

    @EventHandler
    void on(UnitMovedEvent event, TrackingToken token) {
        long position = EventPositions.of(token);
        List<String> newPrefix = new ArrayList<>();
        units.find(event.toParentId()).ifPresent(parent -> newPrefix.addAll(parent.path()));
        newPrefix.add(event.unitId());
        for (UnitSummary unit : units.findAll(Filters.eq("path", event.unitId()))) {
            int at = unit.path().indexOf(event.unitId());
            List<String> path = new ArrayList<>(newPrefix);
            path.addAll(unit.path().subList(at + 1, unit.path().size()));
            boolean moved = unit.unitId().equals(event.unitId());
            units.apply(unit.unitId(), position, current -> current == null ? null
                    : new UnitSummary(current.unitId(), current.code(), current.name(),
                            moved ? event.toParentId() : current.parentId(), path, current.retired(),
                            current.registeredAt(), moved ? current.version() + 1 : current.version()));
        }
    }

    @EventHandler
    void on(UnitRetiredEvent event, TrackingToken token) {
        units.apply(event.unitId(), EventPositions.of(token), current -> current == null ? null
                : new UnitSummary(current.unitId(), current.code(), current.name(), current.parentId(),
                        current.path(), true, current.registeredAt(), current.version() + 1));
    }

    @Override
    public List<String> activeSubtreeOf(String unitId) {
        List<String> subtree = new ArrayList<>();
        units.find(unitId).ifPresent(root -> subtree.add(root.unitId()));
        if (subtree.isEmpty()) {
            return subtree;
        }
        units.findAll(Filters.eq("path", unitId)).stream()
                .filter(unit -> !unit.unitId().equals(unitId) && !unit.retired())
                .sorted(java.util.Comparator.comparing((UnitSummary unit) -> unit.path().size())
                        .thenComparing(UnitSummary::code))
                .forEach(unit -> subtree.add(unit.unitId()));
        return subtree;
    }

    @Override
    public List<String> pathOf(String unitId) {
        return units.find(unitId).map(UnitSummary::path).orElse(List.of());
    }

    @ResetHandler
    void reset() {
        units.deleteAll();
    }
}
