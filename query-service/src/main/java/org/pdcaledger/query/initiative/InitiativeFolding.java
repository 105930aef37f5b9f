package org.pdcaledger.query.initiative;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.pdcaledger.kernel.initiative.ActDecision;
import org.pdcaledger.kernel.initiative.ActionAddedEvent;
import org.pdcaledger.kernel.initiative.ActionCompletedEvent;
import org.pdcaledger.kernel.initiative.ActionDroppedEvent;
import org.pdcaledger.kernel.initiative.ActionReplannedEvent;
import org.pdcaledger.kernel.initiative.ActionStatus;
import org.pdcaledger.kernel.initiative.ActionView;
import org.pdcaledger.kernel.initiative.CycleAct;
import org.pdcaledger.kernel.initiative.CycleAdjustedEvent;
import org.pdcaledger.kernel.initiative.CycleCheck;
import org.pdcaledger.kernel.initiative.CycleCheckedEvent;
import org.pdcaledger.kernel.initiative.CyclePlan;
import org.pdcaledger.kernel.initiative.CycleView;
import org.pdcaledger.kernel.initiative.ExecutionStartedEvent;
import org.pdcaledger.kernel.initiative.InitiativeAbandonedEvent;
import org.pdcaledger.kernel.initiative.InitiativeDetail;
import org.pdcaledger.kernel.initiative.InitiativeEvent;
import org.pdcaledger.kernel.initiative.InitiativeLaunchedEvent;
import org.pdcaledger.kernel.initiative.InitiativeStage;
import org.pdcaledger.kernel.initiative.InitiativeStandardisedEvent;
import org.pdcaledger.kernel.initiative.InitiativeSummary;
import org.pdcaledger.kernel.initiative.MeasurementRecordedEvent;
import org.pdcaledger.kernel.initiative.MetricPoint;
import org.pdcaledger.kernel.initiative.ObservationRecordedEvent;
import org.pdcaledger.kernel.initiative.ObservationView;
import org.pdcaledger.kernel.initiative.PlanRecordedEvent;

/**
 * Folds initiative events into the initiative page ({@link InitiativeDetail}) and derives the list entry
 * ({@link InitiativeSummary}) from it. Pure functions of the events, their timestamps and metadata: no clock, no
 * look-ups, so a rebuild writes the same documents. Time-dependent flags are added when read.
 */
final class InitiativeFolding {

    private static final Comparator<MetricPoint> BY_DAY_MEASURED = Comparator.comparing(MetricPoint::measuredOn);

    private InitiativeFolding() {
    }

    static InitiativeDetail launched(InitiativeLaunchedEvent event, Instant at, long version) {
        return new InitiativeDetail(event.initiativeId(), event.unitId(), event.title(), event.problemStatement(),
                event.owner(), event.team(), event.gaps(), event.metric(), InitiativeStage.PLANNING, 1,
                List.of(CycleView.started(1, at, List.of())), List.of(), at, at, version, null);
    }

    /**
     * The page after {@code event}; {@code actorName} is who caused it, from the event's metadata.
     */
    static InitiativeDetail apply(InitiativeDetail detail, InitiativeEvent event, Instant at, long version,
            String actorName) {
        List<CycleView> cycles = new ArrayList<>(detail.cycles());
        List<MetricPoint> series = detail.series();
        int index = event.cycle() - 1;
        if (index < 0 || index >= cycles.size()) {
            throw new IllegalStateException("event for cycle " + event.cycle() + " of initiative "
                    + detail.initiativeId() + ", which has " + cycles.size() + " cycles");
        }
        CycleView cycle = cycles.get(index);
        if (event instanceof PlanRecordedEvent plan) {
            List<ActionView> actions = new ArrayList<>(cycle.actions());
            plan.actions().forEach(action -> actions.add(ActionView.planned(action, null)));
            cycle = cycle.withPlan(new CyclePlan(plan.objective(), plan.hypothesis(), plan.successCriterion(), at))
                    .withActions(actions);
        } else if (event instanceof ActionAddedEvent added) {
            List<ActionView> actions = new ArrayList<>(cycle.actions());
            actions.add(ActionView.planned(added.action(), null));
            cycle = cycle.withActions(actions);
        } else if (event instanceof ActionReplannedEvent replanned) {
            cycle = changeAction(cycle, replanned.action().actionId(), a -> a.replanned(replanned.action()));
        } else if (event instanceof ActionDroppedEvent dropped) {
            cycle = changeAction(cycle, dropped.actionId(), a -> a.withStatus(ActionStatus.DROPPED, dropped.reason()));
        } else if (event instanceof ExecutionStartedEvent) {
            cycle = cycle.withExecutionStartedAt(at);
        } else if (event instanceof ActionCompletedEvent completed) {
            cycle = changeAction(cycle, completed.actionId(), a -> a.completed(at, completed.note()));
        } else if (event instanceof ObservationRecordedEvent observed) {
            List<ObservationView> observations = new ArrayList<>(cycle.observations());
            observations.add(new ObservationView(observed.text(), at, actorName));
            cycle = cycle.withObservations(observations);
        } else if (event instanceof MeasurementRecordedEvent measured) {
            MetricPoint point = new MetricPoint(measured.cycle(), measured.measuredOn(), measured.value(),
                    measured.note(), at, detail.metric().reachesTarget(measured.value()),
                    detail.metric().improvesOnBaseline(measured.value()));
            cycle = cycle.withMeasurements(insertByDay(cycle.measurements(), point));
            series = insertByDay(series, point);
        } else if (event instanceof CycleCheckedEvent checked) {
            cycle = cycle.withCheck(new CycleCheck(checked.computedResult(), checked.result(),
                    checked.result() != checked.computedResult(), checked.overrideReason(), checked.analysis(),
                    checked.basisValue(), checked.basisMeasuredOn(), at, actorName));
        } else if (event instanceof InitiativeStandardisedEvent standardised) {
            cycle = endOpenActions(cycle, Set.of()).withAct(new CycleAct(ActDecision.STANDARDISE,
                    standardised.standardised(), standardised.documentReference(), List.of(), null, at, actorName));
        } else if (event instanceof InitiativeAbandonedEvent abandoned) {
            cycle = endOpenActions(cycle, Set.of()).withAct(new CycleAct(ActDecision.ABANDON, null, null, List.of(),
                    abandoned.reason(), at, actorName));
        } else if (event instanceof CycleAdjustedEvent adjusted) {
            List<String> carried = adjusted.carriedActions().stream().map(a -> a.actionId()).toList();
            cycle = endOpenActions(cycle, Set.copyOf(carried)).withAct(new CycleAct(ActDecision.ADJUST, null, null,
                    carried, adjusted.reason(), at, actorName));
            cycles.add(CycleView.started(adjusted.nextCycle(), at, adjusted.carriedActions().stream()
                    .map(action -> ActionView.planned(action, adjusted.cycle())).toList()));
        } else {
            throw new IllegalArgumentException("unknown initiative event " + event.getClass().getName());
        }
        cycles.set(index, cycle);
        return new InitiativeDetail(detail.initiativeId(), detail.unitId(), detail.title(),
                detail.problemStatement(), detail.owner(), detail.team(), detail.gaps(), detail.metric(),
                stageOf(cycles), cycles.size(), List.copyOf(cycles), series, detail.launchedAt(), at, version, null);
    }

    static InitiativeSummary summarise(InitiativeDetail detail, List<String> unitPath) {
        CycleView current = detail.cycles().get(detail.cycles().size() - 1);
        List<LocalDate> openDueDates = detail.stage().isClosed() ? List.of() : current.actions().stream()
                .filter(a -> a.status() == ActionStatus.OPEN)
                .map(ActionView::dueDate)
                .sorted()
                .toList();
        MetricPoint latest = detail.series().isEmpty() ? null : detail.series().get(detail.series().size() - 1);
        CycleCheck lastCheck = detail.cycles().stream().map(CycleView::check).filter(Objects::nonNull)
                .reduce((first, second) -> second).orElse(null);
        return new InitiativeSummary(detail.initiativeId(), detail.unitId(), unitPath, detail.title(),
                detail.owner(), detail.stage(), detail.currentCycle(), detail.gaps(), detail.metric().name(),
                detail.metric().unitOfMeasure(), detail.metric().baseline(), detail.metric().target(),
                latest == null ? null : latest.value(), lastCheck == null ? null : lastCheck.result(), openDueDates,
                detail.launchedAt(), detail.lastActivityAt(), detail.version(), null);
    }

    /**
     * The management-chain stage, from the current (last) cycle: see {@link InitiativeStage}.
     */
    static InitiativeStage stageOf(List<CycleView> cycles) {
        CycleView current = cycles.get(cycles.size() - 1);
        if (current.act() != null) {
            return current.act().decision() == ActDecision.STANDARDISE ? InitiativeStage.COMPLETED
                    : InitiativeStage.ABANDONED;
        }
        if (current.check() != null) {
            return InitiativeStage.CONTINUOUS_IMPROVEMENT;
        }
        if (current.executionStartedAt() != null) {
            return current.measurements().isEmpty() ? InitiativeStage.EXECUTION : InitiativeStage.EVALUATION;
        }
        return InitiativeStage.PLANNING;
    }

    private static CycleView changeAction(CycleView cycle, String actionId, UnaryOperator<ActionView> change) {
        return cycle.withActions(cycle.actions().stream()
                .map(action -> action.actionId().equals(actionId) ? change.apply(action) : action)
                .toList());
    }

    private static CycleView endOpenActions(CycleView cycle, Set<String> carried) {
        return cycle.withActions(cycle.actions().stream()
                .map(action -> action.status() != ActionStatus.OPEN ? action
                        : action.withStatus(carried.contains(action.actionId()) ? ActionStatus.CARRIED_OVER
                                : ActionStatus.NOT_CARRIED, action.dropReason()))
                .toList());
    }

    /** Keeps points ordered by the day measured; a point measured on the same day as others goes after them. */
    private static List<MetricPoint> insertByDay(List<MetricPoint> points, MetricPoint point) {
        List<MetricPoint> result = new ArrayList<>(points);
        int at = result.size();
        while (at > 0 && BY_DAY_MEASURED.compare(result.get(at - 1), point) > 0) {
            at--;
        }
        result.add(at, point);
        return List.copyOf(result);
    }
}
