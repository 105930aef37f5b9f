package org.pdcaledger.kernel.maturity;

import java.time.LocalDate;

/**
 * An open action of an active initiative's current cycle whose due date has passed (overdue from the day after).
 */
public record OverdueAction(
        String initiativeId,
        String unitId,
        String title,
        String actionId,
        String description,
        String owner,
        LocalDate dueDate,
        long daysOverdue) {
}
