package org.pdcaledger.command.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pdcaledger.kernel.feedback.FeedbackChannel;
import org.pdcaledger.kernel.feedback.FeedbackKind;

class FeedbackLabelsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2026-03-12, 2026-03-12", "2026/3/2, 2026-03-02", "2026/03/12 09:15:00, 2026-03-12",
            "2026-03-12T09:15, 2026-03-12", "2026年3月12日, 2026-03-12", "2026.3.12, 2026-03-12",
            "20260312, 2026-03-12"})
    void dates_areReadInTheNotationsOfHotlineExports(String text, LocalDate day) {
        assertThat(FeedbackLabels.date(text)).contains(day);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2026-02-30", "12/03/2026", "昨天", "2026-13-01"})
    void impossibleOrAmbiguousDates_areNotDates(String text) {
        assertThat(FeedbackLabels.date(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"12345热线, HOTLINE_12345", "hotline_12345, HOTLINE_12345", "网络论坛, FORUM", "行风评议, REVIEW",
            "好差评, REVIEW", "外审, AUDIT_FINDING", "其它, OTHER"})
    void channels_areReadFromChineseNamesAndCodes(String text, FeedbackChannel channel) {
        assertThat(FeedbackLabels.channel(text)).contains(channel);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"投诉, COMPLAINT", "举报, COMPLAINT", "求助, COMPLAINT", "建议, SUGGESTION", "咨询, INQUIRY",
            "表扬, PRAISE", "praise, PRAISE"})
    void kinds_areReadFromTheHotlinesAppealTypes(String text, FeedbackKind kind) {
        assertThat(FeedbackLabels.kind(text)).contains(kind);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"5, 5", "4.0, 4", "3分, 3", "非常满意, 5", "满意, 4", "基本满意, 3", "不满意, 2", "非常不满意, 1",
            "7, 7"})
    void satisfaction_isReadAsANumberOrAWordOfTheFiveLevelScale(String text, int score) {
        assertThat(FeedbackLabels.satisfaction(text)).contains(score);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"很好", "4.5", "-1", "五"})
    void otherSatisfactionTexts_areNotScores(String text) {
        assertThat(FeedbackLabels.satisfaction(text)).isEmpty();
    }
}
