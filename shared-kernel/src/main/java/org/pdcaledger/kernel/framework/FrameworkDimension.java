package org.pdcaledger.kernel.framework;

import java.util.List;

import org.pdcaledger.kernel.common.LocalizedName;

/**
 * A group of indicators that are read together (e.g. 高效率管理 in the government operations framework).
 *
 * @param weight optional relative weight among the dimensions; {@code null} when they count equally
 */
public record FrameworkDimension(
        String code,
        LocalizedName name,
        Double weight,
        List<FrameworkIndicator> indicators) {

    public FrameworkDimension {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }
}
