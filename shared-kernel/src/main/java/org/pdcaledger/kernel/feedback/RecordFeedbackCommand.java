package org.pdcaledger.kernel.feedback;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record one piece of citizen feedback for a unit, as an input to improvement.
 * <p>
 * The id derives from the channel and the source system's id ({@code fb-} + a name-based UUID of both), so the
 * same hotline work order can never be recorded twice: not by a retry, not by two imports racing, because the event
 * store refuses a second first event of the same aggregate.
 *
 * @param feedbackId   {@code fb-UUID}, derived from {@code channel} and {@code externalId} by the server
 * @param externalId   the source system's id of the item, e.g. the hotline work order number
 * @param receivedOn   the day the source system received it, in the units' time zone; never in the future
 * @param kind         complaint, suggestion, inquiry or praise; {@code null} means a complaint
 * @param category     the source system's classification, e.g. {@code 办事效率}
 * @param text         a short text of what was said, personal data (phone and ID-card numbers) already masked
 * @param satisfaction the citizen's satisfaction from 1 (very dissatisfied) to 5 (very satisfied), if they gave one
 * @param indicators   the framework indicators it bears on; zero or more, no duplicates
 * @param importId     the batch import it came with, {@code null} for a single item
 */
public record RecordFeedbackCommand(
        @TargetAggregateIdentifier String feedbackId,
        String unitId,
        FeedbackChannel channel,
        String externalId,
        LocalDate receivedOn,
        FeedbackKind kind,
        String category,
        String text,
        Integer satisfaction,
        List<FeedbackIndicator> indicators,
        String importId) {
}
