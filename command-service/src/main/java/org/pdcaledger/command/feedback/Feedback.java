package org.pdcaledger.command.feedback;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.pdcaledger.command.framework.FrameworkCatalogTable;
import org.pdcaledger.command.unit.UnitTreeTable;
import org.pdcaledger.kernel.access.Role;
import org.pdcaledger.kernel.common.AccessDeniedException;
import org.pdcaledger.kernel.common.NotFoundException;
import org.pdcaledger.kernel.common.RuleViolationException;
import org.pdcaledger.kernel.common.StateConflictException;
import org.pdcaledger.kernel.feedback.FeedbackKind;
import org.pdcaledger.kernel.feedback.FeedbackLinkedEvent;
import org.pdcaledger.kernel.feedback.FeedbackRecordedEvent;
import org.pdcaledger.kernel.feedback.FeedbackUnlinkedEvent;
import org.pdcaledger.kernel.feedback.LinkFeedbackCommand;
import org.pdcaledger.kernel.feedback.RecordFeedbackCommand;
import org.pdcaledger.kernel.feedback.UnlinkFeedbackCommand;
import org.pdcaledger.support.security.Caller;
import org.pdcaledger.support.security.IdentityToken;
import org.pdcaledger.support.security.ScopeGuard;

/**
 * One piece of citizen feedback (a 12345 hotline work order, a forum post, a public review, an audit finding) as an
 * input to improvement, and the initiatives it triggered.
 * <p>
 * Recorded by an improver, assessor or administrator of the unit, or by an integrator client whose token carries
 * the right {@code feedback:write} and an {@code INTEGRATOR} grant covering the unit. The text is masked again here
 * (masking is idempotent), so no path into the event store can carry a phone or ID-card number. Links to
 * initiatives are improvement work: improvers and administrators of both units only.
 */
@Aggregate
class Feedback {

    static final Role[] RECORDERS = {Role.IMPROVER, Role.ASSESSOR};

    @AggregateIdentifier
    private String feedbackId;
    private String unitId;
    private final Set<String> initiatives = new LinkedHashSet<>();

    Feedback() {
        // for Axon
    }

    @CommandHandler
    Feedback(RecordFeedbackCommand command, Caller caller, ScopeGuard scopes, UnitTreeTable units,
            FrameworkCatalogTable frameworks, FeedbackLookups lookups, Clock clock) {
        if (command.unitId() == null || !units.exists(command.unitId())) {
            throw new RuleViolationException("unit-unknown", "unitId", "there is no unit " + command.unitId());
        }
        requireRecorder(caller, scopes, command.unitId());
        List<FeedbackRules.Problem> problems = FeedbackRules.check(command, LocalDate.now(clock), frameworks);
        if (!problems.isEmpty()) {
            FeedbackRules.Problem first = problems.get(0);
            throw new RuleViolationException(first.code(), first.field(), first.message());
        }
        String expectedId = FeedbackIds.of(command.channel(), command.externalId());
        if (!expectedId.equals(command.feedbackId())) {
            throw new IllegalArgumentException("a feedback id derives from its channel and external id");
        }
        if (lookups.exists(command.feedbackId())) {
            throw new StateConflictException("feedback-duplicate", "externalId", "the " + command.channel()
                    + " item " + command.externalId().strip() + " is already recorded as " + command.feedbackId());
        }
        apply(new FeedbackRecordedEvent(command.feedbackId(), command.unitId(), command.channel(),
                command.externalId().strip(), command.receivedOn(),
                command.kind() == null ? FeedbackKind.COMPLAINT : command.kind(),
                PersonalDataMask.mask(command.category().strip()), PersonalDataMask.mask(command.text().strip()),
                command.satisfaction(), command.indicators() == null ? List.of() : List.copyOf(command.indicators()),
                command.importId()));
    }

    /**
     * People record feedback with an improver or assessor grant (or administrator); a machine needs both an
     * integrator grant on the unit and the feedback right in its token. Nobody else, whatever the endpoint rule said.
     */
    static void requireRecorder(Caller caller, ScopeGuard scopes, String unitId) {
        if (caller.client()) {
            if (!caller.isClientWith(IdentityToken.SCOPE_FEEDBACK_WRITE)) {
                throw new AccessDeniedException("this client has no right to post feedback ("
                        + IdentityToken.SCOPE_FEEDBACK_WRITE + ")");
            }
            scopes.require(caller, unitId, Role.INTEGRATOR);
        } else {
            scopes.require(caller, unitId, RECORDERS);
        }
    }

    @CommandHandler
    long handle(LinkFeedbackCommand command, Caller caller, ScopeGuard scopes, FeedbackLookups lookups,
            UnitTreeTable units) {
        scopes.require(caller, unitId, Role.IMPROVER);
        String initiativeUnit = lookups.unitOfInitiative(command.initiativeId())
                .filter(unit -> scopes.covers(caller, unit, Role.IMPROVER))
                .orElseThrow(() -> new NotFoundException("initiative-unknown", "initiativeId",
                        "there is no initiative " + command.initiativeId() + " in your units"));
        if (!units.pathOf(initiativeUnit).contains(unitId) && !units.pathOf(unitId).contains(initiativeUnit)) {
            throw new RuleViolationException("initiative-in-unrelated-unit", "initiativeId", "initiative "
                    + command.initiativeId() + " belongs to unit " + initiativeUnit + ", which is neither " + unitId
                    + " nor above or below it");
        }
        if (initiatives.contains(command.initiativeId())) {
            throw new StateConflictException("already-linked", "initiativeId",
                    "this item is already linked to initiative " + command.initiativeId());
        }
        apply(new FeedbackLinkedEvent(feedbackId, unitId, command.initiativeId()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(UnlinkFeedbackCommand command, Caller caller, ScopeGuard scopes) {
        scopes.require(caller, unitId, Role.IMPROVER);
        if (!initiatives.contains(command.initiativeId())) {
            throw new StateConflictException("not-linked", "initiativeId",
                    "this item is not linked to initiative " + command.initiativeId());
        }
        if (FeedbackRules.isBlank(command.reason())) {
            throw new RuleViolationException("reason-missing", "reason", "say why the link is taken back");
        }
        apply(new FeedbackUnlinkedEvent(feedbackId, unitId, command.initiativeId(), command.reason().strip()));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(FeedbackRecordedEvent event) {
        feedbackId = event.feedbackId();
        unitId = event.unitId();
    }

    @EventSourcingHandler
    void on(FeedbackLinkedEvent event) {
        initiatives.add(event.initiativeId());
    }

    @EventSourcingHandler
    void on(FeedbackUnlinkedEvent event) {
        initiatives.remove(event.initiativeId());
    }
}
