package org.pdcaledger.query.initiative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pdcaledger.kernel.initiative.ActDecision;
import org.pdcaledger.kernel.initiative.ActionStatus;
import org.pdcaledger.kernel.initiative.CheckResult;
import org.pdcaledger.kernel.initiative.CycleView;
import org.pdcaledger.kernel.initiative.HistoryEntry;
import org.pdcaledger.kernel.initiative.InitiativeDetail;
import org.pdcaledger.kernel.initiative.InitiativeHistory;
import org.pdcaledger.kernel.initiative.InitiativeStage;
import org.pdcaledger.kernel.initiative.InitiativeSummary;
import org.pdcaledger.kernel.initiative.MetricPoint;
import org.pdcaledger.support.security.UnitHierarchy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

class InitiativeProjectionTest {

    static final UnitHierarchy TREE = unitId -> switch (unitId) {
        case "u-city" -> List.of("u-city");
        case "u-a" -> List.of("u-city", "u-a");
        case "u-a1" -> List.of("u-city", "u-a", "u-a1");
        case "u-b" -> List.of("u-city", "u-b");
        default -> List.of();
    };

    private MongoServer server;
    private MongoClient client;
    private InitiativeProjection projection;
    private long position;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        projection = new InitiativeProjection(client.getDatabase("test"), objectMapper(), TREE);
    }

    static ObjectMapper objectMapper() {
        return new ObjectMapper().findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    /** Feeds the steps at global positions 1, 2, … with aggregate sequence numbers 0, 1, …. */
    private void replay(List<InitiativeStory.Step> steps) {
        position = 0;
        for (int i = 0; i < steps.size(); i++) {
            feed(steps.get(i), i);
        }
    }

    private void feed(InitiativeStory.Step step, long sequence) {
        projection.on(step.event(), step.at(), sequence, MetaData.from(step.metaData()),
                new GlobalSequenceTrackingToken(++position));
    }

    private InitiativeDetail detail(String id) {
        return projection.details().find(id).orElseThrow();
    }

    private List<String> documents() {
        List<String> all = new ArrayList<>();
        for (MongoCollection<Document> collection : List.of(projection.details().collection(),
                projection.histories().collection(), projection.unitLists().collection(),
                projection.subtrees().collection(), projection.facets().collection())) {
            collection.find().sort(new Document("_id", 1)).forEach(document -> all.add(document.toJson()));
        }
        return all;
    }

    @Test
    void aTwoCycleInitiative_producesTheExpectedDetail() {
        replay(InitiativeStory.twoCycles("i-1", "u-a1"));

        InitiativeDetail detail = detail("i-1");
        assertThat(detail.stage()).isEqualTo(InitiativeStage.COMPLETED);
        assertThat(detail.currentCycle()).isEqualTo(2);
        assertThat(detail.version()).isEqualTo(14);
        assertThat(detail.lastActivityAt()).isEqualTo(InitiativeStory.DAY_ONE.plusSeconds(14 * 86_400L));

        CycleView first = detail.cycles().get(0);
        assertThat(first.plan().objective()).isEqualTo("办理时长降到4天");
        assertThat(first.actions()).extracting(a -> a.actionId() + ":" + a.status())
                .containsExactly("i-1-a1:COMPLETED", "i-1-a2:CARRIED_OVER");
        assertThat(first.actions().get(0).completionNote()).isEqualTo("环节由9个减到5个");
        assertThat(first.observations()).singleElement()
                .satisfies(o -> assertThat(o.by()).isEqualTo("李明"));
        assertThat(first.check().result()).isEqualTo(CheckResult.PARTLY_MET);
        assertThat(first.check().overridden()).isFalse();
        assertThat(first.act().decision()).isEqualTo(ActDecision.ADJUST);
        assertThat(first.act().carriedActionIds()).containsExactly("i-1-a2");

        CycleView second = detail.cycles().get(1);
        assertThat(second.plan().objective()).isEqualTo("办理时长降到4天并保持");
        assertThat(second.actions()).singleElement().satisfies(action -> {
            assertThat(action.status()).isEqualTo(ActionStatus.COMPLETED);
            assertThat(action.carriedFromCycle()).isEqualTo(1);
            assertThat(action.description()).isEqualTo("上线电子签批（含移动端）");
            assertThat(action.dueDate()).isEqualTo(LocalDate.parse("2026-04-10"));
        });
        assertThat(second.check().result()).isEqualTo(CheckResult.MET);
        assertThat(second.act().decision()).isEqualTo(ActDecision.STANDARDISE);
        assertThat(second.act().documentReference()).isEqualTo("QP-07 第3版");

        assertThat(detail.series()).extracting(MetricPoint::cycle, MetricPoint::value, MetricPoint::reachesTarget,
                        MetricPoint::improvesOnBaseline)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, new BigDecimal("6.5"), false, true),
                        org.assertj.core.groups.Tuple.tuple(2, new BigDecimal("3.8"), true, true));
    }

    @Test
    void aTwoCycleInitiative_producesTheExpectedListEntry_andSubtreeIndex() {
        replay(InitiativeStory.twoCycles("i-1", "u-a1"));

        UnitInitiatives unit = projection.unitLists().find("u-a1").orElseThrow();
        assertThat(unit.unitPath()).containsExactly("u-city", "u-a", "u-a1");
        InitiativeSummary summary = unit.initiatives().get(0);
        assertThat(summary.stage()).isEqualTo(InitiativeStage.COMPLETED);
        assertThat(summary.currentCycle()).isEqualTo(2);
        assertThat(summary.lastResult()).isEqualTo(CheckResult.MET);
        assertThat(summary.latestValue()).isEqualByComparingTo("3.8");
        assertThat(summary.openActionDueDates()).isEmpty();
        assertThat(summary.version()).isEqualTo(14);
        assertThat(summary.flags()).isNull();
        for (String ancestor : List.of("*", "u-city", "u-a", "u-a1")) {
            assertThat(projection.subtrees().members(ancestor)).containsExactly("u-a1");
        }
        assertThat(projection.subtrees().members("u-b")).isEmpty();
        for (String facet : List.of("owner:li", "framework:GOV-OPS", "indicator:GOV-OPS/STANDARDISATION",
                "indicator:*/STANDARDISATION")) {
            assertThat(projection.facets().members(facet)).containsExactly("u-a1");
        }
        assertThat(unit.stages()).containsExactly(InitiativeStage.COMPLETED);
        assertThat(unit.earliestOpenDue()).isNull();
        assertThat(unit.earliestActivity()).isNull();
    }

    @Test
    void theStage_followsTheManagementChain_stepByStep() {
        List<InitiativeStory.Step> steps = InitiativeStory.twoCycles("i-1", "u-a");
        List<InitiativeStage> stages = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            feed(steps.get(i), i);
            stages.add(detail("i-1").stage());
            assertThat(projection.unitLists().find("u-a").orElseThrow().initiatives().get(0).stage())
                    .isEqualTo(stages.get(i));
        }
        assertThat(stages).containsExactly(
                InitiativeStage.PLANNING, InitiativeStage.PLANNING, InitiativeStage.EXECUTION,
                InitiativeStage.EXECUTION, InitiativeStage.EXECUTION, InitiativeStage.EVALUATION,
                InitiativeStage.CONTINUOUS_IMPROVEMENT, InitiativeStage.PLANNING, InitiativeStage.PLANNING,
                InitiativeStage.PLANNING, InitiativeStage.EXECUTION, InitiativeStage.EXECUTION,
                InitiativeStage.EVALUATION, InitiativeStage.CONTINUOUS_IMPROVEMENT, InitiativeStage.COMPLETED);
    }

    @Test
    void theHistory_saysWhoDidWhatWhenUnderWhichCommand_fromTheEventsOnly() {
        replay(InitiativeStory.twoCycles("i-1", "u-a"));

        InitiativeHistory history = projection.histories().find("i-1").orElseThrow();
        assertThat(history.unitId()).isEqualTo("u-a");
        assertThat(history.entries()).hasSize(15);
        HistoryEntry check = history.entries().get(6);
        assertThat(check.version()).isEqualTo(6);
        assertThat(check.at()).isEqualTo(InitiativeStory.DAY_ONE.plusSeconds(6 * 86_400L));
        assertThat(check.actor()).isEqualTo("li");
        assertThat(check.actorName()).isEqualTo("李明");
        assertThat(check.command()).isEqualTo("CheckCycleCommand");
        assertThat(check.event()).isEqualTo("pdca.initiative.cycle-checked.v1");
        assertThat(check.cycle()).isEqualTo(1);
        assertThat(check.data()).containsEntry("result", "PARTLY_MET").containsEntry("analysis", "签批环节仍多")
                .doesNotContainKey("initiativeId");
        assertThat(history.entries()).extracting(HistoryEntry::event).startsWith(
                "pdca.initiative.initiative-launched.v1", "pdca.initiative.plan-recorded.v1");
    }

    @Test
    void replayingTheSameEventsTwice_leavesEveryDocumentIdentical() {
        List<InitiativeStory.Step> steps = new ArrayList<>(InitiativeStory.twoCycles("i-1", "u-a1"));
        steps.addAll(InitiativeStory.twoCycles("i-2", "u-a").subList(0, 8));
        replay(steps);
        List<String> once = documents();

        replay(steps);

        assertThat(documents()).isEqualTo(once);
        assertThat(projection.subtrees().members("u-a")).containsExactly("u-a1", "u-a");
        assertThat(projection.histories().find("i-1").orElseThrow().entries()).hasSize(15);
    }

    @Test
    void resetThenReplay_rebuildsIdenticalDocuments() {
        List<InitiativeStory.Step> steps = InitiativeStory.twoCycles("i-1", "u-a1");
        replay(steps);
        List<String> before = documents();

        projection.reset();
        assertThat(documents()).isEmpty();
        replay(steps);

        assertThat(documents()).isEqualTo(before);
    }

    @Test
    void aLaunchForAUnitTheUnitsViewDoesNotKnowYet_fails_andWritesNothing_soItIsRetried() {
        InitiativeStory.Step launch = InitiativeStory.twoCycles("i-9", "u-new").get(0);

        assertThatThrownBy(() -> feed(launch, 0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("u-new");
        assertThat(documents()).isEmpty();
    }

    @Test
    void anEventWithoutMetadata_isStillProjected_withoutAnActor() {
        InitiativeStory.Step launch = InitiativeStory.twoCycles("i-1", "u-a").get(0);
        feed(new InitiativeStory.Step(launch.event(), launch.at(), Map.of()), 0);

        assertThat(projection.histories().find("i-1").orElseThrow().entries().get(0).actor()).isNull();
    }
}
