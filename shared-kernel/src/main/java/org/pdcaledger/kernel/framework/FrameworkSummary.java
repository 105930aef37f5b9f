package org.pdcaledger.kernel.framework;

import java.util.List;

import org.pdcaledger.kernel.common.LocalizedName;

/**
 * One framework in the framework list: its latest version's name and size, and every version published.
 */
public record FrameworkSummary(
        String code,
        LocalizedName name,
        int latestVersion,
        List<Integer> versions,
        int dimensionCount,
        int indicatorCount) {
}
