package org.pdcaledger.kernel.initiative;

import java.time.Instant;
import java.util.List;

/**
 * One plan-do-check-act cycle of an initiative, as recorded so far: {@code plan}, {@code check} and {@code act} are
 * {@code null} until recorded, {@code executionStartedAt} until the Do started.
 */
public record CycleView(
        int cycle,
        Instant startedAt,
        CyclePlan plan,
        List<ActionView> actions,
        Instant executionStartedAt,
        List<ObservationView> observations,
        List<MetricPoint> measurements,
        CycleCheck check,
        CycleAct act) {

    public static CycleView started(int cycle, Instant at, List<ActionView> carried) {
        return new CycleView(cycle, at, null, List.copyOf(carried), null, List.of(), List.of(), null, null);
    }

    public CycleView withPlan(CyclePlan newPlan) {
        return new CycleView(cycle, startedAt, newPlan, actions, executionStartedAt, observations, measurements,
                check, act);
    }

    public CycleView withActions(List<ActionView> newActions) {
        return new CycleView(cycle, startedAt, plan, List.copyOf(newActions), executionStartedAt, observations,
                measurements, check, act);
    }

    public CycleView withExecutionStartedAt(Instant at) {
        return new CycleView(cycle, startedAt, plan, actions, at, observations, measurements, check, act);
    }

    public CycleView withObservations(List<ObservationView> newObservations) {
        return new CycleView(cycle, startedAt, plan, actions, executionStartedAt, List.copyOf(newObservations),
                measurements, check, act);
    }

    public CycleView withMeasurements(List<MetricPoint> newMeasurements) {
        return new CycleView(cycle, startedAt, plan, actions, executionStartedAt, observations,
                List.copyOf(newMeasurements), check, act);
    }

    public CycleView withCheck(CycleCheck newCheck) {
        return new CycleView(cycle, startedAt, plan, actions, executionStartedAt, observations, measurements,
                newCheck, act);
    }

    public CycleView withAct(CycleAct newAct) {
        return new CycleView(cycle, startedAt, plan, actions, executionStartedAt, observations, measurements, check,
                newAct);
    }
}
