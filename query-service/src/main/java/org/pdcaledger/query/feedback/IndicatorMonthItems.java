package org.pdcaledger.query.feedback;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.pdcaledger.kernel.feedback.FeedbackKind;

/**
 * The items of one unit bearing on one indicator, received in one month, keyed
 * {@code unitId|FRAMEWORK|indicator|2026-03}: enough to count complaints in any window of days around an Act
 * decision, and to count an item on two of an initiative's indicators once.
 */
record IndicatorMonthItems(
        String unitId,
        String frameworkCode,
        String indicatorCode,
        String month,
        List<Mark> items) {

    /** One item, reduced to what a window count needs. */
    record Mark(String feedbackId, LocalDate receivedOn, FeedbackKind kind) {
    }

    static String key(String unitId, String frameworkCode, String indicatorCode, String month) {
        return unitId + "|" + frameworkCode + "|" + indicatorCode + "|" + month;
    }

    IndicatorMonthItems with(Mark mark) {
        List<Mark> marks = new ArrayList<>(items);
        marks.add(mark);
        return new IndicatorMonthItems(unitId, frameworkCode, indicatorCode, month, marks);
    }
}
