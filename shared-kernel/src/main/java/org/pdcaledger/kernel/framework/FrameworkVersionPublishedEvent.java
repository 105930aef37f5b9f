package org.pdcaledger.kernel.framework;

import org.axonframework.serialization.Revision;

/**
 * A version of a framework was published. It carries the whole definition: the version is immutable from here on,
 * and every view and every integrator can understand ratings against it without asking for anything else.
 */
@Revision("1")
public record FrameworkVersionPublishedEvent(String frameworkId, FrameworkDefinition definition) {
}
