package org.pdcaledger.kernel.framework;

import java.util.Locale;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Publish a version of a framework. All versions of one code live in one aggregate whose id derives from the code,
 * so "versions only go up" and "a published version never changes" are checked in one place, and importing the
 * same file twice (a restart, a second instance) is recognised and does nothing.
 */
public record PublishFrameworkVersionCommand(
        @TargetAggregateIdentifier String frameworkId,
        FrameworkDefinition definition) {

    public static PublishFrameworkVersionCommand of(FrameworkDefinition definition) {
        return new PublishFrameworkVersionCommand(idOf(definition.code()), definition);
    }

    /** The aggregate id of the framework with {@code code}: deterministic, so a second import is a no-op. */
    public static String idOf(String code) {
        return "fw-" + code.toLowerCase(Locale.ROOT);
    }
}
