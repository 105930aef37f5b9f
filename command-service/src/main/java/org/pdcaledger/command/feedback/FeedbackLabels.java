package org.pdcaledger.command.feedback;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pdcaledger.kernel.feedback.FeedbackChannel;
import org.pdcaledger.kernel.feedback.FeedbackKind;

/**
 * Reads the values hotline and forum systems write into their exports: channel and kind names in Chinese or as our
 * codes, dates in the usual notations, satisfaction as a number or the standard five-level words.
 */
final class FeedbackLabels {

    private static final Map<String, FeedbackChannel> CHANNELS = Map.ofEntries(
            Map.entry("12345", FeedbackChannel.HOTLINE_12345),
            Map.entry("12345热线", FeedbackChannel.HOTLINE_12345),
            Map.entry("12345市民热线", FeedbackChannel.HOTLINE_12345),
            Map.entry("市民热线", FeedbackChannel.HOTLINE_12345),
            Map.entry("热线", FeedbackChannel.HOTLINE_12345),
            Map.entry("hotline", FeedbackChannel.HOTLINE_12345),
            Map.entry("网络论坛", FeedbackChannel.FORUM),
            Map.entry("论坛", FeedbackChannel.FORUM),
            Map.entry("留言板", FeedbackChannel.FORUM),
            Map.entry("网上留言", FeedbackChannel.FORUM),
            Map.entry("行风评议", FeedbackChannel.REVIEW),
            Map.entry("评议", FeedbackChannel.REVIEW),
            Map.entry("好差评", FeedbackChannel.REVIEW),
            Map.entry("评价", FeedbackChannel.REVIEW),
            Map.entry("内审", FeedbackChannel.AUDIT_FINDING),
            Map.entry("外审", FeedbackChannel.AUDIT_FINDING),
            Map.entry("审核发现", FeedbackChannel.AUDIT_FINDING),
            Map.entry("audit", FeedbackChannel.AUDIT_FINDING),
            Map.entry("其他", FeedbackChannel.OTHER),
            Map.entry("其它", FeedbackChannel.OTHER));

    private static final Map<String, FeedbackKind> KINDS = Map.of(
            "投诉", FeedbackKind.COMPLAINT,
            "举报", FeedbackKind.COMPLAINT,
            "求助", FeedbackKind.COMPLAINT,
            "建议", FeedbackKind.SUGGESTION,
            "咨询", FeedbackKind.INQUIRY,
            "表扬", FeedbackKind.PRAISE,
            "感谢", FeedbackKind.PRAISE);

    /** The common five-level satisfaction scale of Chinese public-service surveys. */
    private static final Map<String, Integer> SATISFACTION = Map.of(
            "非常满意", 5, "满意", 4, "基本满意", 3, "不满意", 2, "非常不满意", 1);

    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[\\sT].*)?");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(?:[\\sT].*)?");
    private static final Pattern SCORE = Pattern.compile("(\\d+)(?:\\.0+)?\\s*分?");

    private FeedbackLabels() {
    }

    static Optional<FeedbackChannel> channel(String text) {
        return parse(text, CHANNELS, FeedbackChannel.class);
    }

    static Optional<FeedbackKind> kind(String text) {
        return parse(text, KINDS, FeedbackKind.class);
    }

    private static <E extends Enum<E>> Optional<E> parse(String text, Map<String, E> labels, Class<E> type) {
        String value = text.strip();
        E labelled = labels.get(value.toLowerCase(Locale.ROOT));
        if (labelled != null) {
            return Optional.of(labelled);
        }
        try {
            return Optional.of(Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace(' ', '_')));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A day in {@code 2026-03-12}, {@code 2026/3/12 09:15}, {@code 2026年3月12日} or {@code 20260312} notation. */
    static Optional<LocalDate> date(String text) {
        String value = text.strip();
        Matcher matcher = DATE.matcher(value);
        if (!matcher.matches()) {
            matcher = COMPACT_DATE.matcher(value);
            if (!matcher.matches()) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                    Integer.parseInt(matcher.group(3))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * A satisfaction score as a whole number ({@code 4}, {@code 4.0}, {@code 4分}) or a word of the five-level
     * scale ({@code 满意} = 4); empty when it is neither. The range is checked by {@link FeedbackRules}.
     */
    static Optional<Integer> satisfaction(String text) {
        String value = text.strip();
        Integer word = SATISFACTION.get(value);
        if (word != null) {
            return Optional.of(word);
        }
        Matcher matcher = SCORE.matcher(value);
        if (matcher.matches() && matcher.group(1).length() <= 3) {
            return Optional.of(Integer.parseInt(matcher.group(1)));
        }
        return Optional.empty();
    }
}
