package org.pdcaledger.query.initiative;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Test;
import org.pdcaledger.query.config.ViewWriteBehind;
import org.pdcaledger.support.security.UnitHierarchy;

import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Replays whole initiative histories (events of one initiative in a row, as a rebuild reads generated data) through
 * the projection over the MongoDB wire protocol on loopback, with each event's documents read and written at once
 * ("direct", as before {@link ViewWriteBehind}) and once per batch of 100 events ("batched", as the processors do
 * now), alternating so that a busy machine affects both alike. Not a test; run on demand:
 * {@code ./mvnw -q -B verify -pl query-service -am -Dtest=InitiativeReplayBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class InitiativeReplayBenchmark {

    @Test
    void replayRate_directAndBatched() {
        MongoServer server = new MongoServer(new MemoryBackend());
        var client = MongoClients.create(server.bindAndGetConnectionString());
        Map<String, List<String>> paths = new HashMap<>();
        for (int u = 0; u < 200; u++) {
            paths.put("u" + u, List.of("root", "b" + u % 10, "u" + u));
        }
        UnitHierarchy tree = id -> paths.getOrDefault(id, List.of());
        long[] position = {0};
        for (int round = 0; round < 6; round++) {
            boolean batched = round % 2 == 1;
            InitiativeProjection projection = new InitiativeProjection(client.getDatabase("r" + round),
                    InitiativeProjectionTest.objectMapper(), tree);
            List<Runnable> events = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                String id = "i-" + round + "-" + i;
                List<InitiativeStory.Step> story = InitiativeStory.twoCycles(id, "u" + i % 200);
                for (int s = 0; s < story.size(); s++) {
                    InitiativeStory.Step step = story.get(s);
                    long version = s;
                    events.add(() -> projection.on(step.event(), step.at(), version, MetaData.from(step.metaData()),
                            new GlobalSequenceTrackingToken(++position[0])));
                }
            }
            long start = System.nanoTime();
            if (batched) {
                for (int from = 0; from < events.size(); from += 100) {
                    List<Runnable> chunk = events.subList(from, Math.min(events.size(), from + 100));
                    var unitOfWork = new BatchingUnitOfWork<>(chunk.stream()
                            .map(e -> GenericEventMessage.asEventMessage("e")).toList());
                    int[] n = {0};
                    unitOfWork.executeWithResult(() -> {
                        chunk.get(n[0]++).run();
                        ViewWriteBehind.flushAfterLastEvent(unitOfWork);
                        return null;
                    });
                }
            } else {
                events.forEach(Runnable::run);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%-8s %d events in %.2f s: %.0f events/s%n", batched ? "batched" : "direct",
                    events.size(), seconds, events.size() / seconds);
        }
        client.close();
        server.shutdownNow();
    }
}
