package org.pdcaledger.query.maturity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pdcaledger.kernel.initiative.CheckResult;
import org.pdcaledger.kernel.initiative.GapReference;
import org.pdcaledger.kernel.initiative.InitiativeStage;
import org.pdcaledger.kernel.initiative.PlannedAction;

/**
 * Folds a unit's initiative ledger for a business date and a recorded moment. An entry counts when it was recorded
 * by {@code knownAt} and its business date is not after {@code asOf}; an initiative whose launch does not count does
 * not exist yet. The stage follows {@link InitiativeStage}'s rules, from the entries that count.
 */
final class InitiativeTimeline {

    private InitiativeTimeline() {
    }

    static List<InitiativeStatus> fold(InitiativeLedger ledger, LocalDate asOf, Instant knownAt) {
        if (ledger == null) {
            return List.of();
        }
        Map<String, Progress> progress = new LinkedHashMap<>();
        for (InitiativeFact fact : ledger.facts()) {
            if (knownAt != null && fact.recordedAt().isAfter(knownAt)
                    || asOf != null && fact.businessDate().isAfter(asOf)) {
                continue;
            }
            if (fact.kind() == InitiativeFactKind.LAUNCHED) {
                progress.put(fact.initiativeId(), new Progress(ledger.unitId(), fact));
            } else {
                Progress initiative = progress.get(fact.initiativeId());
                if (initiative != null) {
                    initiative.apply(fact);
                }
            }
        }
        return progress.values().stream().map(Progress::status).toList();
    }

    private static final class Progress {
        private final String unitId;
        private final InitiativeFact launch;
        private InitiativeStage stage = InitiativeStage.PLANNING;
        private int cycle = 1;
        private LocalDate cycleStartedOn;
        private LocalDate executionStartedOn;
        private boolean measured;
        private LocalDate checkedOn;
        private LocalDate lastActivityOn;
        private LocalDate standardisedOn;
        private final Map<String, PlannedAction> open = new LinkedHashMap<>();
        private final List<CheckResult> checks = new ArrayList<>();
        private final List<Long> planToDo = new ArrayList<>();
        private final List<Long> doToCheck = new ArrayList<>();
        private final List<Long> checkToAct = new ArrayList<>();

        Progress(String unitId, InitiativeFact launch) {
            this.unitId = unitId;
            this.launch = launch;
            this.cycleStartedOn = launch.businessDate();
            this.lastActivityOn = launch.businessDate();
        }

        void apply(InitiativeFact fact) {
            if (fact.businessDate().isAfter(lastActivityOn)) {
                lastActivityOn = fact.businessDate();
            }
            if (stage.isClosed() || fact.cycle() != cycle) {
                return;
            }
            LocalDate day = fact.businessDate();
            switch (fact.kind()) {
                case PLAN_RECORDED, ACTION_ADDED, ACTION_REPLANNED ->
                        fact.actions().forEach(action -> open.put(action.actionId(), action));
                case ACTION_DROPPED, ACTION_COMPLETED -> open.remove(fact.actionId());
                case EXECUTION_STARTED -> {
                    executionStartedOn = day;
                    planToDo.add(days(cycleStartedOn, day));
                    stage = measured ? InitiativeStage.EVALUATION : InitiativeStage.EXECUTION;
                }
                case MEASUREMENT_RECORDED -> {
                    measured = true;
                    if (executionStartedOn != null && checkedOn == null) {
                        stage = InitiativeStage.EVALUATION;
                    }
                }
                case CYCLE_CHECKED -> {
                    checkedOn = day;
                    checks.add(fact.result());
                    if (executionStartedOn != null) {
                        doToCheck.add(days(executionStartedOn, day));
                    }
                    stage = InitiativeStage.CONTINUOUS_IMPROVEMENT;
                }
                case CYCLE_ADJUSTED -> {
                    act(day);
                    cycle = fact.cycle() + 1;
                    cycleStartedOn = day;
                    executionStartedOn = null;
                    measured = false;
                    checkedOn = null;
                    open.clear();
                    fact.actions().forEach(action -> open.put(action.actionId(), action));
                    stage = InitiativeStage.PLANNING;
                }
                case STANDARDISED -> {
                    act(day);
                    standardisedOn = day;
                    open.clear();
                    stage = InitiativeStage.COMPLETED;
                }
                case ABANDONED -> {
                    act(day);
                    open.clear();
                    stage = InitiativeStage.ABANDONED;
                }
                case LAUNCHED, OBSERVATION_RECORDED -> {
                }
            }
        }

        private void act(LocalDate day) {
            if (checkedOn != null) {
                checkToAct.add(days(checkedOn, day));
            }
        }

        private static long days(LocalDate from, LocalDate to) {
            return Math.max(0, ChronoUnit.DAYS.between(from, to));
        }

        InitiativeStatus status() {
            List<GapReference> gaps = launch.gaps();
            return new InitiativeStatus(launch.initiativeId(), unitId, launch.title(), launch.owner(), gaps, stage,
                    cycle, launch.businessDate(), launch.recordedAt(), lastActivityOn, List.copyOf(open.values()),
                    List.copyOf(checks), List.copyOf(planToDo), List.copyOf(doToCheck), List.copyOf(checkToAct),
                    standardisedOn);
        }
    }
}
