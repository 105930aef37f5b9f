package org.pdcaledger.query.initiative;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.pdcaledger.kernel.common.MetadataKeys;
import org.pdcaledger.kernel.initiative.ActionCompletedEvent;
import org.pdcaledger.kernel.initiative.ActionReplannedEvent;
import org.pdcaledger.kernel.initiative.CheckResult;
import org.pdcaledger.kernel.initiative.CycleAdjustedEvent;
import org.pdcaledger.kernel.initiative.CycleCheckedEvent;
import org.pdcaledger.kernel.initiative.ExecutionStartedEvent;
import org.pdcaledger.kernel.initiative.GapReference;
import org.pdcaledger.kernel.initiative.InitiativeEvent;
import org.pdcaledger.kernel.initiative.InitiativeLaunchedEvent;
import org.pdcaledger.kernel.initiative.InitiativeStandardisedEvent;
import org.pdcaledger.kernel.initiative.MeasurementRecordedEvent;
import org.pdcaledger.kernel.initiative.Metric;
import org.pdcaledger.kernel.initiative.MetricDirection;
import org.pdcaledger.kernel.initiative.ObservationRecordedEvent;
import org.pdcaledger.kernel.initiative.PlanRecordedEvent;
import org.pdcaledger.kernel.initiative.PlannedAction;

/**
 * A whole two-cycle initiative as the command side records it: launch → plan → do → measure → check → adjust →
 * plan → do → measure → check → standardise, one event a day from 2026-03-01, each with its metadata.
 */
final class InitiativeStory {

    static final Metric DAYS = new Metric("公文办理时长", "天", new BigDecimal("10"), new BigDecimal("4"),
            MetricDirection.LOWER_IS_BETTER);
    static final Instant DAY_ONE = Instant.parse("2026-03-01T02:00:00Z");

    /** One recorded event: what, when, caused by whom under which command. */
    record Step(InitiativeEvent event, Instant at, Map<String, Object> metaData) {
    }

    private InitiativeStory() {
    }

    static PlannedAction action(String id, String description, String dueDate) {
        return new PlannedAction(id, description, "zhang", LocalDate.parse(dueDate));
    }

    static InitiativeLaunchedEvent launched(String id, String unitId, String owner, GapReference... gaps) {
        return new InitiativeLaunchedEvent(id, unitId, "压缩公文办理时长", "公文办理平均需要10天", owner,
                List.of(owner, "zhang"), List.of(gaps), DAYS);
    }

    /** The full story of initiative {@code id} in {@code unitId}, in the order it happened. */
    static List<Step> twoCycles(String id, String unitId) {
        PlannedAction a1 = action(id + "-a1", "梳理公文流转环节", "2026-03-10");
        PlannedAction a2 = action(id + "-a2", "上线电子签批", "2026-03-20");
        List<Object[]> recorded = List.of(
                new Object[] {launched(id, unitId, "li", new GapReference("GOV-OPS", "STANDARDISATION")),
                        "LaunchInitiativeCommand"},
                new Object[] {new PlanRecordedEvent(id, 1, "办理时长降到4天", "减少签批环节可缩短时长", "连续两个月平均不超过4天",
                        List.of(a1, a2)), "RecordPlanCommand"},
                new Object[] {new ExecutionStartedEvent(id, 1), "StartExecutionCommand"},
                new Object[] {new ActionCompletedEvent(id, 1, a1.actionId(), "环节由9个减到5个"), "CompleteActionCommand"},
                new Object[] {new ObservationRecordedEvent(id, 1, "签批人出差导致积压"), "RecordObservationCommand"},
                new Object[] {new MeasurementRecordedEvent(id, 1, new BigDecimal("6.5"), LocalDate.parse("2026-03-05"),
                        "抽样20件"), "RecordMeasurementCommand"},
                new Object[] {new CycleCheckedEvent(id, 1, CheckResult.PARTLY_MET, CheckResult.PARTLY_MET, null,
                        "签批环节仍多", new BigDecimal("6.5"), LocalDate.parse("2026-03-05")), "CheckCycleCommand"},
                new Object[] {new CycleAdjustedEvent(id, 1, 2, List.of(a2), "先解决出差积压"), "AdjustCycleCommand"},
                new Object[] {new PlanRecordedEvent(id, 2, "办理时长降到4天并保持", "移动签批消除积压", "连续两个月平均不超过4天",
                        List.of()), "RecordPlanCommand"},
                new Object[] {new ActionReplannedEvent(id, 2, action(a2.actionId(), "上线电子签批（含移动端）",
                        "2026-04-10")), "ReplanActionCommand"},
                new Object[] {new ExecutionStartedEvent(id, 2), "StartExecutionCommand"},
                new Object[] {new ActionCompletedEvent(id, 2, a2.actionId(), null), "CompleteActionCommand"},
                new Object[] {new MeasurementRecordedEvent(id, 2, new BigDecimal("3.8"), LocalDate.parse("2026-03-12"),
                        null), "RecordMeasurementCommand"},
                new Object[] {new CycleCheckedEvent(id, 2, CheckResult.MET, CheckResult.MET, null, "移动签批后积压消除",
                        new BigDecimal("3.8"), LocalDate.parse("2026-03-12")), "CheckCycleCommand"},
                new Object[] {new InitiativeStandardisedEvent(id, 2, "电子签批纳入公文处理程序", "QP-07 第3版"),
                        "StandardiseInitiativeCommand"});
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < recorded.size(); i++) {
            steps.add(new Step((InitiativeEvent) recorded.get(i)[0], DAY_ONE.plusSeconds(86_400L * i),
                    Map.of(MetadataKeys.ACTOR, "li", MetadataKeys.ACTOR_NAME, "李明",
                            MetadataKeys.COMMAND, recorded.get(i)[1])));
        }
        return steps;
    }
}
