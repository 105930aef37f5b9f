package org.pdcaledger.kernel.initiative;

import java.time.LocalDate;

/**
 * One action of a cycle's plan: what will be done, by whom, by when.
 *
 * @param actionId unique within the initiative, kept when the action is carried into the next cycle
 */
public record PlannedAction(String actionId, String description, String owner, LocalDate dueDate) {
}
