package org.pdcaledger.query.maturity;

import java.time.LocalDate;
import java.util.regex.Pattern;

import org.pdcaledger.kernel.assessment.AssessmentPeriod;
import org.pdcaledger.kernel.assessment.PeriodType;

/**
 * Periods as the cadence of seed 003 writes them: {@code 2026-05} (month), {@code 2026-Q2} (quarter), {@code 2026}
 * (year).
 */
public final class Periods {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    private static final Pattern QUARTER = Pattern.compile("\\d{4}-Q[1-4]");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private Periods() {
    }

    /**
     * Reads a period from its written form; the type follows from the form.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static AssessmentPeriod parse(String text) {
        String value = text == null ? "" : text.trim().toUpperCase(java.util.Locale.ROOT);
        if (QUARTER.matcher(value).matches()) {
            return new AssessmentPeriod(PeriodType.QUARTER, value);
        }
        if (MONTH.matcher(value).matches()) {
            return new AssessmentPeriod(PeriodType.MONTH, value);
        }
        if (YEAR.matcher(value).matches()) {
            return new AssessmentPeriod(PeriodType.YEAR, value);
        }
        throw new IllegalArgumentException("not a period (2026-05, 2026-Q2 or 2026): " + text);
    }

    /** The period of {@code type} that contains {@code day}. */
    public static AssessmentPeriod containing(PeriodType type, LocalDate day) {
        return switch (type) {
            case MONTH -> new AssessmentPeriod(type, String.format("%04d-%02d", day.getYear(), day.getMonthValue()));
            case QUARTER -> new AssessmentPeriod(type, day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1));
            case YEAR -> new AssessmentPeriod(type, Integer.toString(day.getYear()));
        };
    }

    public static AssessmentPeriod previous(AssessmentPeriod period) {
        return containing(period.type(), period.firstDay().minusDays(1));
    }

    public static AssessmentPeriod next(AssessmentPeriod period) {
        return containing(period.type(), period.lastDay().plusDays(1));
    }
}
