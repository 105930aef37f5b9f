package org.pdcaledger.query.maturity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.pdcaledger.kernel.initiative.CheckResult;
import org.pdcaledger.kernel.initiative.GapReference;
import org.pdcaledger.kernel.initiative.InitiativeStage;
import org.pdcaledger.kernel.initiative.PlannedAction;

/**
 * One initiative folded from its unit's ledger for a business date and a recorded moment.
 *
 * @param openActions   the open actions of the current cycle (none once the initiative is closed)
 * @param checks        the conclusions of its checked cycles, in order
 * @param planToDo      days from each cycle's start to its execution start
 * @param doToCheck     days from each execution start to the cycle's check
 * @param checkToAct    days from each check to the decision
 * @param standardisedOn the day it was standardised, {@code null} otherwise
 */
record InitiativeStatus(
        String initiativeId,
        String unitId,
        String title,
        String owner,
        List<GapReference> gaps,
        InitiativeStage stage,
        int cycle,
        LocalDate launchedOn,
        Instant launchedAt,
        LocalDate lastActivityOn,
        List<PlannedAction> openActions,
        List<CheckResult> checks,
        List<Long> planToDo,
        List<Long> doToCheck,
        List<Long> checkToAct,
        LocalDate standardisedOn) {

    boolean active() {
        return !stage.isClosed();
    }

    boolean works(String frameworkCode, String indicatorCode) {
        return gaps.stream().anyMatch(gap -> gap.frameworkCode().equals(frameworkCode)
                && gap.indicatorCode().equals(indicatorCode));
    }

    CheckResult lastResult() {
        return checks.isEmpty() ? null : checks.get(checks.size() - 1);
    }
}
