package org.pdcaledger.kernel.framework;

import java.time.Instant;

/**
 * One published framework version as the framework page and the assessment form show it.
 */
public record FrameworkVersionView(
        FrameworkDefinition definition,
        int indicatorCount,
        Instant publishedAt) {
}
