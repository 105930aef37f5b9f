package org.pdcaledger.kernel.initiative;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One initiative as the initiative list and the gap board show it.
 *
 * @param unitPath           the unit ids from the root down to the initiative's unit
 * @param latestValue        the metric's most recent measurement (by day measured), or {@code null}
 * @param lastResult         the result of the most recent Check, or {@code null}
 * @param openActionDueDates due dates of the open actions of the current cycle, earliest first (empty when closed)
 * @param flags              computed when read; {@code null} in the stored document
 */
public record InitiativeSummary(
        String initiativeId,
        String unitId,
        List<String> unitPath,
        String title,
        String owner,
        InitiativeStage stage,
        int currentCycle,
        List<GapReference> gaps,
        String metricName,
        String unitOfMeasure,
        BigDecimal baseline,
        BigDecimal target,
        BigDecimal latestValue,
        CheckResult lastResult,
        List<LocalDate> openActionDueDates,
        Instant launchedAt,
        Instant lastActivityAt,
        long version,
        InitiativeFlags flags) {

    public InitiativeSummary withFlags(InitiativeFlags newFlags) {
        return new InitiativeSummary(initiativeId, unitId, unitPath, title, owner, stage, currentCycle, gaps,
                metricName, unitOfMeasure, baseline, target, latestValue, lastResult, openActionDueDates, launchedAt,
                lastActivityAt, version, newFlags);
    }
}
