package org.pdcaledger.query.feedback;

import java.util.ArrayList;
import java.util.List;

import org.pdcaledger.kernel.feedback.FeedbackRecordedEvent;

/**
 * The feedback of one unit (its own, not its subtree's) received in one month, keyed {@code unitId|2026-03}: in
 * total, per framework (items bearing on any of its indicators, each counted once) and per indicator. Lists rather
 * than maps, because indicator codes may contain dots, which MongoDB field names must not.
 */
record UnitMonthFeedback(
        String unitId,
        String month,
        Tally total,
        List<FrameworkTally> frameworks,
        List<IndicatorTally> indicators) {

    record FrameworkTally(String frameworkCode, Tally tally) {
    }

    record IndicatorTally(String frameworkCode, String indicatorCode, Tally tally) {
    }

    static String key(String unitId, String month) {
        return unitId + "|" + month;
    }

    static UnitMonthFeedback empty(String unitId, String month) {
        return new UnitMonthFeedback(unitId, month, Tally.EMPTY, List.of(), List.of());
    }

    UnitMonthFeedback with(FeedbackRecordedEvent event) {
        List<FrameworkTally> frameworkTallies = new ArrayList<>(frameworks);
        event.indicators().stream().map(i -> i.frameworkCode()).distinct().forEach(code -> {
            int at = indexOf(frameworkTallies, code);
            Tally current = at < 0 ? Tally.EMPTY : frameworkTallies.get(at).tally();
            FrameworkTally updated = new FrameworkTally(code,
                    current.plus(event.channel(), event.kind(), event.satisfaction()));
            if (at < 0) {
                frameworkTallies.add(updated);
            } else {
                frameworkTallies.set(at, updated);
            }
        });
        List<IndicatorTally> indicatorTallies = new ArrayList<>(indicators);
        event.indicators().forEach(indicator -> {
            int at = -1;
            for (int i = 0; i < indicatorTallies.size(); i++) {
                IndicatorTally tally = indicatorTallies.get(i);
                if (tally.frameworkCode().equals(indicator.frameworkCode())
                        && tally.indicatorCode().equals(indicator.indicatorCode())) {
                    at = i;
                }
            }
            Tally current = at < 0 ? Tally.EMPTY : indicatorTallies.get(at).tally();
            IndicatorTally updated = new IndicatorTally(indicator.frameworkCode(), indicator.indicatorCode(),
                    current.plus(event.channel(), event.kind(), event.satisfaction()));
            if (at < 0) {
                indicatorTallies.add(updated);
            } else {
                indicatorTallies.set(at, updated);
            }
        });
        return new UnitMonthFeedback(unitId, month, total.plus(event.channel(), event.kind(), event.satisfaction()),
                frameworkTallies, indicatorTallies);
    }

    /** The tally of the items that bear on {@code frameworkCode}, or of all items when it is {@code null}. */
    Tally tallyFor(String frameworkCode) {
        if (frameworkCode == null) {
            return total;
        }
        int at = indexOf(frameworks, frameworkCode);
        return at < 0 ? Tally.EMPTY : frameworks.get(at).tally();
    }

    private static int indexOf(List<FrameworkTally> tallies, String code) {
        for (int i = 0; i < tallies.size(); i++) {
            if (tallies.get(i).frameworkCode().equals(code)) {
                return i;
            }
        }
        return -1;
    }
}
