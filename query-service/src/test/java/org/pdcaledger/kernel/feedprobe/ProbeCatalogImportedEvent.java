package org.pdcaledger.kernel.feedprobe;

import org.axonframework.serialization.Revision;

/**
 * Test-only kernel event that belongs to no unit (like a framework imported): every reader of the feed sees it.
 */
@Revision("2")
public record ProbeCatalogImportedEvent(String catalogCode, int entries) {
}
