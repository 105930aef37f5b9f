package org.pdcaledger.query.maturity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.pdcaledger.kernel.assessment.AssessmentFinalisedEvent;
import org.pdcaledger.kernel.assessment.AssessmentKind;
import org.pdcaledger.kernel.assessment.AssessmentReopenedEvent;
import org.pdcaledger.kernel.assessment.AssessmentStatus;
import org.pdcaledger.kernel.assessment.IndicatorRating;
import org.pdcaledger.kernel.common.LocalizedName;
import org.pdcaledger.kernel.framework.FrameworkDefinition;
import org.pdcaledger.kernel.framework.FrameworkDimension;
import org.pdcaledger.kernel.framework.FrameworkIndicator;
import org.pdcaledger.kernel.framework.FrameworkVersionPublishedEvent;
import org.pdcaledger.kernel.framework.LevelDescriptor;
import org.pdcaledger.kernel.initiative.CheckResult;
import org.pdcaledger.kernel.initiative.CycleAdjustedEvent;
import org.pdcaledger.kernel.initiative.CycleCheckedEvent;
import org.pdcaledger.kernel.initiative.ExecutionStartedEvent;
import org.pdcaledger.kernel.initiative.GapReference;
import org.pdcaledger.kernel.initiative.InitiativeLaunchedEvent;
import org.pdcaledger.kernel.initiative.InitiativeStandardisedEvent;
import org.pdcaledger.kernel.initiative.MeasurementRecordedEvent;
import org.pdcaledger.kernel.initiative.Metric;
import org.pdcaledger.kernel.initiative.MetricDirection;
import org.pdcaledger.kernel.initiative.PlanRecordedEvent;
import org.pdcaledger.kernel.initiative.PlannedAction;
import org.pdcaledger.kernel.unit.UnitRegisteredEvent;
import org.pdcaledger.query.framework.FrameworkProjection;

/**
 * Drives the maturity projection (and the framework projection it reads at query time) directly with the events the
 * command side emits, each at a given recorded time and the next global position. The framework {@value #FRAMEWORK}
 * is weighted: dimension d1 (weight 2) holds i1 (weight 1) and i2 (weight 3), dimension d2 (no weight, so 1) holds
 * i3 (no weight).
 */
final class MaturityStory {

    static final String FRAMEWORK = "MX";

    private final MaturityProjection projection;
    private final FrameworkProjection frameworks;
    private long position;

    MaturityStory(MaturityProjection projection, FrameworkProjection frameworks) {
        this.projection = projection;
        this.frameworks = frameworks;
    }

    /** Starts over from position 1, as a replay does. */
    void rewind() {
        position = 0;
    }

    private TrackingToken next() {
        return new GlobalSequenceTrackingToken(++position);
    }

    static Instant at(String day) {
        return Instant.parse(day + "T02:00:00Z");
    }

    static FrameworkDefinition framework() {
        List<LevelDescriptor> levels = new ArrayList<>();
        for (int level = 1; level <= 5; level++) {
            levels.add(new LevelDescriptor(level, "第" + level + "级", "Level " + level));
        }
        return new FrameworkDefinition(FRAMEWORK, 1, new LocalizedName("加权框架", "Weighted"), null, List.of(
                new FrameworkDimension("d1", new LocalizedName("高效率管理", "Efficient management"), 2.0, List.of(
                        new FrameworkIndicator("i1", new LocalizedName("规范性", "Standardisation"), 1.0, levels),
                        new FrameworkIndicator("i2", new LocalizedName("集成性", "Integration"), 3.0, levels))),
                new FrameworkDimension("d2", new LocalizedName("高品质服务", "High-quality service"), null, List.of(
                        new FrameworkIndicator("i3", new LocalizedName("可获得性", "Accessibility"), null,
                                levels)))));
    }

    MaturityStory published(String day) {
        FrameworkVersionPublishedEvent event = new FrameworkVersionPublishedEvent("fw-mx", framework());
        TrackingToken token = next();
        frameworks.on(event, at(day), token);
        projection.on(event, token);
        return this;
    }

    MaturityStory unit(String unitId, String code, String parentId) {
        projection.on(new UnitRegisteredEvent(unitId, code, new LocalizedName("单位" + code, "Unit " + code),
                parentId), next());
        return this;
    }

    MaturityStory moved(String unitId, String from, String to) {
        projection.on(new org.pdcaledger.kernel.unit.UnitMovedEvent(unitId, from, to), next());
        return this;
    }

    MaturityStory retired(String unitId) {
        projection.on(new org.pdcaledger.kernel.unit.UnitRetiredEvent(unitId, "merged"), next());
        return this;
    }

    /** A finalised quarterly assessment recorded on {@code day}; {@code levels} are current/target for i1–i3. */
    MaturityStory finalised(String assessmentId, String unitId, String quarter, String day, int... levels) {
        projection.on(finalisedEvent(assessmentId, unitId, quarter, levels), at(day), next());
        return this;
    }

    static AssessmentFinalisedEvent finalisedEvent(String assessmentId, String unitId, String quarter,
            int... levels) {
        List<IndicatorRating> ratings = new ArrayList<>();
        String[] indicators = {"i1", "i2", "i3"};
        for (int i = 0; i < indicators.length; i++) {
            ratings.add(new IndicatorRating(indicators[i], levels[2 * i], levels[2 * i + 1], "evidence", null));
        }
        return new AssessmentFinalisedEvent(assessmentId, unitId, FRAMEWORK, 1,
                org.pdcaledger.query.maturity.Periods.parse(quarter), AssessmentKind.SELF, ratings, "wang", "zhao");
    }

    MaturityStory reopened(String assessmentId, String unitId, String day) {
        projection.on(new AssessmentReopenedEvent(assessmentId, unitId, AssessmentStatus.FINALISED, "correction",
                "zhao"), at(day), next());
        return this;
    }

    static InitiativeLaunchedEvent launchedEvent(String initiativeId, String unitId, String indicator) {
        return new InitiativeLaunchedEvent(initiativeId, unitId, "举措 " + initiativeId, "problem", "li",
                List.of("li"), List.of(new GapReference(FRAMEWORK, indicator)), new Metric("公文办理时长", "天",
                        new BigDecimal("15"), new BigDecimal("5"), MetricDirection.LOWER_IS_BETTER));
    }

    MaturityStory launched(String initiativeId, String unitId, String indicator, String day) {
        projection.on(launchedEvent(initiativeId, unitId, indicator), at(day), next());
        return this;
    }

    MaturityStory planned(String initiativeId, int cycle, String actionId, String due, String day) {
        projection.on(new PlanRecordedEvent(initiativeId, cycle, "objective", "hypothesis", "criterion",
                List.of(new PlannedAction(actionId, "action " + actionId, "li", LocalDate.parse(due)))), at(day),
                next());
        return this;
    }

    MaturityStory executing(String initiativeId, int cycle, String day) {
        projection.on(new ExecutionStartedEvent(initiativeId, cycle), at(day), next());
        return this;
    }

    MaturityStory measured(String initiativeId, int cycle, String measuredOn, String day) {
        projection.on(new MeasurementRecordedEvent(initiativeId, cycle, new BigDecimal("6"),
                LocalDate.parse(measuredOn), null), at(day), next());
        return this;
    }

    MaturityStory checked(String initiativeId, int cycle, CheckResult result, String day) {
        projection.on(new CycleCheckedEvent(initiativeId, cycle, result, result, null, "analysis",
                new BigDecimal("6"), LocalDate.parse(day)), at(day), next());
        return this;
    }

    MaturityStory adjusted(String initiativeId, int cycle, String day) {
        projection.on(new CycleAdjustedEvent(initiativeId, cycle, cycle + 1, List.of(), "again"), at(day), next());
        return this;
    }

    MaturityStory standardised(String initiativeId, int cycle, String day) {
        projection.on(new InitiativeStandardisedEvent(initiativeId, cycle, "new procedure", "QM-7.5"), at(day),
                next());
        return this;
    }
}
