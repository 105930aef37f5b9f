package org.pdcaledger.kernel.framework;

import java.util.List;

import org.pdcaledger.kernel.common.LocalizedName;

/**
 * One thing a unit is rated on, with what each of the five maturity levels means.
 *
 * @param code   unique within the framework version; ratings and gaps refer to the indicator by it
 * @param weight optional relative weight within its dimension for roll-ups; {@code null} when the dimension's
 *               indicators count equally
 * @param levels exactly one descriptor for each level 1 to 5
 */
public record FrameworkIndicator(
        String code,
        LocalizedName name,
        Double weight,
        List<LevelDescriptor> levels) {

    public FrameworkIndicator {
        levels = levels == null ? List.of() : List.copyOf(levels);
    }
}
