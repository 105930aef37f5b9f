package org.pdcaledger.query.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.pdcaledger.kernel.unit.UnitRegisteredEvent;
import org.pdcaledger.query.config.EventPositions;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * What the feed needs to decide who may see an event: which unit each aggregate belongs to and where each unit sits
 * in the tree. Events do not all name their unit, so an aggregate belongs to the unit named by the first of its
 * events that has a {@code unitId} field (read generically from the payload, so new features need no code here).
 * <p>
 * The unit paths are kept here rather than read from the unit view so that both lookups are as of the same position,
 * {@link #progress()}: the feed serves a scoped reader no event beyond it, so visibility never depends on how far
 * another projection has got, and a replay decides exactly as the first read did.
 */
@Component
@ProcessingGroup("feed-scope")
public class FeedScopeProjection {

    static final String UNIT_ID = "unitId";
    private static final String PROGRESS_ID = "feed-scope";

    private final MongoCollection<Document> aggregateUnits;
    private final MongoCollection<Document> unitPaths;
    private final MongoCollection<Document> progress;
    private final ObjectMapper objectMapper;

    FeedScopeProjection(MongoDatabase readStore, ObjectMapper objectMapper) {
        this.aggregateUnits = readStore.getCollection("feed_aggregate_units");
        this.unitPaths = readStore.getCollection("feed_unit_paths");
        this.progress = readStore.getCollection("feed_progress");
        this.objectMapper = objectMapper;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message, TrackingToken token) {
        long position = EventPositions.of(token);
        if (payload instanceof UnitRegisteredEvent registered) {
            List<String> path = new ArrayList<>();
            if (registered.parentId() != null) {
                path.addAll(pathOf(registered.parentId()));
            }
            path.add(registered.unitId());
            unitPaths.replaceOne(Filters.eq("_id", registered.unitId()),
                    new Document("_id", registered.unitId()).append("path", path).append("_position", position),
                    new ReplaceOptions().upsert(true));
        }
        String unitId = unitIdIn(objectMapper.valueToTree(payload));
        if (unitId != null && message instanceof DomainEventMessage<?> domain) {
            String aggregateId = domain.getAggregateIdentifier();
            if (aggregateUnits.find(Filters.eq("_id", aggregateId)).first() == null) {
                aggregateUnits.replaceOne(Filters.eq("_id", aggregateId),
                        new Document("_id", aggregateId).append(UNIT_ID, unitId).append("_position", position),
                        new ReplaceOptions().upsert(true));
            }
        }
        progress.updateOne(Filters.eq("_id", PROGRESS_ID), Updates.max("position", position),
                new UpdateOptions().upsert(true));
    }

    /** The {@code unitId} text field of an event's data, or {@code null}. */
    static String unitIdIn(JsonNode data) {
        JsonNode unitId = data == null ? null : data.get(UNIT_ID);
        return unitId != null && unitId.isTextual() && !unitId.asText().isBlank() ? unitId.asText() : null;
    }

    /** The unit an aggregate belongs to, as far as this projection has got. */
    public Optional<String> unitOfAggregate(String aggregateId) {
        return Optional.ofNullable(aggregateUnits.find(Filters.eq("_id", aggregateId)).first())
                .map(document -> document.getString(UNIT_ID));
    }

    /** The ids from the root down to {@code unitId}; empty when the unit is unknown (see {@code UnitHierarchy}). */
    public List<String> pathOf(String unitId) {
        Document document = unitPaths.find(Filters.eq("_id", unitId)).first();
        return document == null ? List.of() : document.getList("path", String.class);
    }

    /** The highest global position applied; {@code 0} before the first event. */
    public long progress() {
        Document document = progress.find(Filters.eq("_id", PROGRESS_ID)).first();
        return document == null ? 0 : document.get("position", Number.class).longValue();
    }

    @ResetHandler
    void reset() {
        aggregateUnits.deleteMany(new Document());
        unitPaths.deleteMany(new Document());
        progress.deleteMany(new Document());
    }
}
