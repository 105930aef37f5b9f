package org.pdcaledger.kernel.initiative;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pdcaledger.kernel.common.EventTypeName;

class InitiativeMessagesTest {

    static final List<Class<? extends InitiativeEvent>> EVENTS = List.of(InitiativeLaunchedEvent.class,
            PlanRecordedEvent.class, ActionAddedEvent.class, ActionReplannedEvent.class, ActionDroppedEvent.class,
            ExecutionStartedEvent.class, ActionCompletedEvent.class, ObservationRecordedEvent.class,
            MeasurementRecordedEvent.class, CycleCheckedEvent.class, InitiativeStandardisedEvent.class,
            CycleAdjustedEvent.class, InitiativeAbandonedEvent.class);

    @Test
    void everyInitiativeEvent_hasAPublicVersionedTypeName() {
        assertThat(EVENTS.stream().map(EventTypeName::of)).containsExactly(
                "pdca.initiative.initiative-launched.v1", "pdca.initiative.plan-recorded.v1",
                "pdca.initiative.action-added.v1", "pdca.initiative.action-replanned.v1",
                "pdca.initiative.action-dropped.v1", "pdca.initiative.execution-started.v1",
                "pdca.initiative.action-completed.v1", "pdca.initiative.observation-recorded.v1",
                "pdca.initiative.measurement-recorded.v1", "pdca.initiative.cycle-checked.v1",
                "pdca.initiative.initiative-standardised.v1", "pdca.initiative.cycle-adjusted.v1",
                "pdca.initiative.initiative-abandoned.v1");
    }

    @Test
    void checkResult_isMet_partlyMet_orNotMet_againstBaselineAndTarget() {
        Metric days = new Metric("办理时长", "天", new BigDecimal("10"), new BigDecimal("4"),
                MetricDirection.LOWER_IS_BETTER);
        assertThat(CheckResult.of(days, new BigDecimal("4.0"))).isEqualTo(CheckResult.MET);
        assertThat(CheckResult.of(days, new BigDecimal("9.99"))).isEqualTo(CheckResult.PARTLY_MET);
        assertThat(CheckResult.of(days, new BigDecimal("10"))).isEqualTo(CheckResult.NOT_MET);
        Metric satisfaction = new Metric("满意度", "%", new BigDecimal("80"), new BigDecimal("95"),
                MetricDirection.HIGHER_IS_BETTER);
        assertThat(CheckResult.of(satisfaction, new BigDecimal("96"))).isEqualTo(CheckResult.MET);
        assertThat(CheckResult.of(satisfaction, new BigDecimal("81"))).isEqualTo(CheckResult.PARTLY_MET);
        assertThat(CheckResult.of(satisfaction, new BigDecimal("70"))).isEqualTo(CheckResult.NOT_MET);
    }

    @Test
    void aMetricsDirection_agreesWithTarget_onlyWhenTheTargetIsBetterThanTheBaseline() {
        assertThat(new Metric("m", "u", BigDecimal.TEN, BigDecimal.ONE, MetricDirection.LOWER_IS_BETTER)
                .directionAgreesWithTarget()).isTrue();
        assertThat(new Metric("m", "u", BigDecimal.TEN, BigDecimal.ONE, MetricDirection.HIGHER_IS_BETTER)
                .directionAgreesWithTarget()).isFalse();
        assertThat(new Metric("m", "u", BigDecimal.TEN, BigDecimal.TEN, MetricDirection.HIGHER_IS_BETTER)
                .directionAgreesWithTarget()).isFalse();
    }

    @Test
    void aStage_isReadFromItsNameOrItsChineseName() {
        assertThat(InitiativeStage.parse("execution")).isEqualTo(InitiativeStage.EXECUTION);
        assertThat(InitiativeStage.parse("评估管理")).isEqualTo(InitiativeStage.EVALUATION);
        assertThat(InitiativeStage.parse("持续改进")).isEqualTo(InitiativeStage.CONTINUOUS_IMPROVEMENT);
        assertThat(InitiativeStage.parse("已放弃")).isEqualTo(InitiativeStage.ABANDONED);
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> InitiativeStage.parse("DREAMING"));
    }
}
