package org.pdcaledger.command.framework;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.pdcaledger.kernel.access.Grant;
import org.pdcaledger.kernel.access.Role;
import org.pdcaledger.kernel.common.RuleViolationException;
import org.pdcaledger.kernel.common.StateConflictException;
import org.pdcaledger.kernel.framework.FrameworkDefinition;
import org.pdcaledger.kernel.framework.FrameworkVersionPublishedEvent;
import org.pdcaledger.kernel.framework.PublishFrameworkVersionCommand;
import org.pdcaledger.support.security.Caller;
import org.pdcaledger.support.security.ScopeGuard;

/**
 * A maturity framework: every published version of one framework code.
 * <p>
 * One aggregate per code rather than one per version, because the rules are about the versions of a code together:
 * versions only go up, and a published version never changes. Publishing a version that is already published with
 * the same content does nothing (so importing the built-in files again on every start, or from a second instance,
 * stores nothing); publishing it with different content is refused.
 */
@Aggregate
class Framework {

    @AggregateIdentifier
    private String frameworkId;
    private final Map<Integer, FrameworkDefinition> published = new HashMap<>();

    Framework() {
        // for Axon
    }

    /**
     * @return {@code true} when the version was published now, {@code false} when it was already published with
     *         exactly this content
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(PublishFrameworkVersionCommand command, Caller caller, ScopeGuard scopes) {
        scopes.require(caller, Grant.ALL_UNITS, Role.ADMIN);
        FrameworkDefinition definition = command.definition();
        if (definition == null) {
            throw new RuleViolationException("required", "body", "a framework definition is required");
        }
        List<DocumentProblem> problems = FrameworkRules.problems(definition);
        if (!problems.isEmpty()) {
            throw new FrameworkDocumentRejectedException(problems, false);
        }
        if (!PublishFrameworkVersionCommand.idOf(definition.code()).equals(command.frameworkId())) {
            throw new RuleViolationException("code-mismatch", "code",
                    "framework " + command.frameworkId() + " cannot hold the code " + definition.code());
        }
        FrameworkDefinition existing = published.get(definition.version());
        if (existing != null) {
            if (existing.equals(definition)) {
                return false;
            }
            throw new StateConflictException("version-published", "version", "version " + definition.version()
                    + " of " + definition.code() + " is published and never changes; publish the change as version "
                    + (latestVersion() + 1));
        }
        if (definition.version() <= latestVersion()) {
            throw new RuleViolationException("version-not-newer", "version", "the latest version of "
                    + definition.code() + " is " + latestVersion() + "; a new version must be higher");
        }
        apply(new FrameworkVersionPublishedEvent(command.frameworkId(), definition));
        return true;
    }

    private int latestVersion() {
        return published.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    @EventSourcingHandler
    void on(FrameworkVersionPublishedEvent event) {
        this.frameworkId = event.frameworkId();
        published.put(event.definition().version(), event.definition());
    }
}
