package org.pdcaledger.query.initiative;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

class UnitIndexStoreTest {

    private MongoServer server;
    private MongoClient client;
    private UnitIndexStore index;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        index = new UnitIndexStore(client.getDatabase("test"), "index");
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    private List<String> documents() {
        List<String> all = new ArrayList<>();
        index.collection().find().sort(new Document("_id", 1)).forEach(d -> all.add(d.toJson()));
        return all;
    }

    @Test
    void aSetLargerThanAChunk_isReadBackWhole_inTheOrderItsUnitsWereAdded() {
        List<String> units = IntStream.range(0, 600).mapToObj(i -> "u-" + (599 - i)).toList();
        for (int i = 0; i < units.size(); i++) {
            index.add("*", units.get(i), i + 1);
        }

        assertThat(index.members("*")).containsExactlyElementsOf(units);
        assertThat(index.collection().countDocuments(Filters.regex("_id", "^\\*#"))).isEqualTo(3);
        assertThat(index.members("nothing")).isEmpty();
    }

    @Test
    void addingAUnitAgain_changesNothing() {
        index.add("owner:li", "u-a", 1);
        index.add("owner:li", "u-b", 2);
        List<String> once = documents();

        index.add("owner:li", "u-a", 1);
        index.add("owner:li", "u-a", 7);

        assertThat(documents()).isEqualTo(once);
        assertThat(index.members("owner:li")).containsExactly("u-a", "u-b");
    }

    @Test
    void anAddInterruptedBeforeItsMarker_leavesNoDuplicate_whenRepeated() {
        for (int i = 0; i < UnitIndexStore.CHUNK - 1; i++) {
            index.add("k", "u-" + i, i + 1);
        }
        index.add("k", "u-last", 300);
        index.collection().deleteOne(Filters.eq("_id", "k|u-last")); // as if the process died before the marker

        index.add("k", "u-last", 300); // the replay lands it in the next chunk as well

        assertThat(index.members("k")).hasSize(UnitIndexStore.CHUNK).endsWith("u-last");
    }
}
