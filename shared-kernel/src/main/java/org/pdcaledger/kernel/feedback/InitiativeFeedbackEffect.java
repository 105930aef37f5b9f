package org.pdcaledger.kernel.feedback;

import java.util.List;

/**
 * For the initiative page: the feedback items that triggered the initiative, and for each Act decision whether
 * complaints on its indicators (in its unit and the units below) fell afterwards; {@code latest} is the last
 * decision's, {@code null} before the first Act step.
 */
public record InitiativeFeedbackEffect(
        String initiativeId,
        String unitId,
        List<FeedbackIndicator> indicators,
        List<String> triggers,
        int windowDays,
        List<ActFeedbackEffect> acts,
        ActFeedbackEffect latest) {
}
