package org.pdcaledger.query.initiative;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pdcaledger.kernel.access.Grant;
import org.pdcaledger.kernel.initiative.ActionView;
import org.pdcaledger.kernel.initiative.ExecutionStartedEvent;
import org.pdcaledger.kernel.initiative.GapReference;
import org.pdcaledger.kernel.initiative.InitiativeDetail;
import org.pdcaledger.kernel.initiative.InitiativeEvent;
import org.pdcaledger.kernel.initiative.InitiativeFlags;
import org.pdcaledger.kernel.initiative.InitiativePage;
import org.pdcaledger.kernel.initiative.InitiativeStage;
import org.pdcaledger.kernel.initiative.InitiativeSummary;
import org.pdcaledger.kernel.initiative.ObservationRecordedEvent;
import org.pdcaledger.kernel.initiative.PlanRecordedEvent;
import org.pdcaledger.support.security.Caller;
import org.pdcaledger.support.security.ScopeGuard;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

class InitiativeQueriesTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final Caller ADMIN = caller("ADMIN@*");
    static final Caller LEADER_A = caller("LEADER@u-a");

    /** A clock the test moves forward, as days pass without any event. */
    static final class MovingClock extends Clock {
        Instant now;

        MovingClock(String beijingTime) {
            set(beijingTime);
        }

        void set(String beijingTime) {
            now = java.time.LocalDateTime.parse(beijingTime).atZone(BEIJING).toInstant();
        }

        @Override
        public ZoneId getZone() {
            return BEIJING;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private MongoServer server;
    private MongoClient client;
    private InitiativeProjection projection;
    private InitiativeQueries queries;
    private MovingClock clock;
    private long position;
    private final Map<String, Long> sequences = new java.util.HashMap<>();

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        projection = new InitiativeProjection(client.getDatabase("test"), InitiativeProjectionTest.objectMapper(),
                InitiativeProjectionTest.TREE);
        clock = new MovingClock("2026-03-04T09:00:00");
        queries = new InitiativeQueries(projection, InitiativeProjectionTest.TREE,
                new ScopeGuard(InitiativeProjectionTest.TREE), clock, Duration.ofDays(14));
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    static Caller caller(String... grants) {
        return new Caller("someone", "Someone", java.util.Arrays.stream(grants).map(Grant::parse).toList(), false);
    }

    private void feed(InitiativeEvent event, Instant at) {
        long sequence = sequences.merge(event.initiativeId(), 1L, Long::sum) - 1;
        projection.on(event, at, sequence, MetaData.from(Map.of("actor", "li")),
                new GlobalSequenceTrackingToken(++position));
    }

    private void feedStory(String id, String unitId, int steps) {
        InitiativeStory.twoCycles(id, unitId).subList(0, steps).forEach(step -> feed(step.event(), step.at()));
    }

    private InitiativeFlags listedFlags(String id) {
        return queries.list(ADMIN, filter(null, false), InitiativeQueries.Cursor.START, 50).items().stream()
                .filter(s -> s.initiativeId().equals(id)).findFirst().orElseThrow().flags();
    }

    private static InitiativeFilter filter(String unit, boolean subtree) {
        return new InitiativeFilter(unit, subtree, Set.of(), null, null, null, null, null);
    }

    private List<String> ids(InitiativePage page) {
        return page.items().stream().map(InitiativeSummary::initiativeId).toList();
    }

    @Test
    void anAction_becomesOverdue_asDaysPass_withoutAnyEvent() {
        feedStory("i-1", "u-a", 3); // launched, planned (due 03-10 and 03-20), execution started

        clock.set("2026-03-10T23:59:00");
        assertThat(listedFlags("i-1")).isEqualTo(new InitiativeFlags(false, 0, false));

        clock.set("2026-03-11T00:01:00");
        assertThat(listedFlags("i-1")).isEqualTo(new InitiativeFlags(true, 1, false));
        InitiativeDetail detail = queries.detail(ADMIN, "i-1").orElseThrow();
        assertThat(detail.flags().overdueActions()).isEqualTo(1);
        assertThat(detail.cycles().get(0).actions()).extracting(ActionView::overdue).containsExactly(true, false);

        clock.set("2026-03-21T08:00:00");
        assertThat(listedFlags("i-1").overdueActions()).isEqualTo(2);
    }

    @Test
    void completingTheOverdueAction_clearsTheFlag() {
        feedStory("i-1", "u-a", 3);
        clock.set("2026-03-12T09:00:00");
        assertThat(listedFlags("i-1").overdue()).isTrue();

        feed(InitiativeStory.twoCycles("i-1", "u-a").get(3).event(), clock.instant()); // the action due 03-10 done

        assertThat(listedFlags("i-1")).isEqualTo(new InitiativeFlags(false, 0, false));
        assertThat(queries.detail(ADMIN, "i-1").orElseThrow().cycles().get(0).actions())
                .extracting(ActionView::overdue).containsExactly(false, false);
    }

    @Test
    void anInitiative_becomesStalled_afterTheConfiguredQuietPeriod_andAnEventUnstallsIt() {
        feedStory("i-1", "u-a", 3); // the last event on 2026-03-03 10:00 Beijing time

        clock.set("2026-03-17T09:59:00");
        assertThat(listedFlags("i-1").stalled()).isFalse();
        clock.set("2026-03-17T10:01:00");
        assertThat(listedFlags("i-1").stalled()).isTrue();
        assertThat(queries.detail(ADMIN, "i-1").orElseThrow().flags().stalled()).isTrue();

        feed(new ObservationRecordedEvent("i-1", 1, "恢复推进"), clock.instant());

        assertThat(listedFlags("i-1").stalled()).isFalse();
        assertThat(queries.detail(ADMIN, "i-1").orElseThrow().flags().stalled()).isFalse();
    }

    @Test
    void aCompletedInitiative_isNeverFlagged() {
        feedStory("i-1", "u-a", 15);
        clock.set("2027-01-01T09:00:00");

        assertThat(listedFlags("i-1")).isEqualTo(InitiativeFlags.NONE);
        assertThat(queries.detail(ADMIN, "i-1").orElseThrow().cycles().get(1).actions())
                .extracting(ActionView::overdue).containsOnly(false);
    }

    @Test
    void theList_showsOnlyWhatTheCallersGrantsCover() {
        feedStory("i-a", "u-a", 2);
        feedStory("i-a1", "u-a1", 2);
        feedStory("i-b", "u-b", 2);
        feedStory("i-city", "u-city", 2);

        InitiativeFilter everything = filter(null, false);
        assertThat(ids(queries.list(ADMIN, everything, InitiativeQueries.Cursor.START, 50)))
                .containsExactly("i-a", "i-a1", "i-b", "i-city");
        assertThat(ids(queries.list(LEADER_A, everything, InitiativeQueries.Cursor.START, 50)))
                .containsExactly("i-a", "i-a1");
        assertThat(ids(queries.list(LEADER_A, filter("u-city", true), InitiativeQueries.Cursor.START, 50)))
                .containsExactly("i-a", "i-a1");
        assertThat(ids(queries.list(LEADER_A, filter("u-b", true), InitiativeQueries.Cursor.START, 50))).isEmpty();
        assertThat(ids(queries.list(LEADER_A, filter("u-a", false), InitiativeQueries.Cursor.START, 50)))
                .containsExactly("i-a");
        assertThat(ids(queries.list(caller("INTEGRATOR@*"), everything, InitiativeQueries.Cursor.START, 50)))
                .isEmpty();
        assertThat(ids(queries.list(caller("ASSESSOR@u-a1", "IMPROVER@u-b"), everything,
                InitiativeQueries.Cursor.START, 50))).containsExactlyInAnyOrder("i-a1", "i-b");

        assertThat(queries.detail(LEADER_A, "i-b")).isEmpty();
        assertThat(queries.history(LEADER_A, "i-b")).isEmpty();
        assertThat(queries.detail(LEADER_A, "i-a1")).isPresent();
    }

    @Test
    void theList_filtersByStageGapOwnerAndOverdue() {
        feed(InitiativeStory.launched("i-1", "u-a", "li", new GapReference("GOV-OPS", "AGILITY")),
                InitiativeStory.DAY_ONE);
        feed(InitiativeStory.launched("i-2", "u-a", "wang", new GapReference("FIVE-PATHS", "DIGITAL")),
                InitiativeStory.DAY_ONE);
        feed(new PlanRecordedEvent("i-2", 1, "o", "h", "c",
                List.of(InitiativeStory.action("i-2-a1", "x", "2026-03-02"))), InitiativeStory.DAY_ONE);
        feed(new ExecutionStartedEvent("i-2", 1), InitiativeStory.DAY_ONE);

        assertThat(ids(list(new InitiativeFilter(null, false, Set.of(InitiativeStage.EXECUTION), null, null, null,
                null, null)))).containsExactly("i-2");
        assertThat(ids(list(new InitiativeFilter(null, false, Set.of(InitiativeStage.PLANNING,
                InitiativeStage.EXECUTION), null, null, null, null, null)))).containsExactly("i-1", "i-2");
        assertThat(ids(list(new InitiativeFilter(null, false, Set.of(), "GOV-OPS", null, null, null, null))))
                .containsExactly("i-1");
        assertThat(ids(list(new InitiativeFilter(null, false, Set.of(), null, "DIGITAL", null, null, null))))
                .containsExactly("i-2");
        assertThat(ids(list(new InitiativeFilter(null, false, Set.of(), "GOV-OPS", "DIGITAL", null, null, null))))
                .isEmpty();
        assertThat(ids(list(new InitiativeFilter(null, false, Set.of(), null, null, "wang", null, null))))
                .containsExactly("i-2");
        assertThat(ids(list(new InitiativeFilter(null, false, Set.of(), null, null, null, true, null))))
                .containsExactly("i-2");
        assertThat(ids(list(new InitiativeFilter(null, false, Set.of(), null, null, null, false, null))))
                .containsExactly("i-1");
    }

    private InitiativePage list(InitiativeFilter filter) {
        return queries.list(ADMIN, filter, InitiativeQueries.Cursor.START, 50);
    }

    @Test
    void theList_isPaged_withACursorThatResumesWhereThePageEnded() {
        for (String unit : List.of("u-a", "u-a1", "u-b")) {
            for (int i = 1; i <= 3; i++) {
                feed(InitiativeStory.launched("i-" + unit + "-" + i, unit, "li"), InitiativeStory.DAY_ONE);
            }
        }
        feed(new PlanRecordedEvent("i-u-a1-2", 1, "o", "h", "c", List.of()), InitiativeStory.DAY_ONE);

        List<String> seen = new ArrayList<>();
        InitiativeQueries.Cursor cursor = InitiativeQueries.Cursor.START;
        int pages = 0;
        while (true) {
            InitiativePage page = queries.list(ADMIN, filter(null, false), cursor, 4);
            pages++;
            assertThat(page.items().size()).isLessThanOrEqualTo(4);
            seen.addAll(ids(page));
            if (page.next() == null) {
                break;
            }
            cursor = InitiativeQueries.Cursor.parse(page.next());
        }

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("i-u-a-1", "i-u-a-2", "i-u-a-3", "i-u-a1-1", "i-u-a1-2", "i-u-a1-3",
                "i-u-b-1", "i-u-b-2", "i-u-b-3");
        InitiativePage exact = queries.list(ADMIN, filter(null, false), InitiativeQueries.Cursor.START, 9);
        assertThat(exact.items()).hasSize(9);
        assertThat(exact.next()).isNull();
    }

    @Test
    void filteredLists_skipUnitsWithoutAMatch_andPageAcrossUnits() {
        feedStory("i-done", "u-a", 15); // completed on 2026-03-15
        for (String unit : List.of("u-a", "u-a1", "u-b")) {
            for (int i = 1; i <= 2; i++) {
                String id = "i-" + unit + "-" + i;
                feed(InitiativeStory.launched(id, unit, unit.equals("u-b") ? "wang" : "li"),
                        InitiativeStory.DAY_ONE);
            }
        }
        clock.set("2026-03-20T09:00:00"); // the launches of 03-01 are stalled, the completed one never is

        InitiativeFilter stalledOfLi = new InitiativeFilter(null, false, Set.of(InitiativeStage.PLANNING), null, null,
                "li", null, true);
        InitiativePage first = queries.list(ADMIN, stalledOfLi, InitiativeQueries.Cursor.START, 3);
        assertThat(ids(first)).containsExactly("i-u-a-1", "i-u-a-2", "i-u-a1-1");
        InitiativePage second = queries.list(ADMIN, stalledOfLi, InitiativeQueries.Cursor.parse(first.next()), 3);
        assertThat(ids(second)).containsExactly("i-u-a1-2");
        assertThat(second.next()).isNull();

        assertThat(ids(list(new InitiativeFilter(null, false, Set.of(InitiativeStage.COMPLETED), null, null, null,
                null, null)))).containsExactly("i-done");
        assertThat(ids(list(new InitiativeFilter("u-city", true, Set.of(), null, null, "wang", null, true))))
                .containsExactly("i-u-b-1", "i-u-b-2");
        assertThat(ids(list(new InitiativeFilter(null, false, Set.of(), null, null, null, null, false))))
                .containsExactly("i-done");
    }
}
