package org.pdcaledger.kernel.feedback;

import java.util.List;

/**
 * The feedback bearing on one framework indicator over a summary's range, in total and per period.
 */
public record IndicatorFeedback(
        String frameworkCode,
        String indicatorCode,
        FeedbackFigures figures,
        List<FeedbackPeriod> periods) {
}
