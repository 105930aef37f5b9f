package org.pdcaledger.kernel.maturity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Units × indicators: the unit itself first, then each child the caller may see, with the level and gap of every
 * indicator of the framework version the newest of their assessments uses.
 */
public record HeatMap(
        String parentId,
        String frameworkCode,
        LocalDate asOf,
        Instant knownAt,
        List<HeatMapIndicator> indicators,
        List<HeatMapRow> rows) {
}
