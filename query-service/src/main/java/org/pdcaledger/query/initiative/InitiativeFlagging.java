package org.pdcaledger.query.initiative;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.pdcaledger.kernel.initiative.ActionStatus;
import org.pdcaledger.kernel.initiative.CycleView;
import org.pdcaledger.kernel.initiative.InitiativeDetail;
import org.pdcaledger.kernel.initiative.InitiativeFlags;
import org.pdcaledger.kernel.initiative.InitiativeStage;
import org.pdcaledger.kernel.initiative.InitiativeSummary;

/**
 * Computes the overdue and stalled flags when a view is read, from what the documents store (open actions' due dates,
 * the time of the last event) and the clock.
 * <p>
 * Why at read time rather than with a scheduled sweep that writes the flags into the documents: the flags are then
 * exact at every moment (a sweep is up to one interval late), a rebuild or a replay writes the same documents
 * whenever it runs (the documents stay pure functions of the events, which keeps them idempotent and comparable),
 * several query-service instances need no coordination of a sweep, and the cost is a date comparison per list entry.
 * An action due on day D is overdue from day D+1 in the units' time zone; an active initiative is stalled when its
 * last event is older than {@code stalledAfter}.
 */
final class InitiativeFlagging {

    private final Clock clock;
    private final Duration stalledAfter;

    InitiativeFlagging(Clock clock, Duration stalledAfter) {
        this.clock = clock;
        this.stalledAfter = stalledAfter;
    }

    InitiativeSummary flag(InitiativeSummary summary) {
        return summary.withFlags(flags(summary.stage(), summary.openActionDueDates(), summary.lastActivityAt(),
                LocalDate.now(clock), clock.instant()));
    }

    InitiativeDetail flag(InitiativeDetail detail) {
        LocalDate today = LocalDate.now(clock);
        boolean active = !detail.stage().isClosed();
        List<CycleView> cycles = detail.cycles().stream().map(cycle -> {
            boolean current = active && cycle.cycle() == detail.currentCycle();
            return cycle.withActions(cycle.actions().stream()
                    .map(action -> action.withOverdue(current && action.status() == ActionStatus.OPEN
                            && action.dueDate().isBefore(today)))
                    .toList());
        }).toList();
        CycleView current = detail.cycles().get(detail.cycles().size() - 1);
        List<LocalDate> openDueDates = current.actions().stream()
                .filter(action -> action.status() == ActionStatus.OPEN)
                .map(action -> action.dueDate())
                .toList();
        return new InitiativeDetail(detail.initiativeId(), detail.unitId(), detail.title(),
                detail.problemStatement(), detail.owner(), detail.team(), detail.gaps(), detail.metric(),
                detail.stage(), detail.currentCycle(), cycles, detail.series(), detail.launchedAt(),
                detail.lastActivityAt(), detail.version(),
                flags(detail.stage(), openDueDates, detail.lastActivityAt(), today, clock.instant()));
    }

    boolean isStalled(Instant lastActivityAt, Instant now) {
        return lastActivityAt.plus(stalledAfter).isBefore(now);
    }

    private InitiativeFlags flags(InitiativeStage stage, List<LocalDate> openDueDates, Instant lastActivityAt,
            LocalDate today, Instant now) {
        if (stage.isClosed()) {
            return InitiativeFlags.NONE;
        }
        int overdue = (int) openDueDates.stream().filter(due -> due.isBefore(today)).count();
        boolean stalled = isStalled(lastActivityAt, now);
        return new InitiativeFlags(overdue > 0, overdue, stalled);
    }
}
