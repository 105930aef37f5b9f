package org.pdcaledger.query.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** Views written once per batch: read-your-writes inside it, nothing written when it fails, everything after it. */
class ViewWriteBehindTest {

    record Counter(String name, int count) {
    }

    private MongoServer server;
    private MongoClient client;
    private ViewStore<Counter> counters;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        counters = new ViewStore<>(client.getDatabase("t"), "counters", Counter.class, new ObjectMapper());
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void aBatch_readsItsOwnWrites_andWritesEachDocumentOnceAtItsEnd() {
        var batch = new BatchingUnitOfWork<>(List.of(GenericEventMessage.asEventMessage("e1"),
                GenericEventMessage.asEventMessage("e2")));
        batch.executeWithResult(() -> {
            counters.apply("c", batch.getMessage().getPayload().equals("e1") ? 1 : 2, current ->
                    new Counter("c", current == null ? 1 : current.count() + 1));
            assertThat(counters.find("c")).isPresent();
            if (!batch.isLastMessage()) {
                assertThat(stored("c")).as("written before the batch ended").isNull();
            }
            ViewWriteBehind.flushAfterLastEvent(batch);
            return null;
        });
        assertThat(stored("c").getInteger("count")).isEqualTo(2);
        assertThat(stored("c").get(ViewStore.POSITION, Number.class).longValue()).isEqualTo(2);
    }

    @Test
    void aFailingBatch_writesNothing() {
        var unitOfWork = DefaultUnitOfWork.startAndGet(null);
        var result = unitOfWork.executeWithResult(() -> {
            counters.apply("c", 1, current -> new Counter("c", 1));
            throw new IllegalStateException("handler failed");
        });
        assertThat(result.isExceptional()).isTrue();
        assertThat(stored("c")).isNull();
    }

    @Test
    void findAll_seesWhatTheBatchHasPending() {
        var unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.executeWithResult(() -> {
            counters.apply("a", 1, current -> new Counter("a", 1));
            assertThat(counters.findAll(Filters.eq("name", "a"))).containsExactly(new Counter("a", 1));
            return null;
        });
        assertThat(stored("a")).isNotNull();
    }

    @Test
    void aDirectChangeThroughTheCollection_isSeenByTheRestOfTheBatch() {
        var unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.executeWithResult(() -> {
            counters.apply("d", 1, current -> new Counter("d", 1));
            counters.collection().deleteOne(Filters.eq("_id", "d"));
            assertThat(counters.find("d")).isEmpty();
            return null;
        });
        assertThat(stored("d")).isNull();
    }

    @Test
    void outsideABatch_everyWriteGoesStraightToTheCollection() {
        counters.apply("x", 7, current -> new Counter("x", 7));
        assertThat(stored("x").getInteger("count")).isEqualTo(7);
        counters.apply("x", 7, current -> new Counter("x", 99));
        assertThat(stored("x").getInteger("count")).as("an old position is skipped").isEqualTo(7);
    }

    private Document stored(String key) {
        return client.getDatabase("t").getCollection("counters").find(Filters.eq("_id", key)).first();
    }
}
