package org.pdcaledger.kernel.initiative;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * An assessment gap an initiative addresses: an indicator of a maturity framework on which the unit's current level
 * is below its target, e.g. framework {@code GOV-OPS}, indicator {@code STANDARDISATION} (规范性).
 */
public record GapReference(
        @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}") String frameworkCode,
        @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}") String indicatorCode) {
}
