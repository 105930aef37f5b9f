package org.pdcaledger.kernel.assessment;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;

/**
 * The period an assessment is about, e.g. {@code QUARTER 2026-Q2}. Periods order assessments of one unit: the one
 * about the latest period is the unit's current maturity, whichever was finalised first.
 *
 * @param type  month, quarter or year
 * @param value {@code 2026-05}, {@code 2026-Q2} or {@code 2026}, matching the type
 */
public record AssessmentPeriod(PeriodType type, String value) {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    private static final Pattern QUARTER = Pattern.compile("\\d{4}-Q[1-4]");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    /** Whether {@link #value} is written the way {@link #type} requires. */
    public boolean wellFormed() {
        if (type == null || value == null) {
            return false;
        }
        return switch (type) {
            case MONTH -> MONTH.matcher(value).matches();
            case QUARTER -> QUARTER.matcher(value).matches();
            case YEAR -> YEAR.matcher(value).matches();
        };
    }

    /** The first day of the period. */
    public LocalDate firstDay() {
        requireWellFormed();
        int year = Integer.parseInt(value.substring(0, 4));
        return switch (type) {
            case MONTH -> YearMonth.of(year, Integer.parseInt(value.substring(5))).atDay(1);
            case QUARTER -> LocalDate.of(year, (Integer.parseInt(value.substring(6)) - 1) * 3 + 1, 1);
            case YEAR -> LocalDate.of(year, 1, 1);
        };
    }

    /** The last day of the period; the order of "later" assessments. */
    public LocalDate lastDay() {
        requireWellFormed();
        return switch (type) {
            case MONTH -> firstDay().plusMonths(1).minusDays(1);
            case QUARTER -> firstDay().plusMonths(3).minusDays(1);
            case YEAR -> firstDay().plusYears(1).minusDays(1);
        };
    }

    private void requireWellFormed() {
        if (!wellFormed()) {
            throw new IllegalStateException("period " + type + " " + value + " is not well formed");
        }
    }

    @Override
    public String toString() {
        return type + " " + value;
    }
}
