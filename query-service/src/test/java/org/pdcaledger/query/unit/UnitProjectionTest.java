package org.pdcaledger.query.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pdcaledger.kernel.common.LocalizedName;
import org.pdcaledger.kernel.unit.UnitRegisteredEvent;
import org.pdcaledger.kernel.unit.UnitMovedEvent;
import org.pdcaledger.kernel.unit.UnitRenamedEvent;
import org.pdcaledger.kernel.unit.UnitRetiredEvent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

class UnitProjectionTest {

    private MongoServer server;
    private MongoClient client;
    private UnitProjection projection;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        projection = new UnitProjection(client.getDatabase("test"),
                new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    private void replay() {
        Instant at = Instant.parse("2026-01-05T02:00:00Z");
        projection.on(new UnitRegisteredEvent("u-city", "SZ", new LocalizedName("市", "City"), null), at,
                new GlobalSequenceTrackingToken(1));
        projection.on(new UnitRegisteredEvent("u-a", "A", new LocalizedName("甲", "A"), "u-city"), at,
                new GlobalSequenceTrackingToken(2));
        projection.on(new UnitRenamedEvent("u-a", new LocalizedName("甲局", "Bureau A")),
                new GlobalSequenceTrackingToken(3));
        projection.on(new UnitRegisteredEvent("u-a1", "A1", new LocalizedName("甲一处", "A1"), "u-a"), at,
                new GlobalSequenceTrackingToken(4));
    }

    private List<Document> documents() {
        return projection.units().collection().find().sort(new Document("_id", 1)).into(new ArrayList<>());
    }

    @Test
    void eachUnit_carriesItsPathFromTheRoot_andItsLatestName() {
        replay();

        assertThat(projection.pathOf("u-a1")).containsExactly("u-city", "u-a", "u-a1");
        assertThat(projection.units().find("u-a").orElseThrow().name().en()).isEqualTo("Bureau A");
        assertThat(projection.units().find("u-a").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void replayingTheSameEventsTwice_leavesEveryDocumentIdentical() {
        replay();
        List<String> once = documents().stream().map(Document::toJson).toList();

        replay();

        assertThat(documents().stream().map(Document::toJson).toList()).isEqualTo(once);
    }

    @Test
    void resetThenReplay_rebuildsByteIdenticalDocuments() {
        replay();
        List<String> before = documents().stream().map(Document::toJson).toList();

        projection.reset();
        assertThat(documents()).isEmpty();
        replay();

        assertThat(documents().stream().map(Document::toJson).toList()).isEqualTo(before);
    }

    private void replayWithMove() {
        replay();
        Instant at = Instant.parse("2026-01-06T02:00:00Z");
        projection.on(new UnitRegisteredEvent("u-b", "B", new LocalizedName("乙局", "Bureau B"), "u-city"), at,
                new GlobalSequenceTrackingToken(5));
        projection.on(new UnitRegisteredEvent("u-a1x", "A1X", new LocalizedName("甲一科", "A1X"), "u-a1"), at,
                new GlobalSequenceTrackingToken(6));
        projection.on(new UnitMovedEvent("u-a1", "u-a", "u-b"), new GlobalSequenceTrackingToken(7));
        projection.on(new UnitRetiredEvent("u-a", "merged"), new GlobalSequenceTrackingToken(8));
    }

    @Test
    void aMove_rewritesThePathsOfTheMovedUnitAndOfItsWholeSubtree() {
        replayWithMove();

        assertThat(projection.pathOf("u-a1")).containsExactly("u-city", "u-b", "u-a1");
        assertThat(projection.pathOf("u-a1x")).containsExactly("u-city", "u-b", "u-a1", "u-a1x");
        assertThat(projection.units().find("u-a1").orElseThrow().parentId()).isEqualTo("u-b");
        assertThat(projection.units().find("u-a1").orElseThrow().version()).isEqualTo(1);
        assertThat(projection.units().find("u-a1x").orElseThrow().version()).isZero();
        assertThat(projection.activeSubtreeOf("u-b")).containsExactly("u-b", "u-a1", "u-a1x");
        assertThat(projection.activeSubtreeOf("u-city")).containsExactly("u-city", "u-b", "u-a1", "u-a1x");
        assertThat(projection.units().find("u-a").orElseThrow().retired()).isTrue();
    }

    @Test
    void replayingMovesTwice_leavesEveryDocumentIdentical() {
        replayWithMove();
        List<String> once = documents().stream().map(Document::toJson).toList();

        replayWithMove();

        assertThat(documents().stream().map(Document::toJson).toList()).isEqualTo(once);
    }
}
