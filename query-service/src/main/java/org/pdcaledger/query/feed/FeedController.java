package org.pdcaledger.query.feed;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.pdcaledger.kernel.common.RuleViolationException;
import org.pdcaledger.support.security.CurrentCaller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * The paged event feed: every event the caller may see, in global order, as a CloudEvents JSON batch. The position
 * to continue from is in the {@code Link: <…>; rel="next"} header (and in each event's {@code pdcaposition}).
 */
@RestController
@RequestMapping("/api/feed")
class FeedController {

    private final EventFeed feed;
    private final EventCatalog catalog;
    private final CloudEventEnvelope envelope;
    private final FeedProperties properties;

    FeedController(EventFeed feed, EventCatalog catalog, CloudEventEnvelope envelope, FeedProperties properties) {
        this.feed = feed;
        this.catalog = catalog;
        this.envelope = envelope;
        this.properties = properties;
    }

    /**
     * Events after {@code after} in global order; {@code type} keeps some event types (comma-separated),
     * {@code unit} keeps one unit's subtree.
     */
    @GetMapping
    ResponseEntity<byte[]> page(
            @RequestParam(defaultValue = "0") @PositiveOrZero long after,
            @RequestParam(required = false) @Min(1) Integer limit,
            @RequestParam(name = "type", required = false) List<String> types,
            @RequestParam(name = "unit", required = false) String unitId) {
        FeedQuery query = query(after, limit, types, unitId);
        FeedPage page = feed.read(CurrentCaller.get(), query);
        String next = ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("after", page.next())
                .replaceQueryParam("limit", query.limit())
                .build().toUriString();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(CloudEventEnvelope.BATCH_CONTENT_TYPE))
                .header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"")
                .body(envelope.batch(page.entries().stream().map(FeedEntry::event).toList()));
    }

    FeedQuery query(long after, Integer limit, List<String> types, String unitId) {
        int size = limit == null ? properties.defaultLimit() : limit;
        if (size > properties.maxLimit()) {
            throw new RuleViolationException("limit-too-large", "limit",
                    "limit must be at most " + properties.maxLimit());
        }
        Set<String> wanted = new LinkedHashSet<>();
        if (types != null) {
            for (String type : types) {
                String trimmed = type.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (!catalog.knows(trimmed)) {
                    throw new RuleViolationException("unknown-event-type", "type",
                            "no event type " + trimmed + "; see /api/feed/asyncapi.json for the list");
                }
                wanted.add(trimmed);
            }
        }
        return new FeedQuery(after, size, wanted, unitId == null || unitId.isBlank() ? null : unitId);
    }
}
