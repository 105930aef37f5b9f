package org.pdcaledger.query.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pdcaledger.kernel.feedback.ActFeedbackEffect;
import org.pdcaledger.kernel.feedback.FeedbackKind;

/**
 * The before/after comparison worked out by hand. The Act decision is on D = 2026-06-30, windows of 90 days:
 * before = 2026-04-01 … 2026-06-29 (30 + 31 + 29 = 90 days), after = 2026-07-01 … 2026-09-28 (31 + 31 + 28).
 */
class ComplaintWindowsTest {

    static final LocalDate ACT = LocalDate.parse("2026-06-30");

    private final List<IndicatorMonthItems.Mark> marks = new ArrayList<>();

    private void complaint(String id, String day) {
        marks.add(new IndicatorMonthItems.Mark(id, LocalDate.parse(day), FeedbackKind.COMPLAINT));
    }

    private void given() {
        complaint("c-0331", "2026-03-31");   // the day before the before window: not counted
        complaint("c-0401", "2026-04-01");   // first day before
        complaint("c-0515a", "2026-05-15");
        complaint("c-0515b", "2026-05-15");  // on both linked indicators: two marks, one complaint
        complaint("c-0515b", "2026-05-15");
        marks.add(new IndicatorMonthItems.Mark("p-0520", LocalDate.parse("2026-05-20"), FeedbackKind.PRAISE));
        complaint("c-0629", "2026-06-29");   // last day before
        complaint("c-0630", "2026-06-30");   // the decision day: in neither window
        complaint("c-0701", "2026-07-01");   // first day after
        complaint("c-0815", "2026-08-15");
        complaint("c-0928", "2026-09-28");   // last day after
        complaint("c-0929", "2026-09-29");   // the day after the after window: not counted
    }

    @Test
    void complaintsBeforeAndAfter_areCountedOverEqualWindows_excludingTheDecisionDay() {
        given();

        ActFeedbackEffect effect = ComplaintWindows.compare(1, "STANDARDISE", ACT, 90, LocalDate.parse("2026-12-01"),
                marks);

        assertThat(effect.before().from()).isEqualTo("2026-04-01");
        assertThat(effect.before().to()).isEqualTo("2026-06-29");
        assertThat(effect.after().from()).isEqualTo("2026-07-01");
        assertThat(effect.after().to()).isEqualTo("2026-09-28");
        assertThat(effect.before().days()).isEqualTo(90);
        assertThat(effect.after().days()).isEqualTo(90);
        assertThat(effect.before().complaints()).isEqualTo(4);   // 04-01, 05-15a, 05-15b, 06-29
        assertThat(effect.after().complaints()).isEqualTo(3);    // 07-01, 08-15, 09-28
        assertThat(effect.before().per30Days()).isEqualTo(1.33); // 4 × 30 / 90
        assertThat(effect.after().per30Days()).isEqualTo(1.0);   // 3 × 30 / 90
        assertThat(effect.changePercent()).isEqualTo(-25.0);     // (1 − 1.333) / 1.333
        assertThat(effect.fell()).isTrue();
        assertThat(effect.after().complete()).isTrue();
    }

    @Test
    void whileTheAfterWindowRuns_onlyTheDaysUpToToday_count_andTheRateIsPerElapsedDay() {
        given();

        ActFeedbackEffect effect = ComplaintWindows.compare(1, "ADJUST", ACT, 90, LocalDate.parse("2026-07-10"),
                marks);

        assertThat(effect.after().days()).isEqualTo(10);         // 07-01 … 07-10
        assertThat(effect.after().complaints()).isEqualTo(1);    // 07-01 only
        assertThat(effect.after().per30Days()).isEqualTo(3.0);   // 1 × 30 / 10
        assertThat(effect.after().complete()).isFalse();
        assertThat(effect.fell()).isFalse();                     // 3.0 per 30 days is more than 1.33
        assertThat(effect.changePercent()).isEqualTo(125.0);
    }

    @Test
    void onTheDecisionDay_nothingAfterHasPassed_soNothingIsConcluded() {
        given();

        ActFeedbackEffect effect = ComplaintWindows.compare(1, "STANDARDISE", ACT, 90, ACT, marks);

        assertThat(effect.after().days()).isZero();
        assertThat(effect.after().per30Days()).isNull();
        assertThat(effect.fell()).isNull();
        assertThat(effect.changePercent()).isNull();
        assertThat(effect.before().complaints()).isEqualTo(4);
    }
}
