package org.pdcaledger.query.gap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pdcaledger.query.gap.MaturityEvents.finalised;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pdcaledger.kernel.gap.BoardColumn;
import org.pdcaledger.kernel.gap.GapInitiative;
import org.pdcaledger.kernel.initiative.CheckResult;
import org.pdcaledger.kernel.initiative.CycleAdjustedEvent;
import org.pdcaledger.kernel.initiative.CycleCheckedEvent;
import org.pdcaledger.kernel.initiative.ExecutionStartedEvent;
import org.pdcaledger.kernel.initiative.GapReference;
import org.pdcaledger.kernel.initiative.InitiativeAbandonedEvent;
import org.pdcaledger.kernel.initiative.InitiativeLaunchedEvent;
import org.pdcaledger.kernel.initiative.InitiativeStandardisedEvent;
import org.pdcaledger.kernel.initiative.MeasurementRecordedEvent;
import org.pdcaledger.kernel.initiative.Metric;
import org.pdcaledger.kernel.initiative.MetricDirection;
import org.pdcaledger.kernel.initiative.PlanRecordedEvent;
import org.pdcaledger.kernel.initiative.PlannedAction;
import org.pdcaledger.query.framework.FrameworkProjection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Initiatives on the gap board over a real (in-memory) mongo-java-server: the card moves across the
 * management-chain columns with the initiative's cycles; replays and rebuilds write identical documents.
 */
class GapInitiativeProjectionTest {

    private static final Instant AT = Instant.parse("2026-07-01T02:00:00Z");
    private static final Metric DAYS = new Metric("公文办理时长", "天", new BigDecimal("10"), new BigDecimal("4"),
            MetricDirection.LOWER_IS_BETTER);
    private static final PlannedAction ACTION = new PlannedAction("act-1", "精简签批", "li", LocalDate.of(2026, 8, 1));

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private FrameworkProjection frameworks;
    private GapProjection gaps;
    private GapInitiativeProjection board;
    private final List<Object> story = new ArrayList<>();

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("test");
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        frameworks = new FrameworkProjection(database, mapper);
        gaps = new GapProjection(database, mapper, frameworks);
        board = new GapInitiativeProjection(gaps, database, mapper);
        // gaps on i1 (2 → 4) and i3 (1 → 2); i2 is at target
        story.add(MaturityEvents.published());
        story.add(finalised("a-1", "u-a", "2026-Q1", 2, 4, 3, 3, 1, 2));
        play(0);
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    /** Applies every event of the story from {@code from} on, each at its position (its index + 1). */
    private void play(int from) {
        for (int i = from; i < story.size(); i++) {
            apply(story.get(i), new GlobalSequenceTrackingToken(i + 1));
        }
    }

    private int happen(Object... events) {
        int from = story.size();
        story.addAll(List.of(events));
        play(from);
        return from;
    }

    private void apply(Object event, TrackingToken token) {
        if (event instanceof org.pdcaledger.kernel.framework.FrameworkVersionPublishedEvent e) {
            frameworks.on(e, AT, token);
        } else if (event instanceof org.pdcaledger.kernel.assessment.AssessmentFinalisedEvent e) {
            gaps.on(e, token);
        } else if (event instanceof InitiativeLaunchedEvent e) {
            board.on(e, token);
        } else if (event instanceof PlanRecordedEvent e) {
            board.on(e, token);
        } else if (event instanceof ExecutionStartedEvent e) {
            board.on(e, token);
        } else if (event instanceof MeasurementRecordedEvent e) {
            board.on(e, token);
        } else if (event instanceof CycleCheckedEvent e) {
            board.on(e, token);
        } else if (event instanceof CycleAdjustedEvent e) {
            board.on(e, token);
        } else if (event instanceof InitiativeStandardisedEvent e) {
            board.on(e, token);
        } else if (event instanceof InitiativeAbandonedEvent e) {
            board.on(e, token);
        } else {
            throw new IllegalArgumentException("not in this story: " + event);
        }
    }

    /** The initiatives on the open gap of {@code indicator}, as the board's card shows them. */
    private List<GapInitiative> on(String indicator) {
        GapState state = gaps.state("u-a", MaturityEvents.FRAMEWORK).orElseThrow();
        assertThat(state.open()).extracting(OpenGap::indicatorCode).contains(indicator);
        return state.initiatives().stream().filter(link -> link.indicatorCode().equals(indicator))
                .map(LinkedInitiative::initiative).toList();
    }

    private static InitiativeLaunchedEvent launched(String id, String... indicators) {
        return new InitiativeLaunchedEvent(id, "u-a", "压缩公文办理时长", "公文办理平均需要10天", "li", List.of("li"),
                java.util.Arrays.stream(indicators).map(i -> new GapReference(MaturityEvents.FRAMEWORK, i)).toList(),
                DAYS);
    }

    private static Object[] cycle(String id, int cycle, String value) {
        return new Object[] {
            new PlanRecordedEvent(id, cycle, "三天办结", "减少签批环节", "平均不超过4天", cycle == 1 ? List.of(ACTION) : List.of()),
            new ExecutionStartedEvent(id, cycle),
            new MeasurementRecordedEvent(id, cycle, new BigDecimal(value), LocalDate.of(2026, 7, cycle), null),
            new MeasurementRecordedEvent(id, cycle, new BigDecimal(value), LocalDate.of(2026, 7, cycle + 10), null),
            new CycleCheckedEvent(id, cycle, CheckResult.NOT_MET, CheckResult.NOT_MET, null, "仍需改进",
                    new BigDecimal(value), LocalDate.of(2026, 7, cycle + 10))};
    }

    private void expectEach(Object[] events, BoardColumn... columns) {
        for (int i = 0; i < events.length; i++) {
            happen(events[i]);
            assertThat(on("i1")).as("after " + events[i].getClass().getSimpleName())
                    .extracting(GapInitiative::stage).containsExactly(columns[i]);
        }
    }

    @Test
    void aCard_movesAcrossTheColumns_withTheInitiativesCycles_andStaysCompleted_whenStandardised() {
        happen(launched("in-1", "i1"));
        assertThat(on("i1")).containsExactly(new GapInitiative("in-1", "压缩公文办理时长", BoardColumn.PLANNING, false));
        assertThat(on("i3")).isEmpty();

        expectEach(cycle("in-1", 1, "7"), BoardColumn.PLANNING, BoardColumn.EXECUTION, BoardColumn.EVALUATION,
                BoardColumn.EVALUATION, BoardColumn.CONTINUOUS_IMPROVEMENT);
        happen(new CycleAdjustedEvent("in-1", 1, 2, List.of(ACTION), "签批仍多"));
        assertThat(on("i1")).extracting(GapInitiative::stage).containsExactly(BoardColumn.PLANNING);
        expectEach(cycle("in-1", 2, "4"), BoardColumn.PLANNING, BoardColumn.EXECUTION, BoardColumn.EVALUATION,
                BoardColumn.EVALUATION, BoardColumn.CONTINUOUS_IMPROVEMENT);
        happen(new InitiativeStandardisedEvent("in-1", 2, "公文办理程序", "QP-07"));

        assertThat(on("i1")).containsExactly(
                new GapInitiative("in-1", "压缩公文办理时长", BoardColumn.CONTINUOUS_IMPROVEMENT, true));
    }

    @Test
    void anInitiativeOnTwoGaps_isOnBoth_andAnAbandonedOne_leavesTheBoard() {
        happen(launched("in-2", "i1", "i3"));
        happen(cycle("in-2", 1, "9"));
        assertThat(on("i1")).extracting(GapInitiative::stage).containsExactly(BoardColumn.CONTINUOUS_IMPROVEMENT);
        assertThat(on("i3")).extracting(GapInitiative::stage).containsExactly(BoardColumn.CONTINUOUS_IMPROVEMENT);

        happen(new InitiativeAbandonedEvent("in-2", 1, "方案不可行"));

        assertThat(on("i1")).isEmpty();
        assertThat(on("i3")).isEmpty();
        assertThat(database.getCollection("gap-board-initiatives").countDocuments()).isZero();
    }

    @Test
    void anInitiativeWithoutGaps_changesNoGapDocument() {
        Map<String, Document> before = snapshot();
        happen(new InitiativeLaunchedEvent("in-none", "u-a", "无关联", "无", "li", List.of(), List.of(), DAYS));
        happen(cycle("in-none", 1, "5"));

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void replayingTheSameEvents_andRebuildingFromScratch_writeIdenticalDocuments() {
        happen(launched("in-1", "i1"));
        happen(launched("in-2", "i1", "i3"));
        happen(cycle("in-1", 1, "7"));
        happen(new CycleAdjustedEvent("in-1", 1, 2, List.of(), "再来一轮"));
        happen(cycle("in-2", 1, "9"));
        happen(new InitiativeAbandonedEvent("in-2", 1, "方案不可行"));
        happen(cycle("in-1", 2, "4"));
        happen(new InitiativeStandardisedEvent("in-1", 2, "公文办理程序", "QP-07"));
        Map<String, Document> built = snapshot();

        play(0);
        assertThat(snapshot()).as("after replaying every event again").isEqualTo(built);
        play(story.size() / 2);
        assertThat(snapshot()).as("after replaying the second half again").isEqualTo(built);

        gaps.reset();
        board.reset();
        play(0);
        assertThat(snapshot()).as("after a rebuild").isEqualTo(built);
    }

    private Map<String, Document> snapshot() {
        Map<String, Document> documents = new java.util.TreeMap<>();
        Consumer<String> read = collection -> database.getCollection(collection).find()
                .forEach(document -> documents.put(collection + "/" + document.get("_id"), document));
        read.accept("gaps");
        read.accept("gap-board-initiatives");
        return documents;
    }
}
