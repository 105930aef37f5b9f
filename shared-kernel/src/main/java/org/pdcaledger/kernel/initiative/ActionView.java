package org.pdcaledger.kernel.initiative;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One planned action of a cycle, as the initiative page shows it.
 *
 * @param carriedFromCycle the cycle it was carried over from, or {@code null} when planned in this cycle
 * @param overdue          open, in the current cycle of an active initiative, and due before today; computed when
 *                         read, so it turns on as days pass without any event
 */
public record ActionView(
        String actionId,
        String description,
        String owner,
        LocalDate dueDate,
        ActionStatus status,
        Integer carriedFromCycle,
        Instant completedAt,
        String completionNote,
        String dropReason,
        Boolean overdue) {

    public static ActionView planned(PlannedAction action, Integer carriedFromCycle) {
        return new ActionView(action.actionId(), action.description(), action.owner(), action.dueDate(),
                ActionStatus.OPEN, carriedFromCycle, null, null, null, null);
    }

    public ActionView replanned(PlannedAction action) {
        return new ActionView(actionId, action.description(), action.owner(), action.dueDate(), status,
                carriedFromCycle, completedAt, completionNote, dropReason, overdue);
    }

    public ActionView completed(Instant at, String note) {
        return new ActionView(actionId, description, owner, dueDate, ActionStatus.COMPLETED, carriedFromCycle, at,
                note, dropReason, overdue);
    }

    public ActionView withStatus(ActionStatus newStatus, String reason) {
        return new ActionView(actionId, description, owner, dueDate, newStatus, carriedFromCycle, completedAt,
                completionNote, reason, overdue);
    }

    public ActionView withOverdue(Boolean flag) {
        return new ActionView(actionId, description, owner, dueDate, status, carriedFromCycle, completedAt,
                completionNote, dropReason, flag);
    }
}
