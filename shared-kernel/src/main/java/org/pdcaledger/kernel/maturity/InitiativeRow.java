package org.pdcaledger.kernel.maturity;

import java.time.LocalDate;
import java.util.List;

import org.pdcaledger.kernel.common.LocalizedName;
import org.pdcaledger.kernel.initiative.CheckResult;
import org.pdcaledger.kernel.initiative.InitiativeStage;

/**
 * One initiative in the dashboard's initiative list (and its CSV/XLSX export), as of a date.
 *
 * @param indicators  the linked gaps as {@code FRAMEWORK/INDICATOR}
 * @param lastResult  the conclusion of the latest checked cycle, {@code null} before the first check
 * @param stalled     active with no event for the stalled period
 */
public record InitiativeRow(
        String initiativeId,
        String unitId,
        String unitCode,
        LocalizedName unitName,
        String title,
        String owner,
        InitiativeStage stage,
        int cycle,
        List<String> indicators,
        CheckResult lastResult,
        int openActions,
        int overdueActions,
        boolean stalled,
        LocalDate launchedOn,
        LocalDate lastActivityOn) {
}
