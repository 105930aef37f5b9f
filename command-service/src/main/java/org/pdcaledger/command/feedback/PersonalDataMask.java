package org.pdcaledger.command.feedback;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes personal data from a feedback text on intake, before anything is stored: Chinese mobile numbers, ID-card
 * numbers (18 characters, the last may be {@code X}, and the old 15-digit form), landline numbers with an area code,
 * and e-mail addresses. Each is replaced by a label ({@code [手机号]}, {@code [身份证号]}, {@code [电话]},
 * {@code [邮箱]}) rather than partly starred out: the improvement work needs to know that the citizen left a
 * number, never which one, and events are kept for ever.
 * <p>
 * A number is only masked when it stands alone: digits directly before or after it mean it is part of something
 * longer (an order number, a bank card). Full-width digits (１３８…) count as digits. Service numbers such as
 * {@code 12345} or {@code 400-681-9001} are not personal and stay. Names cannot be found reliably and are not
 * touched; the intake forms say so. Masking is idempotent: a masked text comes out unchanged.
 */
final class PersonalDataMask {

    private static final String DIGIT = "[0-9\\uFF10-\\uFF19]";
    private static final String NOT_AFTER_DIGIT = "(?<![0-9\\uFF10-\\uFF19])";
    private static final String NOT_BEFORE_DIGIT = "(?![0-9\\uFF10-\\uFF19])";
    private static final String SEP = "[ \\t\\u3000\\-\\uFF0D\\u2014]?";

    static final String MOBILE_LABEL = "[手机号]";
    static final String ID_CARD_LABEL = "[身份证号]";
    static final String LANDLINE_LABEL = "[电话]";
    static final String EMAIL_LABEL = "[邮箱]";

    /** 18-character ID: region (6), birth date yyyyMMdd, sequence (3), check digit or X; groups may be spaced. */
    private static final Pattern ID_CARD_18 = Pattern.compile(NOT_AFTER_DIGIT
            + "[1-9１-９]" + DIGIT + "{5}" + SEP
            + "(?:1[89]|20|１[８９]|２０)" + DIGIT + "{2}"
            + "(?:0[1-9]|1[0-2]|０[１-９]|１[０-２])"
            + "(?:0[1-9]|[12][0-9]|3[01]|０[１-９]|[１２]" + DIGIT + "|３[０１])" + SEP
            + DIGIT + "{3}[0-9Xx\\uFF10-\\uFF19ＸｘＸ]"
            + "(?![0-9A-Za-z\\uFF10-\\uFF19])");

    /** Old 15-digit ID: region (6), birth date yyMMdd, sequence (3). */
    private static final Pattern ID_CARD_15 = Pattern.compile(NOT_AFTER_DIGIT
            + "[1-9１-９]" + DIGIT + "{5}" + DIGIT + "{2}"
            + "(?:0[1-9]|1[0-2]|０[１-９]|１[０-２])"
            + "(?:0[1-9]|[12][0-9]|3[01]|０[１-９]|[１２]" + DIGIT + "|３[０１])"
            + DIGIT + "{3}" + NOT_BEFORE_DIGIT);

    /** Mobile: 1[3-9] and nine more digits, optionally after +86/0086/86 or (+86), with spaces or dashes between. */
    private static final Pattern MOBILE = Pattern.compile(NOT_AFTER_DIGIT
            + "(?:(?:[+＋]|00)?(?:86|８６)" + SEP + "|[(（][+＋]?(?:86|８６)[)）]" + SEP + ")?"
            + "[1１][3-9３-９](?:" + SEP + DIGIT + "){9}" + NOT_BEFORE_DIGIT);

    /** Landline with area code: 0 and 2–3 digits, optionally in brackets, then 7–8 digits, maybe an extension. */
    private static final Pattern LANDLINE = Pattern.compile(NOT_AFTER_DIGIT
            + "(?:[(（](?:0|０)" + DIGIT + "{2,3}[)）]|(?:0|０)" + DIGIT + "{2,3})" + SEP
            + "[1-9１-９]" + DIGIT + "{2,3}" + SEP + DIGIT + "{4}"
            + "(?:(?:转|分机|-|ext\\.?)" + DIGIT + "{1,5})?" + NOT_BEFORE_DIGIT);

    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

    private static final List<Rule> RULES = List.of(
            new Rule(EMAIL, EMAIL_LABEL),
            new Rule(ID_CARD_18, ID_CARD_LABEL),
            new Rule(ID_CARD_15, ID_CARD_LABEL),
            new Rule(MOBILE, MOBILE_LABEL),
            new Rule(LANDLINE, LANDLINE_LABEL));

    private record Rule(Pattern pattern, String label) {
    }

    private PersonalDataMask() {
    }

    /** {@code text} with every personal number and address replaced by its label; {@code null} stays {@code null}. */
    static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (Rule rule : RULES) {
            masked = rule.pattern().matcher(masked).replaceAll(Matcher.quoteReplacement(rule.label()));
        }
        return masked;
    }
}
