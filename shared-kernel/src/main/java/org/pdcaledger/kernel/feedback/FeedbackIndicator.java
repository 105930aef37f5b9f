package org.pdcaledger.kernel.feedback;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * An indicator of a maturity framework that a feedback item bears on, e.g. framework {@code GOV-OPS-QUALITY},
 * indicator {@code accessibility} (可获得性). Counting feedback per indicator puts the citizens' voice beside the
 * assessment's gaps on the same indicators.
 */
public record FeedbackIndicator(
        @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}") String frameworkCode,
        @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}") String indicatorCode) {

    /** {@code FRAMEWORK/indicator}, the form used in imports and view keys. */
    @Override
    public String toString() {
        return frameworkCode + "/" + indicatorCode;
    }
}
