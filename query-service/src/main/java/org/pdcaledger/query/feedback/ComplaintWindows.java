package org.pdcaledger.query.feedback;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import org.pdcaledger.kernel.feedback.ActFeedbackEffect;
import org.pdcaledger.kernel.feedback.ComplaintWindow;
import org.pdcaledger.kernel.feedback.FeedbackKind;

/**
 * Compares complaints before and after an Act decision over two windows of equal length around the decision day
 * D: before is D−n … D−1, after is D+1 … D+n (n = {@code windowDays}); D itself belongs to neither, since what
 * came in on the day of the decision was caused before it. Counts are normalised to 30 days; while the after window
 * is still running only the days up to today count, so a half-elapsed window compares fairly.
 */
final class ComplaintWindows {

    private ComplaintWindows() {
    }

    /**
     * @param items the items on the initiative's indicators in its units, possibly several marks of one item (one
     *              per indicator): each item counts once, and only complaints count
     */
    static ActFeedbackEffect compare(int cycle, String decision, LocalDate decidedOn, int windowDays, LocalDate today,
            Collection<IndicatorMonthItems.Mark> items) {
        Map<String, LocalDate> complaints = items.stream()
                .filter(mark -> mark.kind() == FeedbackKind.COMPLAINT)
                .collect(Collectors.toMap(IndicatorMonthItems.Mark::feedbackId, IndicatorMonthItems.Mark::receivedOn,
                        (a, b) -> a));
        ComplaintWindow before = window(decidedOn.minusDays(windowDays), decidedOn.minusDays(1), today, complaints);
        ComplaintWindow after = window(decidedOn.plusDays(1), decidedOn.plusDays(windowDays), today, complaints);
        Double change = null;
        Boolean fell = null;
        if (after.days() > 0 && before.days() > 0) {
            double rateBefore = before.complaints() * 30.0 / before.days();
            double rateAfter = after.complaints() * 30.0 / after.days();
            fell = rateAfter < rateBefore;
            if (before.complaints() > 0) {
                change = round((rateAfter - rateBefore) * 100.0 / rateBefore);
            }
        }
        return new ActFeedbackEffect(cycle, decision, decidedOn, before, after, change, fell);
    }

    private static ComplaintWindow window(LocalDate from, LocalDate to, LocalDate today,
            Map<String, LocalDate> complaints) {
        LocalDate lastCounted = today.isBefore(to) ? today : to;
        int days = lastCounted.isBefore(from) ? 0 : (int) ChronoUnit.DAYS.between(from, lastCounted) + 1;
        int count = (int) complaints.values().stream()
                .filter(day -> !day.isBefore(from) && !day.isAfter(lastCounted))
                .count();
        return new ComplaintWindow(from, to, days, count, days == 0 ? null : round(count * 30.0 / days),
                !today.isBefore(to));
    }

    private static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
