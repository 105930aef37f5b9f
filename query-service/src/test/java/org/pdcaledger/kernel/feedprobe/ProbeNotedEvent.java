package org.pdcaledger.kernel.feedprobe;

import org.axonframework.serialization.Revision;

/**
 * Test-only kernel event: a later event of a probe aggregate that does not name its unit, so the feed must find
 * the unit through the aggregate.
 */
@Revision("1")
public record ProbeNotedEvent(String probeId, String note) {
}
