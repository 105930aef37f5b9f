package org.pdcaledger.command.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pdcaledger.command.demo.DemoOrganisationLoader.Report;
import org.pdcaledger.command.support.CommandServiceTest;
import org.pdcaledger.kernel.assessment.AssessmentFinalisedEvent;
import org.pdcaledger.kernel.common.LocalizedName;
import org.pdcaledger.kernel.common.MetadataKeys;
import org.pdcaledger.kernel.initiative.ActionAddedEvent;
import org.pdcaledger.kernel.initiative.ActionCompletedEvent;
import org.pdcaledger.kernel.initiative.ActionReplannedEvent;
import org.pdcaledger.kernel.initiative.CheckResult;
import org.pdcaledger.kernel.initiative.CycleAdjustedEvent;
import org.pdcaledger.kernel.initiative.CycleCheckedEvent;
import org.pdcaledger.kernel.initiative.ExecutionStartedEvent;
import org.pdcaledger.kernel.initiative.InitiativeAbandonedEvent;
import org.pdcaledger.kernel.initiative.InitiativeLaunchedEvent;
import org.pdcaledger.kernel.initiative.InitiativeStage;
import org.pdcaledger.kernel.initiative.InitiativeStandardisedEvent;
import org.pdcaledger.kernel.initiative.MeasurementRecordedEvent;
import org.pdcaledger.kernel.initiative.PlanRecordedEvent;
import org.pdcaledger.kernel.initiative.PlannedAction;
import org.pdcaledger.kernel.unit.RegisterUnitCommand;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Demo mode over a real (in-memory) event store: the loader started with the service produces the whole demo city
 * through the command gateway, with every rule applied, and loading again stores nothing.
 */
@CommandServiceTest
@TestPropertySource(properties = "pdca.demo.enabled=true")
class DemoOrganisationTest {

    @Autowired
    DemoOrganisationLoader loader;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandGateway commands;

    private Report startUpLoad;
    /** The day the demo was loaded as of (the loader's clock, not the test's, so midnight cannot split them). */
    private LocalDate today;

    @BeforeEach
    void waitForTheStartUpLoad() throws Exception {
        startUpLoad = loader.finished().get(120, TimeUnit.SECONDS);
        today = startUpLoad.asOf();
    }

    private List<DomainEventMessage<?>> allEvents() {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable()) {
                if (stream.nextAvailable() instanceof DomainEventMessage<?> event) {
                    events.add(event);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return events;
    }

    private long storedEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    }

    @Test
    void startUp_loadsTheWholeDemo_withoutARejectedCommand() {
        assertThat(startUpLoad.rejected()).isZero();
        assertThat(startUpLoad.skipped()).isEmpty();
        assertThat(startUpLoad.sent()).isEqualTo(startUpLoad.steps()).isGreaterThan(2000);
    }

    @Test
    void unitTree_isACityWithEightBureausAndThirtyDivisions() {
        List<Map<String, Object>> units = jdbc.queryForList(
                "SELECT unit_id, parent_id, code FROM unit_tree WHERE code LIKE 'DEMO-%'");
        Map<String, String> parentOf = new HashMap<>();
        units.forEach(row -> parentOf.put((String) row.get("unit_id"), (String) row.get("parent_id")));

        assertThat(units).hasSize(39);
        assertThat(parentOf).containsEntry("u-demo-city", null);
        List<String> bureaus = parentOf.entrySet().stream().filter(e -> "u-demo-city".equals(e.getValue()))
                .map(Map.Entry::getKey).sorted().toList();
        assertThat(bureaus).hasSize(8).first().isEqualTo("u-demo-b01");
        assertThat(parentOf.values().stream().filter(bureaus::contains)).hasSize(30);
        assertThat(jdbc.queryForObject("SELECT unit_id FROM unit_tree WHERE code = 'DEMO-B01'", String.class))
                .isEqualTo("u-demo-b01");
    }

    @Test
    void everyQuarter_hasFinalisedAssessments_finalisedBySomeoneOtherThanTheSubmitter() {
        List<DomainEventMessage<?>> finalised = allEvents().stream()
                .filter(e -> e.getPayload() instanceof AssessmentFinalisedEvent).toList();
        Map<String, Long> perQuarter = finalised.stream().collect(Collectors.groupingBy(
                e -> ((AssessmentFinalisedEvent) e.getPayload()).period().value(), Collectors.counting()));

        assertThat(perQuarter).containsOnlyKeys(DemoScript.quarters(today).stream().map(p -> p.value()).toList());
        assertThat(perQuarter.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(9 + 12));
        assertThat(finalised).allSatisfy(event -> {
            AssessmentFinalisedEvent payload = (AssessmentFinalisedEvent) event.getPayload();
            assertThat(payload.submittedBy()).isEqualTo("assessor");
            assertThat(payload.finalisedBy()).isEqualTo("reviewer");
            assertThat(event.getMetaData()).containsEntry(MetadataKeys.ACTOR, "reviewer")
                    .containsEntry(MetadataKeys.COMMAND, "FinaliseAssessmentCommand")
                    .doesNotContainKey("grants");
        });
        assertThat(finalised).extracting(e -> ((AssessmentFinalisedEvent) e.getPayload()).frameworkCode())
                .contains("GOV-OPS-QUALITY", "HPO-BSC", "FIVE-PATHS", "ISO9001-GOV");
    }

    /** What the history says about one initiative: its stage and its open actions' due dates. */
    private static final class Folded {
        InitiativeLaunchedEvent launched;
        InitiativeStage stage = InitiativeStage.PLANNING;
        final Map<String, PlannedAction> open = new LinkedHashMap<>();
        final List<CycleCheckedEvent> checks = new ArrayList<>();
        final List<MeasurementRecordedEvent> measurements = new ArrayList<>();
        InitiativeStandardisedEvent standardised;
        String actor;

        void apply(DomainEventMessage<?> message) {
            Object event = message.getPayload();
            if (event instanceof InitiativeLaunchedEvent e) {
                launched = e;
                actor = (String) message.getMetaData().get(MetadataKeys.ACTOR);
            } else if (event instanceof PlanRecordedEvent e) {
                e.actions().forEach(a -> open.put(a.actionId(), a));
            } else if (event instanceof ActionAddedEvent e) {
                open.put(e.action().actionId(), e.action());
            } else if (event instanceof ActionReplannedEvent e) {
                open.put(e.action().actionId(), e.action());
            } else if (event instanceof ActionCompletedEvent e) {
                open.remove(e.actionId());
            } else if (event instanceof ExecutionStartedEvent) {
                stage = InitiativeStage.EXECUTION;
            } else if (event instanceof MeasurementRecordedEvent e) {
                measurements.add(e);
                stage = InitiativeStage.EVALUATION;
            } else if (event instanceof CycleCheckedEvent e) {
                checks.add(e);
                stage = InitiativeStage.CONTINUOUS_IMPROVEMENT;
            } else if (event instanceof CycleAdjustedEvent e) {
                Set<String> carried = new HashSet<>();
                e.carriedActions().forEach(a -> carried.add(a.actionId()));
                open.keySet().retainAll(carried);
                stage = InitiativeStage.PLANNING;
            } else if (event instanceof InitiativeStandardisedEvent e) {
                standardised = e;
                stage = InitiativeStage.COMPLETED;
            } else if (event instanceof InitiativeAbandonedEvent) {
                stage = InitiativeStage.ABANDONED;
            }
        }
    }

    private Map<String, Folded> initiatives() {
        Map<String, Folded> initiatives = new LinkedHashMap<>();
        for (DomainEventMessage<?> event : allEvents()) {
            if (event.getAggregateIdentifier().startsWith("i-demo-")) {
                initiatives.computeIfAbsent(event.getAggregateIdentifier(), id -> new Folded()).apply(event);
            }
        }
        return initiatives;
    }

    @Test
    void sixtyInitiatives_standInEveryStage_someWithOverdueActions() {
        Map<String, Folded> initiatives = initiatives();

        assertThat(initiatives).hasSize(60);
        Map<InitiativeStage, Long> perStage = initiatives.values().stream()
                .collect(Collectors.groupingBy(f -> f.stage, Collectors.counting()));
        assertThat(perStage).containsOnlyKeys(InitiativeStage.values());
        assertThat(perStage.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(5));
        long overdue = initiatives.values().stream().filter(f -> !f.stage.isClosed())
                .filter(f -> f.open.values().stream().anyMatch(a -> a.dueDate().isBefore(today))).count();
        assertThat(overdue).isBetween(4L, 20L);
        assertThat(initiatives.values().stream().flatMap(f -> f.checks.stream()).map(CycleCheckedEvent::result))
                .contains(CheckResult.MET, CheckResult.PARTLY_MET, CheckResult.NOT_MET);
        assertThat(initiatives.values()).filteredOn(f -> f.launched.unitId().startsWith("u-demo-b01"))
                .isNotEmpty().allSatisfy(f -> assertThat(f.actor).isIn("improver", "wen.jing", "he.lei", "lu.yan",
                        "qian.hao"));
        assertThat(initiatives.values().stream().flatMap(f -> f.measurements.stream())
                .map(MeasurementRecordedEvent::measuredOn))
                .allSatisfy(on -> assertThat(on).isBefore(today))
                .anySatisfy(on -> assertThat(on).isBefore(today.minusDays(300)));
    }

    @Test
    void documentHandlingExample_ofSeed004_goesFrom11To4Days_andIsStandardised() {
        Folded example = initiatives().values().stream()
                .filter(f -> f.launched.metric().unitOfMeasure().equals("天")
                        && f.launched.metric().baseline().compareTo(BigDecimal.valueOf(11)) == 0
                        && f.launched.metric().target().compareTo(BigDecimal.valueOf(4)) == 0)
                .findFirst().orElseThrow();

        assertThat(example.launched.title()).contains("公文办理", "7—15天", "3—5天");
        assertThat(example.launched.unitId()).isEqualTo("u-demo-b01-d02");
        assertThat(example.checks).extracting(CycleCheckedEvent::result)
                .containsExactly(CheckResult.PARTLY_MET, CheckResult.MET);
        assertThat(example.checks.get(1).analysis()).contains("三分之二", "重大差错率为零");
        assertThat(example.stage).isEqualTo(InitiativeStage.COMPLETED);
        assertThat(example.standardised.documentReference()).isEqualTo("示府办〔2026〕12号");
        assertThat(example.actor).isEqualTo("improver");
    }

    @Test
    void loadingAgain_storesNoEvent() {
        long before = storedEvents();

        Report again = loader.load(DemoData.builtIn(), Integer.MAX_VALUE);

        assertThat(again.sent()).isZero();
        assertThat(again.rejected()).isZero();
        assertThat(again.alreadyStored()).isEqualTo(again.steps()).isEqualTo(startUpLoad.steps());
        assertThat(storedEvents()).isEqualTo(before);
    }

    /** A small organisation of its own (so it does not collide with the demo loaded at start), with two initiatives. */
    private static DemoData smallOrganisation(String prefix) {
        DemoData full = DemoData.builtIn();
        String bureau = prefix + "-B01";
        String division = prefix + "-B01-D01";
        DemoData.Organisation organisation = new DemoData.Organisation(
                new DemoData.UnitSpec(prefix + "-CITY", "测试市人民政府", "Test City", null),
                List.of(new DemoData.UnitSpec(bureau, "测试局", "Test Bureau",
                        List.of(new DemoData.UnitSpec(division, "测试处", "Test Division", null)))),
                full.organisation().accounts(),
                List.of(new DemoData.Person("improver", "演示改进专员", bureau),
                        new DemoData.Person("wen.jing", "温静", bureau)),
                List.of(new DemoData.AssessmentPlan("GOV-OPS-QUALITY", List.of(bureau), List.of(bureau),
                        List.of(1, 2), null)),
                List.of(), List.of());
        List<DemoData.InitiativeSpec> initiatives = full.initiatives().stream()
                .filter(i -> i.key().equals("01") || i.key().equals("09"))
                .map(i -> new DemoData.InitiativeSpec(prefix.toLowerCase() + i.key(), division, i.owner(), i.team(),
                        i.title(), i.problem(), i.gaps(), i.metric(), i.stage(), i.overdue(), i.planned(), i.cycles()))
                .toList();
        return new DemoData(organisation, initiatives);
    }

    private void assertEveryStepStoredOnce(DemoData data, LocalDate asOf) {
        Map<String, Long> stepsPerAggregate = DemoScript.build(data, asOf, DemoScriptTest.CATALOG).steps().stream()
                .collect(Collectors.groupingBy(DemoStep::aggregateId, Collectors.counting()));
        stepsPerAggregate.forEach((id, steps) -> {
            List<Long> sequences = new ArrayList<>();
            eventStore.readEvents(id).forEachRemaining(e -> sequences.add(e.getSequenceNumber()));
            assertThat(sequences).as(id).isEqualTo(java.util.stream.LongStream.range(0, steps).boxed().toList());
        });
    }

    @Test
    void aLoadStoppedHalfWay_resumesWhereItStopped_withoutDuplicates() {
        DemoData small = smallOrganisation("RESUME");

        Report stopped = loader.load(small, 40);
        Report resumed = loader.load(small, Integer.MAX_VALUE);
        Report again = loader.load(small, Integer.MAX_VALUE);

        assertThat(stopped.sent()).isEqualTo(40);
        assertThat(resumed.alreadyStored()).isEqualTo(40);
        assertThat(resumed.sent()).isEqualTo(resumed.steps() - 40);
        assertThat(resumed.rejected()).isZero();
        assertThat(again.sent()).isZero();
        assertEveryStepStoredOnce(small, resumed.asOf());
    }

    @Test
    void twoInstancesLoadingAtOnce_storeEveryStepOnce() {
        DemoData small = smallOrganisation("TWIN");

        var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> loader.load(small, Integer.MAX_VALUE));
        var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> loader.load(small, Integer.MAX_VALUE));
        Report one = first.join();
        Report two = second.join();

        assertThat(one.rejected() + two.rejected()).isZero();
        assertThat(one.sent() + two.sent()).isEqualTo(one.steps());
        assertEveryStepStoredOnce(small, one.asOf());
    }

    @Test
    void aRootCodeTakenByAnotherUnit_loadsNothing() {
        DemoData small = smallOrganisation("TAKEN");
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RegisterUnitCommand("u-someone-elses",
                "TAKEN-CITY", new LocalizedName("别人的单位", "Someone else's unit"), null))
                .andMetaData(Map.of(MetadataKeys.ACTOR, "admin", "grants", List.of("ADMIN@*"))));
        long before = storedEvents();

        Report report = loader.load(small, Integer.MAX_VALUE);

        assertThat(report.sent()).isZero();
        assertThat(report.skipped()).singleElement().asString().contains("TAKEN-CITY", "u-someone-elses", "not loaded");
        assertThat(storedEvents()).isEqualTo(before);
    }
}
