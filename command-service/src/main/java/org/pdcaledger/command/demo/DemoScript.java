package org.pdcaledger.command.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.LongFunction;

import org.pdcaledger.command.demo.DemoData.ActionSpec;
import org.pdcaledger.command.demo.DemoData.AssessmentPlan;
import org.pdcaledger.command.demo.DemoData.CycleSpec;
import org.pdcaledger.command.demo.DemoData.InitiativeSpec;
import org.pdcaledger.command.demo.DemoData.Organisation;
import org.pdcaledger.command.demo.DemoData.Person;
import org.pdcaledger.command.demo.DemoData.Setback;
import org.pdcaledger.command.demo.DemoData.UnitSpec;
import org.pdcaledger.command.demo.DemoStep.Actor;
import org.pdcaledger.kernel.assessment.AssessmentKind;
import org.pdcaledger.kernel.assessment.AssessmentPeriod;
import org.pdcaledger.kernel.assessment.FinaliseAssessmentCommand;
import org.pdcaledger.kernel.assessment.PeriodType;
import org.pdcaledger.kernel.assessment.RateIndicatorCommand;
import org.pdcaledger.kernel.assessment.StartAssessmentCommand;
import org.pdcaledger.kernel.assessment.SubmitAssessmentCommand;
import org.pdcaledger.kernel.common.LocalizedName;
import org.pdcaledger.kernel.initiative.AbandonInitiativeCommand;
import org.pdcaledger.kernel.initiative.AdjustCycleCommand;
import org.pdcaledger.kernel.initiative.CheckCycleCommand;
import org.pdcaledger.kernel.initiative.CheckResult;
import org.pdcaledger.kernel.initiative.CompleteActionCommand;
import org.pdcaledger.kernel.initiative.GapReference;
import org.pdcaledger.kernel.initiative.InitiativeStage;
import org.pdcaledger.kernel.initiative.LaunchInitiativeCommand;
import org.pdcaledger.kernel.initiative.Metric;
import org.pdcaledger.kernel.initiative.MetricDirection;
import org.pdcaledger.kernel.initiative.PlannedAction;
import org.pdcaledger.kernel.initiative.RecordMeasurementCommand;
import org.pdcaledger.kernel.initiative.RecordObservationCommand;
import org.pdcaledger.kernel.initiative.RecordPlanCommand;
import org.pdcaledger.kernel.initiative.ReplanActionCommand;
import org.pdcaledger.kernel.initiative.StandardiseInitiativeCommand;
import org.pdcaledger.kernel.initiative.StartExecutionCommand;
import org.pdcaledger.kernel.unit.RegisterUnitCommand;

/**
 * Turns the demo data into the commands a year of work would have sent, ordered by business day: units first, then
 * initiatives and quarterly assessments interleaved as they happened, so the order in which events are recorded
 * follows the business dates too. The script depends only on the data, the published frameworks and "today", so
 * every load on the same day produces the same commands with the same ids; a load that stopped half-way resumes.
 * <p>
 * Maturity is generated per unit, framework and indicator from a fixed seed: it mostly rises, pilot bureaus rise
 * faster, scripted setbacks drop it with the assessor's note, and an initiative that was standardised lifts the
 * levels of the indicators it addresses at the unit's next assessment.
 */
final class DemoScript {

    /** The published version of a framework and its indicator codes, in document order. */
    record PublishedFramework(int version, List<String> indicatorCodes) {
    }

    /** Where the script looks up the frameworks it rates against. */
    interface FrameworkCatalog {
        Optional<PublishedFramework> latest(String frameworkCode);
    }

    /** The commands in the order to send, and what could not be scripted (e.g. a framework that is not published). */
    record Script(List<DemoStep> steps, List<String> skipped) {
    }

    static final int QUARTERS = 4;
    private static final int DEFAULT_MEASUREMENTS = 3;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy年M月", Locale.CHINA);

    private final Organisation organisation;
    private final List<InitiativeSpec> initiatives;
    private final LocalDate today;
    private final FrameworkCatalog frameworks;
    private final List<Entry> entries = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final List<Standardisation> standardisations = new ArrayList<>();
    /** {@code unit|FRAMEWORK/indicator} that an initiative still open works on: the assessments keep a gap there. */
    private final Set<String> openGaps = new HashSet<>();
    private final Actor admin;
    private final Actor assessor;
    private final Actor reviewer;

    private record Entry(LocalDate on, int order, DemoStep step) {
    }

    /** An initiative made standard on a day: its unit's next assessment rates its indicators one level higher. */
    private record Standardisation(String unitCode, Set<String> gaps, LocalDate on, String title) {
    }

    private DemoScript(DemoData data, LocalDate today, FrameworkCatalog frameworks) {
        this.organisation = data.organisation();
        this.initiatives = data.initiatives();
        this.today = today;
        this.frameworks = frameworks;
        this.admin = account("admin", "ADMIN@*");
        this.assessor = account("assessor", "ASSESSOR@*");
        this.reviewer = account("reviewer", "ASSESSOR@*");
    }

    /** The whole demo history for a load on {@code today}. */
    static Script build(DemoData data, LocalDate today, FrameworkCatalog frameworks) {
        DemoScript script = new DemoScript(data, today, frameworks);
        script.units();
        script.initiatives.forEach(script::initiative);
        script.assessments();
        List<DemoStep> steps = script.entries.stream()
                .sorted(Comparator.comparing(Entry::on).thenComparingInt(Entry::order))
                .map(Entry::step)
                .toList();
        return new Script(steps, List.copyOf(script.skipped));
    }

    static String unitId(String unitCode) {
        return "u-" + unitCode.toLowerCase(Locale.ROOT);
    }

    static String initiativeId(String key) {
        return "i-demo-" + key;
    }

    static String assessmentId(String unitCode, String frameworkCode, AssessmentPeriod period) {
        return ("a-" + unitCode + "-" + frameworkCode + "-" + period.value()).toLowerCase(Locale.ROOT);
    }

    /** The four quarters before the current one, oldest first. */
    static List<AssessmentPeriod> quarters(LocalDate today) {
        LocalDate currentQuarter = LocalDate.of(today.getYear(), (today.getMonthValue() - 1) / 3 * 3 + 1, 1);
        List<AssessmentPeriod> periods = new ArrayList<>();
        for (int back = QUARTERS; back >= 1; back--) {
            LocalDate first = currentQuarter.minusMonths(3L * back);
            periods.add(new AssessmentPeriod(PeriodType.QUARTER,
                    first.getYear() + "-Q" + ((first.getMonthValue() - 1) / 3 + 1)));
        }
        return periods;
    }

    private Actor account(String role, String grant) {
        Person person = organisation.account(role);
        return new Actor(person.user(), person.name(), List.of(grant));
    }

    private void add(LocalDate on, String aggregateId, long sequence, Object command, Actor actor) {
        entries.add(new Entry(on, entries.size(), new DemoStep(on, aggregateId, sequence, command, actor)));
    }

    // ---------------------------------------------------------------- units

    private void units() {
        LocalDate founded = today.minusYears(3);
        UnitSpec root = organisation.root();
        register(founded, root, null);
        for (UnitSpec bureau : organisation.bureaus()) {
            register(founded, bureau, root);
            for (UnitSpec division : bureau.divisions()) {
                register(founded, division, bureau);
            }
        }
    }

    private void register(LocalDate on, UnitSpec unit, UnitSpec parent) {
        add(on, unitId(unit.code()), 0, new RegisterUnitCommand(unitId(unit.code()), unit.code(),
                new LocalizedName(unit.zh(), unit.en()), parent == null ? null : unitId(parent.code())), admin);
    }

    // ---------------------------------------------------------------- initiatives

    /** The commands of one initiative, sent by its owner under an IMPROVER grant on the owner's bureau. */
    private final class InitiativeSteps {

        private final String id;
        private final Actor actor;
        private long sequence;

        InitiativeSteps(String id, Actor actor) {
            this.id = id;
            this.actor = actor;
        }

        void add(LocalDate on, Object command) {
            DemoScript.this.add(on, id, sequence++, command, actor);
        }

        /** The version the next command expects: the sequence number of the last event stored. */
        Long version() {
            return sequence - 1;
        }
    }

    private void initiative(InitiativeSpec spec) {
        String id = initiativeId(spec.key());
        Person owner = organisation.staffMember(spec.owner()).orElseThrow(() -> new IllegalStateException(
                "initiative " + spec.key() + ": owner " + spec.owner() + " is not on the demo staff"));
        UnitSpec bureau = organisation.bureauOf(spec.unit()).orElseThrow(() -> new IllegalStateException(
                "initiative " + spec.key() + ": unit " + spec.unit() + " is not in a demo bureau"));
        if (!bureau.code().equals(owner.bureau())) {
            throw new IllegalStateException("initiative " + spec.key() + ": owner " + owner.user()
                    + " works for " + owner.bureau() + ", not for " + bureau.code());
        }
        if (spec.cycles() == null || spec.cycles().isEmpty() || spec.cycles().get(0).start() == null) {
            throw new IllegalStateException("initiative " + spec.key() + " needs a first cycle with a start day");
        }
        if (!spec.stage().isClosed()) {
            spec.gaps().forEach(gap -> openGaps.add(spec.unit() + "|" + gap));
        }
        InitiativeSteps steps = new InitiativeSteps(id,
                new Actor(owner.user(), owner.name(), List.of("IMPROVER@" + unitId(owner.bureau()))));
        Metric metric = new Metric(spec.metric().name(), spec.metric().unit(), spec.metric().baseline(),
                spec.metric().target(), spec.metric().direction());
        List<GapReference> gaps = spec.gaps().stream().map(DemoScript::gap).toList();
        int day = spec.cycles().get(0).start();
        if (day > -1) {
            throw new IllegalStateException("initiative " + spec.key() + " must be launched before today");
        }
        steps.add(day(day), new LaunchInitiativeCommand(id, unitId(spec.unit()), spec.title(), spec.problem(),
                spec.owner(), spec.team(), gaps, metric));
        if (spec.stage() == InitiativeStage.PLANNING && !spec.planned() && spec.cycles().size() == 1) {
            return;
        }
        BigDecimal from = metric.baseline();
        List<PlannedAction> carried = List.of();
        for (int index = 0; index < spec.cycles().size(); index++) {
            CycleSpec cycle = spec.cycles().get(index);
            boolean last = index == spec.cycles().size() - 1;
            InitiativeStage ending = last ? spec.stage() : null;
            CycleRun run = new CycleRun(spec, steps, metric, cycle, index + 1, day, ending, carried, from);
            if (!run.play()) {
                return;
            }
            day = day + cycle.days();
            from = run.finalValue;
            carried = run.carriedOn;
        }
    }

    private static GapReference gap(String text) {
        int slash = text.indexOf('/');
        if (slash <= 0) {
            throw new IllegalStateException("a gap is written FRAMEWORK/indicator, not " + text);
        }
        return new GapReference(text.substring(0, slash), text.substring(slash + 1));
    }

    private LocalDate day(int offset) {
        return today.plusDays(offset);
    }

    /** One plan-do-check-act cycle of an initiative, from its plan to its decision (or to where it stands now). */
    private final class CycleRun {

        private final InitiativeSpec spec;
        private final InitiativeSteps steps;
        private final Metric metric;
        private final CycleSpec cycle;
        private final int number;
        private final int start;
        private final int span;
        private final InitiativeStage ending;
        private final List<PlannedAction> carriedIn;
        private final BigDecimal from;
        BigDecimal finalValue;
        List<PlannedAction> carriedOn = List.of();

        CycleRun(InitiativeSpec spec, InitiativeSteps steps, Metric metric, CycleSpec cycle, int number, int start,
                InitiativeStage ending, List<PlannedAction> carriedIn, BigDecimal from) {
            this.spec = spec;
            this.steps = steps;
            this.metric = metric;
            this.cycle = cycle;
            this.number = number;
            this.start = start;
            this.span = cycle.days();
            this.ending = ending;
            this.carriedIn = carriedIn;
            this.from = from;
        }

        private int at(double fraction) {
            return start + (int) Math.round(span * fraction);
        }

        private String where() {
            return "initiative " + spec.key() + " cycle " + number;
        }

        /** Sends the cycle's commands; false when the initiative stops in this cycle. */
        boolean play() {
            if (ending == InitiativeStage.PLANNING && !spec.planned()) {
                return false;
            }
            int planDay = number == 1 ? at(0.05) : start;
            requirePast(planDay, "plan");
            List<PlannedAction> fresh = new ArrayList<>();
            List<ActionSpec> tasks = cycle.actions();
            for (int i = 0; i < tasks.size(); i++) {
                double due = 0.25 + 0.45 * (tasks.size() == 1 ? 1 : (double) i / (tasks.size() - 1));
                fresh.add(new PlannedAction("act-" + number + "-" + (i + 1), tasks.get(i).task(),
                        tasks.get(i).owner(), day(at(due))));
            }
            steps.add(day(planDay), new RecordPlanCommand(steps.id, cycle.objective(), cycle.hypothesis(),
                    criterion(), fresh, steps.version()));
            List<PlannedAction> actions = new ArrayList<>();
            for (PlannedAction old : carriedIn) {
                PlannedAction replanned = new PlannedAction(old.actionId(), old.description(), old.owner(),
                        day(at(0.5)));
                steps.add(day(planDay), new ReplanActionCommand(steps.id, replanned, steps.version()));
                actions.add(replanned);
            }
            actions.addAll(fresh);
            if (ending == InitiativeStage.PLANNING) {
                return false;
            }
            if (actions.isEmpty()) {
                throw new IllegalStateException(where() + " has no action to carry out");
            }
            int executionDay = at(0.1);
            requirePast(executionDay, "execution start");
            steps.add(day(executionDay), new StartExecutionCommand(steps.id, steps.version()));
            boolean open = ending == InitiativeStage.EXECUTION || ending == InitiativeStage.EVALUATION;
            List<Timed> timed = new ArrayList<>();
            completions(actions, executionDay, open, timed);
            observations(open, timed);
            if (ending != InitiativeStage.EXECUTION) {
                measurements(open, timed);
            }
            timed.sort(Comparator.comparingInt(Timed::day));
            for (Timed event : timed) {
                steps.add(day(event.day()), event.command().apply(steps.version()));
            }
            if (open) {
                return false;
            }
            check();
            return decide(actions);
        }

        private void requirePast(int dayOffset, String what) {
            if (dayOffset > -1) {
                throw new IllegalStateException(where() + ": the " + what + " would be " + day(dayOffset)
                        + ", not before today; start the cycle earlier or shorten it");
            }
        }

        private String criterion() {
            if (cycle.criterion() != null) {
                return cycle.criterion();
            }
            return metric.name() + (metric.direction() == MetricDirection.LOWER_IS_BETTER
                    ? "降至" : "提升至") + plain(metric.target()) + metric.unitOfMeasure() + "，并稳定保持一个月以上";
        }

        private void completions(List<PlannedAction> actions, int executionDay, boolean open, List<Timed> timed) {
            PlannedAction slipping = !open || !spec.overdue() ? null : actions.stream()
                    .filter(a -> a.dueDate().isBefore(today))
                    .min(Comparator.comparing(PlannedAction::dueDate))
                    .orElseThrow(() -> new IllegalStateException(where() + " is marked overdue but no action is due"));
            Set<String> kept = new HashSet<>();
            for (int number : cycle.carry()) {
                kept.add("act-" + this.number + "-" + number);
            }
            List<PlannedAction> carried = new ArrayList<>();
            for (PlannedAction action : actions) {
                int done = Math.max(executionDay + 1, (int) (action.dueDate().toEpochDay() - today.toEpochDay()) - 2);
                boolean complete = open ? done <= -1 && action != slipping : !kept.contains(action.actionId());
                if (!open && kept.contains(action.actionId())) {
                    carried.add(action);
                }
                if (complete) {
                    if (!open && done >= at(0.9)) {
                        done = at(0.9) - 1;
                    }
                    String actionId = action.actionId();
                    timed.add(new Timed(done, version -> new CompleteActionCommand(steps.id, actionId, null, version)));
                }
            }
            if (carried.size() != kept.size()) {
                throw new IllegalStateException(where() + " carries actions it does not have: " + cycle.carry());
            }
            carriedOn = List.copyOf(carried);
        }

        private void observations(boolean open, List<Timed> timed) {
            List<String> texts = cycle.observations();
            for (int i = 0; i < texts.size(); i++) {
                int on = at(0.3 + 0.45 * (texts.size() == 1 ? 0 : (double) i / (texts.size() - 1)));
                if (open && on > -1) {
                    continue;
                }
                String text = texts.get(i);
                timed.add(new Timed(on, version -> new RecordObservationCommand(steps.id, text, version)));
            }
        }

        private void measurements(boolean open, List<Timed> timed) {
            List<BigDecimal> values = cycle.values().isEmpty() ? generatedValues() : cycle.values();
            int recorded = 0;
            for (int i = 0; i < values.size(); i++) {
                int on = at(0.4 + 0.45 * (values.size() == 1 ? 1 : (double) i / (values.size() - 1)));
                if (open && on > -1) {
                    continue;
                }
                requirePast(on, "measurement");
                BigDecimal value = values.get(i);
                LocalDate measuredOn = day(on);
                timed.add(new Timed(on, version -> new RecordMeasurementCommand(steps.id, value, measuredOn,
                        MONTH.format(measuredOn) + "统计", version)));
                recorded++;
                finalValue = value;
            }
            if (recorded == 0) {
                throw new IllegalStateException(where() + " is in evaluation but no measurement falls before today");
            }
        }

        private CheckResult expectedOutcome() {
            if (cycle.outcome() != null) {
                return cycle.outcome();
            }
            if (ending == null) {
                return CheckResult.PARTLY_MET;
            }
            return switch (ending) {
                case ABANDONED -> CheckResult.NOT_MET;
                case EVALUATION -> CheckResult.PARTLY_MET;
                default -> CheckResult.MET;
            };
        }

        private List<BigDecimal> generatedValues() {
            BigDecimal baseline = metric.baseline();
            BigDecimal target = metric.target();
            int scale = spec.metric().scale();
            BigDecimal last = switch (expectedOutcome()) {
                case MET -> target;
                case PARTLY_MET -> from.add(target.subtract(from).multiply(new BigDecimal("0.55")));
                case NOT_MET -> baseline.add(baseline.subtract(target).multiply(new BigDecimal("0.05")));
            };
            Random random = new Random((spec.key() + "/" + number).hashCode());
            List<BigDecimal> values = new ArrayList<>();
            for (int i = 1; i <= DEFAULT_MEASUREMENTS; i++) {
                BigDecimal value;
                if (i == DEFAULT_MEASUREMENTS) {
                    value = last;
                } else if (expectedOutcome() == CheckResult.NOT_MET) {
                    value = from.add(target.subtract(from).multiply(BigDecimal.valueOf(0.1 * i)));
                } else {
                    double share = (double) i / DEFAULT_MEASUREMENTS + (random.nextDouble() - 0.5) * 0.12;
                    value = from.add(last.subtract(from).multiply(BigDecimal.valueOf(share)));
                }
                values.add(value.setScale(scale, RoundingMode.HALF_UP));
            }
            return values;
        }

        private void check() {
            CheckResult computed = CheckResult.of(metric, finalValue);
            if (computed != expectedOutcome()) {
                throw new IllegalStateException(where() + ": the last measurement " + finalValue + " gives " + computed
                        + ", the data expects " + expectedOutcome());
            }
            requirePast(at(0.9), "check");
            CheckResult concluded = cycle.concluded() == null ? computed : cycle.concluded();
            if (concluded != computed && cycle.override() == null) {
                throw new IllegalStateException(where() + " overrides the check without a reason");
            }
            String analysis = analysis(computed);
            steps.add(day(at(0.9)), new CheckCycleCommand(steps.id, concluded == computed ? null : concluded,
                    concluded == computed ? null : cycle.override(), analysis, steps.version()));
        }

        private String analysis(CheckResult computed) {
            String unit = metric.unitOfMeasure();
            String verdict = switch (computed) {
                case MET -> "已达到目标。";
                case PARTLY_MET -> "较基线有改善，但尚未达到目标。";
                case NOT_MET -> "未较基线改善。";
            };
            String numbers = "第" + number + "轮PDCA循环：最近一次测量为" + plain(finalValue) + unit + "，基线"
                    + plain(metric.baseline()) + unit + "，目标" + plain(metric.target()) + unit + "，" + verdict;
            return cycle.analysis() == null ? numbers : numbers + cycle.analysis();
        }

        private boolean decide(List<PlannedAction> actions) {
            LocalDate on = day(at(1.0));
            if (ending != InitiativeStage.CONTINUOUS_IMPROVEMENT) {
                requirePast(at(1.0), "decision");
            }
            if (ending == null) {
                String reason = cycle.act() != null ? cycle.act()
                        : "目标未完全达成，保留有效做法，调整措施进入第" + (number + 1) + "轮PDCA循环。";
                steps.add(on, new AdjustCycleCommand(steps.id,
                        carriedOn.stream().map(PlannedAction::actionId).toList(), reason, steps.version()));
                return true;
            }
            switch (ending) {
                case COMPLETED -> {
                    String standardised = cycle.act() != null ? cycle.act()
                            : "将本轮行之有效的做法固化为工作规程，纳入处室质量管理体系文件并全员培训。";
                    steps.add(on, new StandardiseInitiativeCommand(steps.id, standardised, cycle.document(),
                            steps.version()));
                    standardisations.add(new Standardisation(spec.unit(), Set.copyOf(spec.gaps()), on, spec.title()));
                }
                case ABANDONED -> steps.add(on, new AbandonInitiativeCommand(steps.id, cycle.act() != null
                        ? cycle.act() : "多轮测量未见改善，经研究终止本项目，资源转投优先级更高的改进事项。",
                        steps.version()));
                case CONTINUOUS_IMPROVEMENT -> {
                    // checked; the team has not decided yet
                }
                default -> throw new IllegalStateException(where() + " cannot end in " + ending);
            }
            return false;
        }
    }

    private record Timed(int day, LongFunction<Object> command) {
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    // ---------------------------------------------------------------- assessments

    private void assessments() {
        List<AssessmentPeriod> periods = quarters(today);
        Map<String, Map<String, List<Integer>>> planned = new LinkedHashMap<>();
        Map<String, AssessmentKind> kinds = new HashMap<>();
        for (AssessmentPlan plan : organisation.assessments()) {
            List<String> units = new ArrayList<>(plan.units());
            for (String bureauCode : plan.divisionsOf()) {
                organisation.bureaus().stream().filter(b -> b.code().equals(bureauCode)).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no demo bureau " + bureauCode))
                        .divisions().forEach(d -> units.add(d.code()));
            }
            for (String unit : units) {
                planned.computeIfAbsent(plan.framework(), f -> new LinkedHashMap<>())
                        .computeIfAbsent(unit, u -> new ArrayList<>()).addAll(plan.quarters());
                kinds.put(plan.framework() + "/" + unit, plan.kind());
            }
        }
        planned.forEach((frameworkCode, units) -> {
            Optional<PublishedFramework> framework = frameworks.latest(frameworkCode);
            if (framework.isEmpty()) {
                skipped.add("framework " + frameworkCode + " is not published; its demo assessments are left out");
                return;
            }
            units.forEach((unitCode, quarters) -> ratings(unitCode, frameworkCode, framework.get(), periods,
                    quarters, kinds.get(frameworkCode + "/" + unitCode)));
        });
    }

    /** When an assessment of a period is carried out: started after the quarter closed, finalised days later. */
    private static LocalDate startedOn(AssessmentPeriod period) {
        return period.lastDay().plusDays(8);
    }

    private void ratings(String unitCode, String frameworkCode, PublishedFramework framework,
            List<AssessmentPeriod> periods, List<Integer> quarters, AssessmentKind kind) {
        List<String> indicators = framework.indicatorCodes();
        Random random = new Random((unitCode + "|" + frameworkCode).hashCode());
        boolean pilot = organisation.pilots().contains(unitCode)
                || organisation.bureauOf(unitCode).map(b -> organisation.pilots().contains(b.code())).orElse(false);
        boolean root = unitCode.equals(organisation.root().code());
        int[] level = new int[indicators.size()];
        int[] target = new int[indicators.size()];
        for (int i = 0; i < level.length; i++) {
            level[i] = root ? 2 + random.nextInt(2) : 1 + random.nextInt(3);
            target[i] = Math.min(5, level[i] + 2);
        }
        double up = pilot ? 0.38 : 0.24;
        double down = 0.05;
        Set<Standardisation> applied = new HashSet<>();
        for (int q = 1; q <= QUARTERS; q++) {
            AssessmentPeriod period = periods.get(q - 1);
            String[] notes = new String[level.length];
            if (q > 1) {
                for (int i = 0; i < level.length; i++) {
                    double draw = random.nextDouble();
                    if (draw < up && level[i] < 5) {
                        level[i]++;
                        notes[i] = "较上季度提升一级：制度执行和工作台账进一步规范。";
                    } else if (draw > 1 - down && level[i] > 1) {
                        level[i]--;
                        notes[i] = "较上季度下降一级：抽查发现部分事项执行不到位，已责成整改。";
                    }
                }
            }
            for (Standardisation done : standardisations) {
                if (!done.unitCode().equals(unitCode) || applied.contains(done)
                        || done.on().isAfter(startedOn(period))) {
                    continue;
                }
                applied.add(done);
                for (int i = 0; i < indicators.size(); i++) {
                    if (done.gaps().contains(frameworkCode + "/" + indicators.get(i)) && level[i] < 5) {
                        level[i]++;
                        notes[i] = "改进项目《" + done.title() + "》已标准化，较上季度提升一级。";
                    }
                }
            }
            for (Setback setback : organisation.setbacks()) {
                if (setback.unit().equals(unitCode) && setback.framework().equals(frameworkCode)
                        && setback.quarter() == q) {
                    for (int i = 0; i < indicators.size(); i++) {
                        if (setback.indicators().contains(indicators.get(i)) && level[i] > 1) {
                            level[i]--;
                            notes[i] = setback.note();
                        }
                    }
                }
            }
            for (int i = 0; i < level.length; i++) {
                target[i] = Math.max(target[i], level[i]);
                if (level[i] < 5 && openGaps.contains(unitCode + "|" + frameworkCode + "/" + indicators.get(i))) {
                    target[i] = Math.max(target[i], level[i] + 1);
                }
            }
            if (quarters.contains(q)) {
                assessment(unitCode, frameworkCode, framework, period, kind, level, target, notes);
            }
        }
    }

    private void assessment(String unitCode, String frameworkCode, PublishedFramework framework,
            AssessmentPeriod period, AssessmentKind kind, int[] level, int[] target, String[] notes) {
        String id = assessmentId(unitCode, frameworkCode, period);
        LocalDate started = startedOn(period);
        long sequence = 0;
        add(started, id, sequence++, new StartAssessmentCommand(id, unitId(unitCode), frameworkCode,
                framework.version(), period, kind), assessor);
        String evidence = kind == AssessmentKind.EXTERNAL
                ? period.value() + "外部审核：现场审核记录、不符合项清单及整改验证"
                : period.value() + "自评：制度文件、工作台账、抽查记录和服务对象评价";
        List<String> indicators = framework.indicatorCodes();
        for (int i = 0; i < indicators.size(); i++) {
            add(started, id, sequence, new RateIndicatorCommand(id, indicators.get(i), level[i], target[i], evidence,
                    notes[i], sequence - 1), assessor);
            sequence++;
        }
        add(started.plusDays(1), id, sequence, new SubmitAssessmentCommand(id, sequence - 1), assessor);
        sequence++;
        add(started.plusDays(4), id, sequence, new FinaliseAssessmentCommand(id, sequence - 1), reviewer);
    }
}
