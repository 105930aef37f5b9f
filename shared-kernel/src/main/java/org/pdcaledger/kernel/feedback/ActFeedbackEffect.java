package org.pdcaledger.kernel.feedback;

import java.time.LocalDate;

/**
 * Whether complaints on an initiative's indicators fell after one of its Act decisions: the complaints in the
 * window of days before the decision day against the window after it (the decision day itself in neither).
 *
 * @param decision      {@code STANDARDISE} or {@code ADJUST}
 * @param decidedOn     the day of the decision, in the units' time zone
 * @param changePercent the change of the 30-day rate from before to after, in percent; {@code null} when there were
 *                      no complaints before or no day after has passed
 * @param fell          whether the 30-day rate after is below the one before; {@code null} while no day after has
 *                      passed
 */
public record ActFeedbackEffect(
        int cycle,
        String decision,
        LocalDate decidedOn,
        ComplaintWindow before,
        ComplaintWindow after,
        Double changePercent,
        Boolean fell) {
}
