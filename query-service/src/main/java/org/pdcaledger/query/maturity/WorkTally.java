package org.pdcaledger.query.maturity;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.pdcaledger.kernel.initiative.CheckResult;
import org.pdcaledger.kernel.initiative.InitiativeStage;

/**
 * Countable figures of some units' improvement work as everything recorded so far says: initiatives per stage,
 * concluded cycles, phase durations (days → how many cycles) and gap coverage per framework. Tallies add and
 * subtract, so a subtree's tally is kept by adding each unit's change.
 */
record WorkTally(
        Map<InitiativeStage, Integer> stages,
        Map<CheckResult, Integer> checks,
        Map<Long, Integer> planToDo,
        Map<Long, Integer> doToCheck,
        Map<Long, Integer> checkToAct,
        Map<String, GapTally> coverage) {

    static final WorkTally EMPTY = new WorkTally(null, null, null, null, null, null);

    WorkTally {
        stages = stages == null ? Map.of() : stages;
        checks = checks == null ? Map.of() : checks;
        planToDo = planToDo == null ? Map.of() : planToDo;
        doToCheck = doToCheck == null ? Map.of() : doToCheck;
        checkToAct = checkToAct == null ? Map.of() : checkToAct;
        coverage = coverage == null ? Map.of() : coverage;
    }

    /** The tally of one unit's initiatives (latest) and of its open gaps per framework. */
    static WorkTally of(List<InitiativeStatus> work, Map<String, List<LevelFact>> openGaps) {
        Map<InitiativeStage, Integer> stages = new TreeMap<>();
        Map<CheckResult, Integer> checks = new TreeMap<>();
        Map<Long, Integer> planToDo = new TreeMap<>();
        Map<Long, Integer> doToCheck = new TreeMap<>();
        Map<Long, Integer> checkToAct = new TreeMap<>();
        for (InitiativeStatus initiative : work) {
            stages.merge(initiative.stage(), 1, Integer::sum);
            initiative.checks().forEach(result -> checks.merge(result, 1, Integer::sum));
            initiative.planToDo().forEach(days -> planToDo.merge(days, 1, Integer::sum));
            initiative.doToCheck().forEach(days -> doToCheck.merge(days, 1, Integer::sum));
            initiative.checkToAct().forEach(days -> checkToAct.merge(days, 1, Integer::sum));
        }
        Map<String, GapTally> coverage = new TreeMap<>();
        openGaps.forEach((framework, gaps) -> {
            int covered = (int) gaps.stream().filter(gap -> work.stream().filter(InitiativeStatus::active)
                    .anyMatch(i -> i.works(framework, gap.indicatorCode()))).count();
            if (!gaps.isEmpty()) {
                coverage.put(framework, new GapTally(gaps.size(), covered));
            }
        });
        return new WorkTally(stages, checks, planToDo, doToCheck, checkToAct, coverage);
    }

    WorkTally plus(WorkTally other, int sign) {
        Map<String, GapTally> coverage = new TreeMap<>(this.coverage);
        other.coverage.forEach((framework, tally) -> {
            GapTally was = coverage.getOrDefault(framework, new GapTally(0, 0));
            GapTally is = new GapTally(was.open() + sign * tally.open(), was.covered() + sign * tally.covered());
            if (is.open() == 0 && is.covered() == 0) {
                coverage.remove(framework);
            } else {
                coverage.put(framework, is);
            }
        });
        return new WorkTally(add(stages, other.stages, sign), add(checks, other.checks, sign),
                add(planToDo, other.planToDo, sign), add(doToCheck, other.doToCheck, sign),
                add(checkToAct, other.checkToAct, sign), coverage);
    }

    boolean isEmpty() {
        return stages.isEmpty() && checks.isEmpty() && planToDo.isEmpty() && doToCheck.isEmpty()
                && checkToAct.isEmpty() && coverage.isEmpty();
    }

    private static <K extends Comparable<K>> Map<K, Integer> add(Map<K, Integer> a, Map<K, Integer> b, int sign) {
        Map<K, Integer> sum = new TreeMap<>(a);
        b.forEach((key, count) -> {
            int total = sum.getOrDefault(key, 0) + sign * count;
            if (total == 0) {
                sum.remove(key);
            } else {
                sum.put(key, total);
            }
        });
        return sum;
    }
}
