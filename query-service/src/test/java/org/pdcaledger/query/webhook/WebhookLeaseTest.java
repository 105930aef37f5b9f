package org.pdcaledger.query.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** Two dispatcher instances sharing one read store: only the lease holder delivers and moves the position. */
class WebhookLeaseTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private WebhookStore store;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        store = new WebhookStore(client.getDatabase("test"));
        store.insert(new WebhookSubscription("wh-1", "https://hooks.example.org/", List.of(), null,
                WebhookSubscription.ACTIVE, null, NOW, 10, null, "client", true, List.of("INTEGRATOR@*")), "v1:x");
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aLease_excludesOtherInstances_untilItExpires_andThenTheHolderCanNoLongerWrite() {
        assertThat(store.claim("wh-1", "a", NOW, NOW.plusSeconds(30))).isTrue();
        assertThat(store.claim("wh-1", "b", NOW.plusSeconds(10), NOW.plusSeconds(40))).isFalse();
        assertThat(store.claim("wh-1", "a", NOW.plusSeconds(10), NOW.plusSeconds(40))).as("renewal").isTrue();
        assertThat(store.advance("wh-1", "b", 11)).isFalse();
        assertThat(store.advance("wh-1", "a", 11)).isTrue();

        assertThat(store.claim("wh-1", "b", NOW.plusSeconds(41), NOW.plusSeconds(71))).as("after expiry").isTrue();
        assertThat(store.advance("wh-1", "a", 12)).as("the old holder is fenced off").isFalse();
        assertThat(store.find("wh-1").orElseThrow().position()).isEqualTo(11);
    }

    @Test
    void thePosition_neverMovesBack_andADisabledSubscriptionCannotBeClaimed() {
        store.claim("wh-1", "a", NOW, NOW.plusSeconds(30));
        store.advance("wh-1", "a", 20);
        store.advance("wh-1", "a", 15);
        assertThat(store.find("wh-1").orElseThrow().position()).isEqualTo(20);

        store.disable("wh-1", "a", "the receiver answered 410 Gone");
        assertThat(store.claim("wh-1", "a", NOW, NOW.plusSeconds(30))).isFalse();
        assertThat(store.activeIds()).isEmpty();
    }
}
