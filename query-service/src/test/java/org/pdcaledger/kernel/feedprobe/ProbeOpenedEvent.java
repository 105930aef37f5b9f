package org.pdcaledger.kernel.feedprobe;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/**
 * Test-only kernel event (query-service tests): the first event of a probe aggregate, naming its unit. Lives on the
 * test class path only, which also shows that an event class nobody lists appears in the feed and the AsyncAPI
 * document.
 */
@Revision("1")
public record ProbeOpenedEvent(String probeId, String unitId, String title, LocalDate due) {
}
