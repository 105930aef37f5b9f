package org.pdcaledger.bench;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.pdcaledger.kernel.assessment.AssessmentFinalisedEvent;
import org.pdcaledger.kernel.assessment.AssessmentKind;
import org.pdcaledger.kernel.assessment.AssessmentPeriod;
import org.pdcaledger.kernel.assessment.AssessmentStartedEvent;
import org.pdcaledger.kernel.assessment.AssessmentSubmittedEvent;
import org.pdcaledger.kernel.assessment.IndicatorRatedEvent;
import org.pdcaledger.kernel.assessment.IndicatorRating;
import org.pdcaledger.kernel.assessment.PeriodType;
import org.pdcaledger.kernel.initiative.ActionCompletedEvent;
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
import org.pdcaledger.kernel.initiative.ObservationRecordedEvent;
import org.pdcaledger.kernel.initiative.PlanRecordedEvent;
import org.pdcaledger.kernel.initiative.PlannedAction;

/**
 * The large organisation the benchmark measures on. Units are registered through the real API (the CSV import, so
 * the command side's unit tree is filled as in production); everything else is written as the events the real
 * aggregates produce for the commands a real organisation sends, straight into the event store through Axon's own
 * JDBC engine and the services' serializer, in big batches:
 * <ul>
 * <li>per unit one finalised annual self-assessment against the built-in GOV-OPS-QUALITY framework, every indicator
 *     rated (5,000 units give 60,000 ratings), the target above the current level where there is a gap;</li>
 * <li>per unit {@code initiativesPerUnit} initiatives in realistic states: planning (15%), carrying out the plan with
 *     actions, observations and measurements (40%), checked (10%), standardised after a met check (20%), adjusted
 *     into a second cycle (10%), abandoned (5%), linked to one of the unit's gaps;</li>
 * <li>once the organisation is complete, further observations on initiatives that are carrying out their plan,
 *     until the store holds the requested number of events.</li>
 * </ul>
 * Every generated aggregate is a valid history for its aggregate: the benchmark sends further commands to a sample
 * of them and expects them accepted ({@link Bench#validate}).
 */
final class Organisation {

    static final String FRAMEWORK = "GOV-OPS-QUALITY";
    static final String ACTOR = "bench-generator";

    record Unit(String unitId, String code, String parentId, int depth) {
    }

    /** An initiative generated in the Do phase, its version and whether commands may use it. */
    static final class Live {
        final String initiativeId;
        final String unitId;
        volatile long version;

        Live(String initiativeId, String unitId, long version) {
            this.initiativeId = initiativeId;
            this.unitId = unitId;
            this.version = version;
        }
    }

    /** Ids of generated aggregates of each final state, for validation. */
    final Map<String, List<String[]>> samples = new LinkedHashMap<>();

    private final List<Unit> units;
    private final List<String> indicators;
    private final int initiativesPerUnit;
    private final Random random = new Random(20260521L);
    private final List<Live> filler = new ArrayList<>();
    private final Map<String, Live> liveById = new java.util.HashMap<>();
    private final List<DomainEventMessage<?>> pending = new ArrayList<>();
    private final Instant epoch;
    private final long plannedEvents;
    private int nextUnit;
    private int fillerCursor;
    private long generated;
    private long initiatives;
    private long ratings;
    private long assessments;

    Organisation(List<Unit> units, List<String> indicators, int initiativesPerUnit, long plannedEvents) {
        this.units = units;
        this.indicators = indicators;
        this.initiativesPerUnit = initiativesPerUnit;
        this.plannedEvents = Math.max(plannedEvents, 1);
        this.epoch = Instant.now().minus(Duration.ofDays(400));
    }

    /** A unit tree of about {@code count} units: a city, bureaus, divisions and sections, as CSV for the import. */
    static List<String> unitTreeCsv(int count) {
        int bureaus = Math.max(2, Math.min(10, count / 500));
        int divisions = Math.max(1, Math.min(50 * bureaus, (count - 1 - bureaus) / 10));
        int sections = Math.max(0, count - 1 - bureaus - divisions);
        StringBuilder top = new StringBuilder("code,parent_code,name_zh,name_en\n");
        top.append("CITY,,市人民政府,City Government\n");
        for (int b = 0; b < bureaus; b++) {
            top.append(String.format("B%02d,CITY,第%d局,Bureau %d%n", b, b + 1, b + 1));
        }
        List<String> divisionCodes = new ArrayList<>();
        for (int d = 0; d < divisions; d++) {
            String code = String.format("B%02d-D%03d", d % bureaus, d);
            divisionCodes.add(code);
            top.append(String.format("%s,B%02d,第%d处,Division %d%n", code, d % bureaus, d + 1, d + 1));
        }
        List<String> files = new ArrayList<>();
        files.add(top.toString());
        StringBuilder rest = new StringBuilder("code,parent_code,name_zh,name_en\n");
        for (int s = 0; s < sections; s++) {
            String parent = divisionCodes.get(s % divisionCodes.size());
            rest.append(String.format("%s-S%04d,%s,第%d科,Section %d%n", parent, s, parent, s + 1, s + 1));
        }
        if (sections > 0) {
            files.add(rest.toString());
        }
        return files;
    }

    /** The current version of a generated aggregate: the filler may have added observations since it was sampled. */
    long versionOf(String aggregateId, long sampled) {
        Live live = liveById.get(aggregateId);
        return live == null ? sampled : live.version;
    }

    boolean complete() {
        return nextUnit >= units.size();
    }

    long generated() {
        return generated;
    }

    long initiatives() {
        return initiatives;
    }

    long ratings() {
        return ratings;
    }

    long assessments() {
        return assessments;
    }

    int unitCount() {
        return units.size();
    }

    /** Appends events until {@code count} more have been written: the organisation first, then observations. */
    void generate(long count, EventStoreAccess store, int batchSize) throws SQLException {
        long target = generated + count;
        while (generated + pending.size() < target) {
            if (!complete()) {
                unitBlock(units.get(nextUnit++));
            } else if (!filler.isEmpty()) {
                Live live = filler.get(fillerCursor++ % filler.size());
                live.version++;
                emit("Initiative", live.initiativeId, live.version, new ObservationRecordedEvent(live.initiativeId,
                        1, "第" + live.version + "次执行记录：窗口受理量与办结时长已登记。"), "RecordObservationCommand");
            } else {
                throw new IllegalStateException("no initiative carries out a plan; cannot add observations");
            }
            while (pending.size() >= batchSize) {
                flush(store, batchSize);
            }
        }
        while (!pending.isEmpty()) {
            flush(store, Math.min(batchSize, pending.size()));
        }
    }

    /**
     * Launches {@code count} fresh initiatives into the Do phase (launch, plan, start of execution: versions 0–2) on
     * units spread over the tree, for a throughput run: every run works on aggregates of the same length, so only the
     * size of the store differs between runs.
     */
    List<Live> freshInitiatives(int count, EventStoreAccess store, int batchSize) throws SQLException {
        List<Live> fresh = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Unit unit = units.get(random.nextInt(units.size()));
            String id = "i-" + UUID.randomUUID();
            launchIntoDo(id, unit, 1);
            fresh.add(new Live(id, unit.unitId(), 2));
        }
        while (!pending.isEmpty()) {
            flush(store, Math.min(batchSize, pending.size()));
        }
        return fresh;
    }

    private void flush(EventStoreAccess store, int size) throws SQLException {
        List<DomainEventMessage<?>> batch = new ArrayList<>(pending.subList(0, size));
        store.append(batch);
        pending.subList(0, size).clear();
        generated += batch.size();
    }

    private void unitBlock(Unit unit) {
        String assessmentId = "a-" + UUID.randomUUID();
        AssessmentPeriod period = new AssessmentPeriod(PeriodType.YEAR, "2025");
        emit("Assessment", assessmentId, 0, new AssessmentStartedEvent(assessmentId, unit.unitId(), FRAMEWORK, 1,
                indicators, period, AssessmentKind.SELF, "assessor-" + unit.code()), "StartAssessmentCommand");
        List<IndicatorRating> final_ = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        long seq = 1;
        for (String indicator : indicators) {
            int current = 1 + random.nextInt(4);
            int target = Math.min(5, current + random.nextInt(3));
            if (target > current) {
                gaps.add(indicator);
            }
            IndicatorRating rating = new IndicatorRating(indicator, current, target,
                    "自评材料第" + (seq) + "项", null);
            final_.add(rating);
            emit("Assessment", assessmentId, seq++, new IndicatorRatedEvent(assessmentId, unit.unitId(), rating,
                    "assessor-" + unit.code()), "RateIndicatorCommand");
            ratings++;
        }
        emit("Assessment", assessmentId, seq++, new AssessmentSubmittedEvent(assessmentId, unit.unitId(),
                "assessor-" + unit.code()), "SubmitAssessmentCommand");
        emit("Assessment", assessmentId, seq, new AssessmentFinalisedEvent(assessmentId, unit.unitId(), FRAMEWORK, 1,
                period, AssessmentKind.SELF, final_, "assessor-" + unit.code(), "reviewer-" + unit.code()),
                "FinaliseAssessmentCommand");
        assessments++;
        sample("assessment-finalised", assessmentId, seq, unit.unitId());
        for (int i = 0; i < initiativesPerUnit; i++) {
            initiative(unit, gaps, i);
        }
    }

    private void initiative(Unit unit, List<String> gaps, int index) {
        String id = "i-" + UUID.randomUUID();
        initiatives++;
        int kind = (int) (initiatives % 20);
        List<GapReference> linked = gaps.isEmpty() ? List.of()
                : List.of(new GapReference(FRAMEWORK, gaps.get(index % gaps.size())));
        Metric metric = new Metric("公文平均办理时长", "天", new BigDecimal("12"), new BigDecimal("4"),
                MetricDirection.LOWER_IS_BETTER);
        String owner = "owner-" + random.nextInt(200);
        emit("Initiative", id, 0, new InitiativeLaunchedEvent(id, unit.unitId(), "压缩公文办理时长（" + unit.code() + "-"
                + index + "）", "公文办理平均需要7至15天，群众反映办事慢。", owner, List.of(owner, "member-" + random.nextInt(500)),
                linked, metric), "LaunchInitiativeCommand");
        PlannedAction first = action(owner, 1);
        PlannedAction second = action(owner, 2);
        emit("Initiative", id, 1, new PlanRecordedEvent(id, 1, "办理时长降至4天以内", "精简审批环节可缩短办理时长",
                "连续两个月平均办理时长不超过4天", List.of(first, second)), "RecordPlanCommand");
        if (kind <= 2) {
            sample("initiative-plan", id, 1, unit.unitId());
            return;
        }
        emit("Initiative", id, 2, new ExecutionStartedEvent(id, 1), "StartExecutionCommand");
        emit("Initiative", id, 3, new ActionCompletedEvent(id, 1, first.actionId(), "已完成"), "CompleteActionCommand");
        long seq = 4;
        if (kind <= 10) {
            emit("Initiative", id, seq++, new ObservationRecordedEvent(id, 1, "窗口试行一周，受理量平稳。"),
                    "RecordObservationCommand");
            emit("Initiative", id, seq++, new ObservationRecordedEvent(id, 1, "部分材料仍需线下补交。"),
                    "RecordObservationCommand");
            emit("Initiative", id, seq, measurement(id, 1, "8"), "RecordMeasurementCommand");
            Live live = new Live(id, unit.unitId(), seq);
            filler.add(live);
            liveById.put(id, live);
            sample("initiative-do", id, seq, unit.unitId());
            return;
        }
        if (kind <= 12) {
            emit("Initiative", id, seq++, measurement(id, 1, "6"), "RecordMeasurementCommand");
            emit("Initiative", id, seq, checked(id, 1, "6", CheckResult.PARTLY_MET), "CheckCycleCommand");
            sample("initiative-checked", id, seq, unit.unitId());
            return;
        }
        if (kind <= 16) {
            emit("Initiative", id, seq++, new ActionCompletedEvent(id, 1, second.actionId(), null),
                    "CompleteActionCommand");
            emit("Initiative", id, seq++, measurement(id, 1, "5"), "RecordMeasurementCommand");
            emit("Initiative", id, seq++, measurement(id, 1, "3.5"), "RecordMeasurementCommand");
            emit("Initiative", id, seq++, checked(id, 1, "3.5", CheckResult.MET), "CheckCycleCommand");
            emit("Initiative", id, seq, new InitiativeStandardisedEvent(id, 1, "修订《公文办理规程》第三章",
                    "GB/T 19001-2016 附录" + index), "StandardiseInitiativeCommand");
            sample("initiative-standardised", id, seq, unit.unitId());
            return;
        }
        if (kind <= 18) {
            emit("Initiative", id, seq++, measurement(id, 1, "7"), "RecordMeasurementCommand");
            emit("Initiative", id, seq++, checked(id, 1, "7", CheckResult.PARTLY_MET), "CheckCycleCommand");
            emit("Initiative", id, seq++, new CycleAdjustedEvent(id, 1, 2, List.of(second), "部分达成，调整方案进入第二轮"),
                    "AdjustCycleCommand");
            emit("Initiative", id, seq++, new PlanRecordedEvent(id, 2, "第二轮：办理时长降至4天以内", "网上预审可减少补件",
                    "连续两个月平均办理时长不超过4天", List.of(action(owner, 3))), "RecordPlanCommand");
            emit("Initiative", id, seq++, new ExecutionStartedEvent(id, 2), "StartExecutionCommand");
            emit("Initiative", id, seq, new ObservationRecordedEvent(id, 2, "网上预审上线。"), "RecordObservationCommand");
            sample("initiative-second-cycle", id, seq, unit.unitId());
            return;
        }
        emit("Initiative", id, seq++, measurement(id, 1, "13"), "RecordMeasurementCommand");
        emit("Initiative", id, seq++, checked(id, 1, "13", CheckResult.NOT_MET), "CheckCycleCommand");
        emit("Initiative", id, seq, new InitiativeAbandonedEvent(id, 1, "上级统一建设平台，本项目终止"),
                "AbandonInitiativeCommand");
        sample("initiative-abandoned", id, seq, unit.unitId());
    }

    private void launchIntoDo(String id, Unit unit, int index) {
        String owner = "owner-" + random.nextInt(200);
        Metric metric = new Metric("群众满意率", "%", new BigDecimal("82"), new BigDecimal("95"),
                MetricDirection.HIGHER_IS_BETTER);
        emit("Initiative", id, 0, new InitiativeLaunchedEvent(id, unit.unitId(), "提升12345热线满意率（" + unit.code()
                + "）", "热线回访满意率偏低。", owner, List.of(owner), List.of(), metric), "LaunchInitiativeCommand");
        emit("Initiative", id, 1, new PlanRecordedEvent(id, 1, "满意率达到95%", "首问负责制可提升满意率", "季度满意率不低于95%",
                List.of(action(owner, index))), "RecordPlanCommand");
        emit("Initiative", id, 2, new ExecutionStartedEvent(id, 1), "StartExecutionCommand");
    }

    private PlannedAction action(String owner, int n) {
        return new PlannedAction("a-" + UUID.randomUUID(), "第" + n + "项措施：梳理并精简审批环节", owner,
                LocalDate.ofInstant(clock(), ZoneOffset.UTC).plusDays(30 + random.nextInt(120)));
    }

    private MeasurementRecordedEvent measurement(String id, int cycle, String value) {
        return new MeasurementRecordedEvent(id, cycle, new BigDecimal(value),
                LocalDate.ofInstant(clock(), ZoneOffset.UTC), "月度统计");
    }

    private CycleCheckedEvent checked(String id, int cycle, String value, CheckResult result) {
        return new CycleCheckedEvent(id, cycle, result, result, null, "对照目标值分析：" + result,
                new BigDecimal(value), LocalDate.ofInstant(clock(), ZoneOffset.UTC));
    }

    private void sample(String kind, String aggregateId, long version, String unitId) {
        List<String[]> list = samples.computeIfAbsent(kind, k -> new ArrayList<>());
        if (list.size() < 3) {
            list.add(new String[] {aggregateId, Long.toString(version), unitId});
        }
    }

    /** Event time runs from 400 days ago towards now in step with the planned number of events. */
    private Instant clock() {
        long step = Duration.ofDays(390).toMillis() / plannedEvents;
        return epoch.plusMillis(Math.min(generated + pending.size(), plannedEvents) * step);
    }

    private void emit(String type, String aggregateId, long sequence, Object payload, String command) {
        Map<String, Object> metaData = new LinkedHashMap<>();
        String commandId = UUID.randomUUID().toString();
        metaData.put("actor", ACTOR);
        metaData.put("actorName", "基准数据生成器");
        metaData.put("command", command);
        metaData.put("traceId", commandId);
        metaData.put("correlationId", commandId);
        pending.add(new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, metaData,
                UUID.randomUUID().toString(), clock()));
    }
}
