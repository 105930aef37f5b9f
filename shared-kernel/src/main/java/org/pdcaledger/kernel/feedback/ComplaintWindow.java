package org.pdcaledger.kernel.feedback;

import java.time.LocalDate;

/**
 * Complaints in one window of days around an Act decision.
 *
 * @param from       the first day, inclusive
 * @param to         the last day, inclusive
 * @param days       the days of the window that have passed (fewer than the window while it is still running)
 * @param complaints the complaints received on those days
 * @param per30Days  complaints normalised to 30 days, so windows of different lengths compare; {@code null} when
 *                   no day has passed yet
 * @param complete   whether the whole window has passed
 */
public record ComplaintWindow(
        LocalDate from,
        LocalDate to,
        int days,
        int complaints,
        Double per30Days,
        boolean complete) {
}
