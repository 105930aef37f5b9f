package org.pdcaledger.command.feedback;

import java.util.Optional;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.pdcaledger.kernel.initiative.InitiativeLaunchedEvent;
import org.springframework.stereotype.Component;

/**
 * What the feedback rules need to know about other aggregates, read straight from the event store by aggregate id
 * (an indexed read of the first event, never a scan): whether an item is already stored, and which unit an initiative
 * belongs to. Reading the events rather than keeping a table of our own means the answer is never behind and covers
 * initiatives launched before this feature existed, with no back-fill.
 */
@Component
class FeedbackLookups {

    private final EventStore eventStore;

    FeedbackLookups(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Whether a feedback item with this id is stored. */
    boolean exists(String feedbackId) {
        return eventStore.lastSequenceNumberFor(feedbackId).isPresent();
    }

    /** The unit of the initiative {@code initiativeId}; empty when there is no such initiative. */
    Optional<String> unitOfInitiative(String initiativeId) {
        DomainEventStream events = eventStore.readEvents(initiativeId);
        if (!events.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = events.next();
        return first.getPayload() instanceof InitiativeLaunchedEvent launched
                ? Optional.of(launched.unitId())
                : Optional.empty();
    }
}
