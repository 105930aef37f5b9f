package org.pdcaledger.query.maturity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.pdcaledger.kernel.initiative.CheckResult;
import org.pdcaledger.kernel.initiative.GapReference;
import org.pdcaledger.kernel.initiative.PlannedAction;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One event of an initiative in its unit's ledger, reduced to what the maturity views fold.
 *
 * @param businessDate the day it counts on for {@code asOf=}: the measured-on day of a measurement, otherwise the
 *                     day it was recorded (in the units' time zone) — the other initiative events carry no date of
 *                     their own
 * @param recordedAt   the event's timestamp, for {@code knownAt=}
 * @param title        launch only
 * @param owner        launch only
 * @param gaps         launch only: the linked gaps
 * @param actions      plan, added or replanned action, or the actions carried into the next cycle
 * @param actionId     a dropped or completed action
 * @param result       the team's conclusion of a checked cycle
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record InitiativeFact(
        String initiativeId,
        InitiativeFactKind kind,
        int cycle,
        LocalDate businessDate,
        Instant recordedAt,
        long position,
        String title,
        String owner,
        List<GapReference> gaps,
        List<PlannedAction> actions,
        String actionId,
        CheckResult result) {

    InitiativeFact {
        gaps = gaps == null ? List.of() : List.copyOf(gaps);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
