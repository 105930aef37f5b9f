package org.pdcaledger.command.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pdcaledger.kernel.assessment.AssessmentPeriod;
import org.pdcaledger.kernel.assessment.RateIndicatorCommand;
import org.pdcaledger.kernel.assessment.StartAssessmentCommand;
import org.pdcaledger.kernel.initiative.LaunchInitiativeCommand;
import org.pdcaledger.kernel.initiative.PlannedAction;
import org.pdcaledger.kernel.initiative.RecordMeasurementCommand;
import org.pdcaledger.kernel.initiative.RecordPlanCommand;

/**
 * The demo script on its own: built from the shipped data for different "today"s, it must obey the rules the
 * aggregates check later (dates, lengths, sequences), and be the same every time it is built for the same day.
 */
class DemoScriptTest {

    static final Map<String, List<String>> FRAMEWORKS = Map.of(
            "GOV-OPS-QUALITY", List.of("standardisation", "integration", "collaboration", "smart", "sufficiency",
                    "balance", "agility", "multi-dimensional-care", "accessibility", "choice", "sustainability",
                    "developability"),
            "FIVE-PATHS", List.of("rule-of-law", "consolidation", "digitalisation", "low-carbon", "socialisation"),
            "HPO-BSC", List.of("service-user-satisfaction", "internal-process", "learning-growth",
                    "administrative-cost"),
            "ISO9001-GOV", List.of("quality-manual", "procedures", "work-documents", "audit", "complaints",
                    "process-control", "continual-improvement"));

    static final DemoScript.FrameworkCatalog CATALOG = code -> Optional.ofNullable(FRAMEWORKS.get(code))
            .map(codes -> new DemoScript.PublishedFramework(1, codes));

    private static DemoScript.Script build(LocalDate today) {
        return DemoScript.build(DemoData.builtIn(), today, CATALOG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23", "2026-01-01", "2026-03-31", "2027-07-15"})
    void script_keepsTheAggregatesRules_onAnyDay(String day) {
        LocalDate today = LocalDate.parse(day);

        DemoScript.Script script = build(today);

        assertThat(script.skipped()).isEmpty();
        Map<String, List<DemoStep>> byAggregate = script.steps().stream()
                .collect(Collectors.groupingBy(DemoStep::aggregateId));
        byAggregate.forEach((id, steps) -> assertThat(steps).extracting(DemoStep::sequence)
                .as("sequence numbers of %s in sending order", id)
                .isEqualTo(java.util.stream.LongStream.range(0, steps.size()).boxed().toList()));
        assertThat(script.steps()).extracting(DemoStep::on).isSorted();
        assertThat(script.steps()).map(DemoStep::command).filteredOn(RecordMeasurementCommand.class::isInstance)
                .map(c -> ((RecordMeasurementCommand) c).measuredOn())
                .allSatisfy(on -> assertThat(on).isBefore(today))
                .allSatisfy(on -> assertThat(on).isAfter(today.minusDays(420)));
        assertThat(byAggregate.keySet()).allSatisfy(id -> assertThat(id).matches("[A-Za-z0-9_-]{1,64}"));
    }

    @Test
    void script_isTheSame_whenBuiltTwiceForTheSameDay() {
        LocalDate today = LocalDate.of(2026, 11, 23);

        assertThat(build(today).steps()).isEqualTo(build(today).steps());
    }

    @Test
    void organisation_hasARootEightBureausAndThirtyDivisions() {
        DemoData.Organisation organisation = DemoData.builtIn().organisation();

        assertThat(organisation.root().code()).isEqualTo("DEMO-CITY");
        assertThat(organisation.bureaus()).hasSize(8).extracting(DemoData.UnitSpec::code)
                .startsWith("DEMO-B01").endsWith("DEMO-B08");
        assertThat(organisation.allUnits()).hasSize(39).extracting(DemoData.UnitSpec::code).doesNotHaveDuplicates();
    }

    @Test
    void texts_fitTheLimitsTheHttpApiChecks() {
        List<Object> commands = build(LocalDate.of(2026, 11, 23)).steps().stream().map(DemoStep::command).toList();

        assertThat(commands).filteredOn(LaunchInitiativeCommand.class::isInstance)
                .map(LaunchInitiativeCommand.class::cast)
                .hasSize(60)
                .allSatisfy(launch -> {
                    assertThat(launch.title()).hasSizeLessThanOrEqualTo(200);
                    assertThat(launch.problemStatement()).hasSizeLessThanOrEqualTo(4000);
                    assertThat(launch.metric().baseline().scale()).isLessThanOrEqualTo(6);
                    assertThat(launch.metric().target().scale()).isLessThanOrEqualTo(6);
                    assertThat(launch.metric().name()).hasSizeLessThanOrEqualTo(200);
                    assertThat(launch.metric().unitOfMeasure()).hasSizeLessThanOrEqualTo(40);
                });
        assertThat(commands).filteredOn(RecordPlanCommand.class::isInstance).map(RecordPlanCommand.class::cast)
                .allSatisfy(plan -> {
                    assertThat(plan.objective()).isNotBlank().hasSizeLessThanOrEqualTo(2000);
                    assertThat(plan.hypothesis()).isNotBlank().hasSizeLessThanOrEqualTo(2000);
                    assertThat(plan.successCriterion()).isNotBlank().hasSizeLessThanOrEqualTo(2000);
                    assertThat(plan.actions()).extracting(PlannedAction::owner).allSatisfy(o -> assertThat(o).isNotBlank());
                });
        assertThat(commands).filteredOn(RecordMeasurementCommand.class::isInstance)
                .map(c -> ((RecordMeasurementCommand) c).value().scale())
                .allSatisfy(scale -> assertThat(scale).isLessThanOrEqualTo(6));
    }

    @Test
    void maturity_mostlyRises_overTheFourQuarters() {
        LocalDate today = LocalDate.of(2026, 11, 23);
        List<AssessmentPeriod> quarters = DemoScript.quarters(today);
        Map<String, String> periodOf = new HashMap<>();
        Map<String, List<Integer>> levelsByPeriod = new HashMap<>();
        for (DemoStep step : build(today).steps()) {
            if (step.command() instanceof StartAssessmentCommand start && start.frameworkCode().equals("GOV-OPS-QUALITY")
                    && start.unitId().matches("u-demo-(city|b0\\d)")) {
                periodOf.put(start.assessmentId(), start.period().value());
            } else if (step.command() instanceof RateIndicatorCommand rate && periodOf.containsKey(rate.assessmentId())) {
                levelsByPeriod.computeIfAbsent(periodOf.get(rate.assessmentId()), p -> new ArrayList<>())
                        .add(rate.currentLevel());
            }
        }

        List<Double> averages = quarters.stream()
                .map(q -> levelsByPeriod.get(q.value()).stream().mapToInt(Integer::intValue).average().orElseThrow())
                .toList();
        assertThat(quarters).extracting(AssessmentPeriod::value)
                .containsExactly("2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3");
        assertThat(averages).isSorted();
        assertThat(averages.get(3) - averages.get(0)).isGreaterThan(0.5);
    }

    @Test
    void openInitiatives_workOnOpenGaps_ofTheirUnitsLatestAssessment() {
        LocalDate today = LocalDate.of(2026, 11, 23);
        String lastQuarter = DemoScript.quarters(today).get(DemoScript.QUARTERS - 1).value();
        Map<String, String> latest = new HashMap<>();
        Map<String, int[]> levels = new HashMap<>();
        DemoScript.Script script = build(today);
        for (DemoStep step : script.steps()) {
            if (step.command() instanceof StartAssessmentCommand start && start.period().value().equals(lastQuarter)) {
                latest.put(start.assessmentId(), start.unitId() + "|" + start.frameworkCode() + "/");
            } else if (step.command() instanceof RateIndicatorCommand rate && latest.containsKey(rate.assessmentId())) {
                levels.put(latest.get(rate.assessmentId()) + rate.indicatorCode(),
                        new int[] {rate.currentLevel(), rate.targetLevel()});
            }
        }
        Map<String, org.pdcaledger.kernel.initiative.InitiativeStage> stages = DemoData.builtIn().initiatives().stream()
                .collect(Collectors.toMap(i -> DemoScript.initiativeId(i.key()), DemoData.InitiativeSpec::stage));
        List<String> checked = new ArrayList<>();

        script.steps().stream().map(DemoStep::command).filter(LaunchInitiativeCommand.class::isInstance)
                .map(LaunchInitiativeCommand.class::cast)
                .filter(launch -> !stages.get(launch.initiativeId()).isClosed())
                .forEach(launch -> launch.gaps().forEach(gap -> {
                    int[] rating = levels.get(launch.unitId() + "|" + gap.frameworkCode() + "/" + gap.indicatorCode());
                    if (rating != null && rating[0] < 5) {
                        checked.add(launch.initiativeId());
                        assertThat(rating[1]).as("%s on %s", launch.initiativeId(), gap).isGreaterThan(rating[0]);
                    }
                }));
        assertThat(checked).hasSizeGreaterThan(20);
    }
}
