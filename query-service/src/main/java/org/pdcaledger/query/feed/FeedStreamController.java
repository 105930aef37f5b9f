package org.pdcaledger.query.feed;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.pdcaledger.kernel.common.RuleViolationException;
import org.pdcaledger.support.problem.Problems;
import org.pdcaledger.support.security.CurrentCaller;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * The event feed as server-sent events: {@code id:} is the global position, {@code event:} the type name and
 * {@code data:} the CloudEvent JSON. A reconnecting client sends {@code Last-Event-ID} (browsers do so by
 * themselves) and continues exactly after it; {@code ?after=} names the start of a first connection. The stream
 * ends when the caller's token expires or after {@code pdca.feed.max-stream-duration}, whichever comes first,
 * and the client reconnects with a fresh token.
 */
@RestController
@RequestMapping("/api/feed")
class FeedStreamController {

    private final FeedStreams streams;
    private final FeedController pages;
    private final FeedProperties properties;
    private final ObjectProvider<Clock> clock;

    FeedStreamController(FeedStreams streams, FeedController pages, FeedProperties properties,
            ObjectProvider<Clock> clock) {
        this.streams = streams;
        this.pages = pages;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            @RequestParam(required = false) @PositiveOrZero Long after,
            @RequestParam(required = false) @Min(1) Integer limit,
            @RequestParam(name = "type", required = false) List<String> types,
            @RequestParam(name = "unit", required = false) String unitId) {
        long start = lastEventId != null && !lastEventId.isBlank() ? parse(lastEventId)
                : after == null ? 0 : after;
        FeedQuery query = pages.query(start, limit, types, unitId);
        return streams.open(CurrentCaller.get(), query, lifetime());
    }

    @ExceptionHandler(FeedStreams.TooManyStreamsException.class)
    ResponseEntity<ProblemDetail> tooMany(FeedStreams.TooManyStreamsException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "30")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "too-many-streams", null, e.getMessage()));
    }

    private Duration lifetime() {
        Duration lifetime = properties.maxStreamDuration();
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt
                && jwt.getToken().getExpiresAt() != null) {
            Duration untilExpiry = Duration.between(clock.getIfAvailable(Clock::systemUTC).instant(),
                    jwt.getToken().getExpiresAt());
            if (untilExpiry.compareTo(lifetime) < 0) {
                lifetime = untilExpiry.isNegative() ? Duration.ofSeconds(1) : untilExpiry;
            }
        }
        return lifetime;
    }

    private static long parse(String lastEventId) {
        try {
            long position = Long.parseLong(lastEventId.trim());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new RuleViolationException("invalid-last-event-id", "Last-Event-ID",
                "Last-Event-ID must be a position the stream sent as an event id");
    }
}
