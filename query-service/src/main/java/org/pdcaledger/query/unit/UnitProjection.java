package org.pdcaledger.query.unit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.pdcaledger.kernel.unit.UnitRegisteredEvent;
import org.pdcaledger.kernel.unit.UnitRenamedEvent;
import org.pdcaledger.kernel.unit.UnitSummary;
import org.pdcaledger.query.config.EventPositions;
import org.pdcaledger.query.config.ViewStore;
import org.pdcaledger.support.security.UnitHierarchy;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;

/**
 * Projects the unit tree into one {@link UnitSummary} document per unit, each carrying its path from the root.
 */
@Component
@ProcessingGroup("units")
class UnitProjection implements UnitHierarchy {

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

    @Override
    public List<String> pathOf(String unitId) {
        return units.find(unitId).map(UnitSummary::path).orElse(List.of());
    }

    @ResetHandler
    void reset() {
        units.deleteAll();
    }
}
