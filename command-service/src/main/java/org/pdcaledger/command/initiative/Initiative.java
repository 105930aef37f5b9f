package org.pdcaledger.command.initiative;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.pdcaledger.command.framework.FrameworkCatalogTable;
import org.pdcaledger.command.unit.UnitTreeTable;
import org.pdcaledger.kernel.access.Role;
import org.pdcaledger.kernel.common.NotFoundException;
import org.pdcaledger.kernel.common.RuleViolationException;
import org.pdcaledger.kernel.common.StateConflictException;
import org.pdcaledger.kernel.initiative.AbandonInitiativeCommand;
import org.pdcaledger.kernel.initiative.ActionAddedEvent;
import org.pdcaledger.kernel.initiative.ActionCompletedEvent;
import org.pdcaledger.kernel.initiative.ActionDroppedEvent;
import org.pdcaledger.kernel.initiative.ActionReplannedEvent;
import org.pdcaledger.kernel.initiative.AddActionCommand;
import org.pdcaledger.kernel.initiative.AdjustCycleCommand;
import org.pdcaledger.kernel.initiative.CheckCycleCommand;
import org.pdcaledger.kernel.initiative.CheckResult;
import org.pdcaledger.kernel.initiative.CompleteActionCommand;
import org.pdcaledger.kernel.initiative.CycleAdjustedEvent;
import org.pdcaledger.kernel.initiative.CycleCheckedEvent;
import org.pdcaledger.kernel.initiative.DropActionCommand;
import org.pdcaledger.kernel.initiative.ExecutionStartedEvent;
import org.pdcaledger.kernel.initiative.GapReference;
import org.pdcaledger.kernel.initiative.InitiativeAbandonedEvent;
import org.pdcaledger.kernel.initiative.InitiativeLaunchedEvent;
import org.pdcaledger.kernel.initiative.InitiativeStandardisedEvent;
import org.pdcaledger.kernel.initiative.LaunchInitiativeCommand;
import org.pdcaledger.kernel.initiative.MeasurementRecordedEvent;
import org.pdcaledger.kernel.initiative.Metric;
import org.pdcaledger.kernel.initiative.ObservationRecordedEvent;
import org.pdcaledger.kernel.initiative.PlanRecordedEvent;
import org.pdcaledger.kernel.initiative.PlannedAction;
import org.pdcaledger.kernel.initiative.RecordMeasurementCommand;
import org.pdcaledger.kernel.initiative.RecordObservationCommand;
import org.pdcaledger.kernel.initiative.RecordPlanCommand;
import org.pdcaledger.kernel.initiative.ReplanActionCommand;
import org.pdcaledger.kernel.initiative.StandardiseInitiativeCommand;
import org.pdcaledger.kernel.initiative.StartExecutionCommand;
import org.pdcaledger.support.security.Caller;
import org.pdcaledger.support.security.ScopeGuard;

/**
 * An improvement initiative and its plan-do-check-act cycles. Within a cycle the phases only move forward:
 * Plan (the plan and its actions can change) → Do (actions completed, observations and measurements recorded) →
 * Checked (concluded against the target) → an Act decision, which either completes the initiative (standardise),
 * abandons it, or starts the next cycle in Plan (adjust). A completed or abandoned initiative never changes again.
 * <p>
 * Every command needs an {@code IMPROVER} (or {@code ADMIN}) grant covering the initiative's unit; scope is
 * checked before any state rule so that a caller outside the scope learns nothing about the initiative's state.
 */
@Aggregate
class Initiative {

    enum Phase { PLAN, DO, CHECKED }

    enum Status { ACTIVE, COMPLETED, ABANDONED }

    enum ActionStatus { OPEN, COMPLETED, DROPPED, ENDED }

    private record ActionState(PlannedAction plan, int cycle, ActionStatus status) {

        ActionState with(ActionStatus newStatus) {
            return new ActionState(plan, cycle, newStatus);
        }
    }

    @AggregateIdentifier
    private String initiativeId;
    private String unitId;
    private Metric metric;
    private Status status;
    private int cycle;
    private Phase phase;
    private boolean planRecorded;
    private final Map<String, ActionState> actions = new LinkedHashMap<>();
    private int measurementsInCycle;
    private BigDecimal latestValue;
    private LocalDate latestMeasuredOn;

    Initiative() {
        // for Axon
    }

    @CommandHandler
    Initiative(LaunchInitiativeCommand command, Caller caller, ScopeGuard scopes, UnitTreeTable units,
            FrameworkCatalogTable frameworks) {
        if (!units.exists(command.unitId())) {
            throw new RuleViolationException("unit-unknown", "unitId",
                    "there is no unit " + command.unitId() + " to launch an initiative for");
        }
        scopes.require(caller, command.unitId(), Role.IMPROVER);
        Metric metric = command.metric();
        if (metric.target().compareTo(metric.baseline()) == 0) {
            throw new RuleViolationException("target-equals-baseline", "metric.target",
                    "the target must differ from the baseline (" + metric.baseline().toPlainString()
                            + "), or there is nothing to improve");
        }
        if (!metric.directionAgreesWithTarget()) {
            throw new RuleViolationException("direction-contradicts-target", "metric.direction",
                    "with " + metric.direction() + " a target of " + metric.target().toPlainString()
                            + " would be worse than the baseline of " + metric.baseline().toPlainString());
        }
        List<GapReference> gaps = command.gaps() == null ? List.of() : command.gaps();
        Set<GapReference> seen = new HashSet<>();
        for (int i = 0; i < gaps.size(); i++) {
            if (!seen.add(gaps.get(i))) {
                throw new RuleViolationException("gap-duplicate", "gaps[" + i + "]",
                        "the gap " + gaps.get(i).frameworkCode() + "/" + gaps.get(i).indicatorCode()
                                + " is listed twice");
            }
        }
        for (int i = 0; i < gaps.size(); i++) {
            GapReference gap = gaps.get(i);
            if (frameworks.latestVersion(gap.frameworkCode()).isEmpty()) {
                throw new RuleViolationException("framework-unknown", "gaps[" + i + "].frameworkCode",
                        "no framework " + gap.frameworkCode() + " is published");
            }
            if (!frameworks.hasIndicator(gap.frameworkCode(), gap.indicatorCode())) {
                throw new RuleViolationException("indicator-unknown", "gaps[" + i + "].indicatorCode",
                        "framework " + gap.frameworkCode() + " has no indicator " + gap.indicatorCode());
            }
        }
        List<String> team = command.team() == null ? List.of() : command.team().stream().distinct().toList();
        apply(new InitiativeLaunchedEvent(command.initiativeId(), command.unitId(), command.title(),
                command.problemStatement(), command.owner(), team, List.copyOf(gaps), metric));
    }

    @CommandHandler
    long handle(RecordPlanCommand command, Caller caller, ScopeGuard scopes) {
        requireWritable(caller, scopes);
        requirePhase(Phase.PLAN, "the plan can only be recorded while planning");
        List<PlannedAction> added = command.actions() == null ? List.of() : command.actions();
        for (int i = 0; i < added.size(); i++) {
            requireNewActionId(added.get(i).actionId(), "actions[" + i + "].actionId");
        }
        apply(new PlanRecordedEvent(initiativeId, cycle, command.objective(), command.hypothesis(),
                command.successCriterion(), List.copyOf(added)));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(AddActionCommand command, Caller caller, ScopeGuard scopes) {
        requireWritable(caller, scopes);
        requirePhase(Phase.PLAN, "actions can only be added while planning");
        requireNewActionId(command.action().actionId(), "actionId");
        apply(new ActionAddedEvent(initiativeId, cycle, command.action()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ReplanActionCommand command, Caller caller, ScopeGuard scopes) {
        requireWritable(caller, scopes);
        requirePhase(Phase.PLAN, "actions can only be re-planned while planning");
        requireOpenAction(command.action().actionId());
        apply(new ActionReplannedEvent(initiativeId, cycle, command.action()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(DropActionCommand command, Caller caller, ScopeGuard scopes) {
        requireWritable(caller, scopes);
        requirePhase(Phase.PLAN, "actions can only be dropped while planning");
        requireOpenAction(command.actionId());
        apply(new ActionDroppedEvent(initiativeId, cycle, command.actionId(), command.reason()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(StartExecutionCommand command, Caller caller, ScopeGuard scopes) {
        requireWritable(caller, scopes);
        requirePhase(Phase.PLAN, "execution can only start from Plan");
        if (!planRecorded) {
            throw new StateConflictException("plan-missing", "plan",
                    "cycle " + cycle + " has no plan yet: record its objective, hypothesis and success criterion first");
        }
        if (openActionsOfCycle().isEmpty()) {
            throw new StateConflictException("actions-missing", "actions",
                    "cycle " + cycle + " has no open planned action to carry out");
        }
        apply(new ExecutionStartedEvent(initiativeId, cycle));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(CompleteActionCommand command, Caller caller, ScopeGuard scopes) {
        requireWritable(caller, scopes);
        requirePhase(Phase.DO, "actions are completed while carrying out the plan");
        requireOpenAction(command.actionId());
        apply(new ActionCompletedEvent(initiativeId, cycle, command.actionId(), command.note()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RecordObservationCommand command, Caller caller, ScopeGuard scopes) {
        requireWritable(caller, scopes);
        requirePhase(Phase.DO, "observations are logged while carrying out the plan");
        apply(new ObservationRecordedEvent(initiativeId, cycle, command.text()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RecordMeasurementCommand command, Caller caller, ScopeGuard scopes, Clock clock) {
        requireWritable(caller, scopes);
        requirePhase(Phase.DO, "measurements are recorded while carrying out the plan");
        LocalDate today = LocalDate.now(clock);
        if (command.measuredOn().isAfter(today)) {
            throw new RuleViolationException("measured-in-future", "measuredOn",
                    "a measurement cannot be dated " + command.measuredOn() + ", after today (" + today + ")");
        }
        apply(new MeasurementRecordedEvent(initiativeId, cycle, command.value(), command.measuredOn(),
                command.note()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    CheckOutcome handle(CheckCycleCommand command, Caller caller, ScopeGuard scopes) {
        requireWritable(caller, scopes);
        requirePhase(Phase.DO, "a cycle is checked after its execution started");
        if (measurementsInCycle == 0) {
            throw new StateConflictException("measurement-missing", "measurements",
                    "cycle " + cycle + " has no measurement to check against the target; record one first");
        }
        CheckResult computed = CheckResult.of(metric, latestValue);
        CheckResult result = command.result() == null ? computed : command.result();
        if (result != computed && isBlank(command.overrideReason())) {
            throw new RuleViolationException("override-reason-missing", "overrideReason",
                    "the measurements give " + computed + "; concluding " + result + " instead needs a reason");
        }
        apply(new CycleCheckedEvent(initiativeId, cycle, computed, result, command.overrideReason(),
                command.analysis(), latestValue, latestMeasuredOn));
        return new CheckOutcome(AggregateLifecycle.getVersion(), computed, result);
    }

    @CommandHandler
    long handle(StandardiseInitiativeCommand command, Caller caller, ScopeGuard scopes) {
        requireWritable(caller, scopes);
        requireChecked();
        if (isBlank(command.standardised())) {
            throw new RuleViolationException("standardised-missing", "standardised",
                    "say what was made standard, e.g. the procedure or work document that changed");
        }
        apply(new InitiativeStandardisedEvent(initiativeId, cycle, command.standardised(),
                command.documentReference()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(AdjustCycleCommand command, Caller caller, ScopeGuard scopes) {
        requireWritable(caller, scopes);
        requireChecked();
        List<String> carried = command.carriedActionIds() == null ? List.of()
                : command.carriedActionIds().stream().distinct().toList();
        for (int i = 0; i < carried.size(); i++) {
            ActionState action = actions.get(carried.get(i));
            String field = "carriedActionIds[" + i + "]";
            if (action == null || action.cycle() != cycle) {
                throw new RuleViolationException("action-unknown", field,
                        "cycle " + cycle + " has no action " + carried.get(i) + " to carry over");
            }
            if (action.status() != ActionStatus.OPEN) {
                throw new RuleViolationException("action-not-open", field, "action " + carried.get(i)
                        + " is " + action.status().name().toLowerCase() + "; only open actions are carried over");
            }
        }
        apply(new CycleAdjustedEvent(initiativeId, cycle, cycle + 1, carried.stream()
                .map(id -> actions.get(id).plan()).toList(), command.reason()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(AbandonInitiativeCommand command, Caller caller, ScopeGuard scopes) {
        requireWritable(caller, scopes);
        requireChecked();
        if (isBlank(command.reason())) {
            throw new RuleViolationException("reason-missing", "reason", "an initiative is abandoned with a reason");
        }
        apply(new InitiativeAbandonedEvent(initiativeId, cycle, command.reason()));
        return AggregateLifecycle.getVersion();
    }

    private void requireWritable(Caller caller, ScopeGuard scopes) {
        scopes.require(caller, unitId, Role.IMPROVER);
        if (status != Status.ACTIVE) {
            throw new StateConflictException("initiative-closed", "status", "the initiative is "
                    + status.name().toLowerCase() + "; nothing can change it any more");
        }
    }

    private void requirePhase(Phase wanted, String rule) {
        if (phase != wanted) {
            throw new StateConflictException("phase-order", "phase",
                    rule + ", but cycle " + cycle + " is " + describe(phase));
        }
    }

    private void requireChecked() {
        if (phase != Phase.CHECKED) {
            throw new StateConflictException("act-before-check", "phase",
                    "the team acts on a checked cycle, but cycle " + cycle + " is " + describe(phase));
        }
    }

    private void requireNewActionId(String actionId, String field) {
        if (actions.containsKey(actionId)) {
            throw new StateConflictException("action-duplicate", field, "the initiative already has an action "
                    + actionId);
        }
    }

    private void requireOpenAction(String actionId) {
        ActionState action = actions.get(actionId);
        if (action == null || action.cycle() != cycle) {
            throw new NotFoundException("action-unknown", "actionId",
                    "cycle " + cycle + " has no action " + actionId);
        }
        if (action.status() == ActionStatus.COMPLETED) {
            throw new StateConflictException("action-completed", "actionId",
                    "action " + actionId + " is already completed");
        }
        if (action.status() == ActionStatus.DROPPED) {
            throw new StateConflictException("action-dropped", "actionId",
                    "action " + actionId + " was dropped from the plan");
        }
    }

    private List<String> openActionsOfCycle() {
        return actions.entrySet().stream()
                .filter(e -> e.getValue().cycle() == cycle && e.getValue().status() == ActionStatus.OPEN)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static String describe(Phase phase) {
        return switch (phase) {
            case PLAN -> "still in Plan";
            case DO -> "in Do (not yet checked)";
            case CHECKED -> "already checked and awaits the Act decision";
        };
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    @EventSourcingHandler
    void on(InitiativeLaunchedEvent event) {
        initiativeId = event.initiativeId();
        unitId = event.unitId();
        metric = event.metric();
        status = Status.ACTIVE;
        cycle = 1;
        phase = Phase.PLAN;
    }

    @EventSourcingHandler
    void on(PlanRecordedEvent event) {
        planRecorded = true;
        event.actions().forEach(this::plan);
    }

    @EventSourcingHandler
    void on(ActionAddedEvent event) {
        plan(event.action());
    }

    @EventSourcingHandler
    void on(ActionReplannedEvent event) {
        ActionState current = actions.get(event.action().actionId());
        actions.put(event.action().actionId(), new ActionState(event.action(), current.cycle(), current.status()));
    }

    @EventSourcingHandler
    void on(ActionDroppedEvent event) {
        actions.computeIfPresent(event.actionId(), (id, action) -> action.with(ActionStatus.DROPPED));
    }

    @EventSourcingHandler
    void on(ExecutionStartedEvent event) {
        phase = Phase.DO;
    }

    @EventSourcingHandler
    void on(ActionCompletedEvent event) {
        actions.computeIfPresent(event.actionId(), (id, action) -> action.with(ActionStatus.COMPLETED));
    }

    @EventSourcingHandler
    void on(MeasurementRecordedEvent event) {
        measurementsInCycle++;
        if (latestMeasuredOn == null || !event.measuredOn().isBefore(latestMeasuredOn)) {
            latestMeasuredOn = event.measuredOn();
            latestValue = event.value();
        }
    }

    @EventSourcingHandler
    void on(CycleCheckedEvent event) {
        phase = Phase.CHECKED;
    }

    @EventSourcingHandler
    void on(InitiativeStandardisedEvent event) {
        status = Status.COMPLETED;
    }

    @EventSourcingHandler
    void on(InitiativeAbandonedEvent event) {
        status = Status.ABANDONED;
    }

    @EventSourcingHandler
    void on(CycleAdjustedEvent event) {
        actions.replaceAll((id, action) -> action.cycle() == event.cycle() && action.status() == ActionStatus.OPEN
                ? action.with(ActionStatus.ENDED) : action);
        event.carriedActions().forEach(action -> actions.put(action.actionId(),
                new ActionState(action, event.nextCycle(), ActionStatus.OPEN)));
        cycle = event.nextCycle();
        phase = Phase.PLAN;
        planRecorded = false;
        measurementsInCycle = 0;
        latestValue = null;
        latestMeasuredOn = null;
    }

    private void plan(PlannedAction action) {
        actions.put(action.actionId(), new ActionState(action, cycle, ActionStatus.OPEN));
    }
}
