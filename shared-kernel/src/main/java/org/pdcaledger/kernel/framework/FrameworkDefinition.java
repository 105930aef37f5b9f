package org.pdcaledger.kernel.framework;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.pdcaledger.kernel.common.LocalizedName;

/**
 * One published version of a maturity framework, as data: dimensions, their indicators and what each level of
 * each indicator means. Frameworks are imported from YAML or JSON (the built-in ones ship as files); a published
 * version never changes, and every assessment records the version it used.
 *
 * @param code        stable across versions, e.g. {@code GOV-OPS-QUALITY}
 * @param version     1, 2, 3 …; each new version of a code is higher than the last
 * @param description optional, both languages
 */
public record FrameworkDefinition(
        String code,
        int version,
        LocalizedName name,
        LocalizedName description,
        List<FrameworkDimension> dimensions) {

    public FrameworkDefinition {
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
    }

    /** Every indicator, dimension by dimension, in the order of the document. */
    public Stream<FrameworkIndicator> indicators() {
        return dimensions.stream().flatMap(d -> d.indicators().stream());
    }

    public List<String> indicatorCodes() {
        return indicators().map(FrameworkIndicator::code).toList();
    }

    public Optional<FrameworkIndicator> indicator(String indicatorCode) {
        return indicators().filter(i -> i.code().equals(indicatorCode)).findFirst();
    }

    public Optional<FrameworkDimension> dimensionOf(String indicatorCode) {
        return dimensions.stream()
                .filter(d -> d.indicators().stream().anyMatch(i -> i.code().equals(indicatorCode)))
                .findFirst();
    }
}
