package org.pdcaledger.query.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.pdcaledger.kernel.access.Grant;
import org.pdcaledger.kernel.access.Role;
import org.pdcaledger.kernel.common.NotFoundException;
import org.pdcaledger.kernel.common.RuleViolationException;
import org.pdcaledger.kernel.common.StateConflictException;
import org.pdcaledger.query.feed.EventCatalog;
import org.pdcaledger.query.feed.EventFeed;
import org.pdcaledger.query.feed.FeedScopeProjection;
import org.pdcaledger.support.security.Caller;
import org.pdcaledger.support.security.CurrentCaller;
import org.pdcaledger.support.security.ScopeGuard;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Integrators manage their webhooks here; an administrator sees and manages everyone's. A subscription delivers
 * the events its owner may read in the feed (their grants at registration), optionally only some types and one
 * unit's subtree, from now on or from a given position. The signing secret is answered once, at registration.
 */
@RestController
@RequestMapping("/api/webhooks")
@Validated
class WebhookController {

    private final WebhookStore store;
    private final WebhookSecrets secrets;
    private final WebhookDispatcher dispatcher;
    private final OutboundAddressPolicy policy;
    private final EventCatalog catalog;
    private final EventFeed feed;
    private final FeedScopeProjection units;
    private final ScopeGuard scopes;
    private final WebhookProperties properties;
    private final ObjectProvider<Clock> clock;

    WebhookController(WebhookStore store, WebhookSecrets secrets, WebhookDispatcher dispatcher,
            OutboundAddressPolicy policy, EventCatalog catalog, EventFeed feed, FeedScopeProjection units,
            WebhookProperties properties, ObjectProvider<Clock> clock) {
        this.store = store;
        this.secrets = secrets;
        this.dispatcher = dispatcher;
        this.policy = policy;
        this.catalog = catalog;
        this.feed = feed;
        this.units = units;
        this.scopes = new ScopeGuard(units::pathOf);
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param url   where to POST the events ({@code http} or {@code https}, a public address unless allow-listed)
     * @param types event type names to deliver; none for every type
     * @param unit  deliver only events of this unit's subtree
     * @param after start after this position (replay); by default only events appended from now on
     */
    record RegisterWebhookRequest(
            @NotBlank @Size(max = 2000) String url,
            @Size(max = 100) List<@NotBlank String> types,
            @Size(max = 200) String unit,
            @PositiveOrZero Long after) {
    }

    /** A subscription as its owner sees it; {@code secret} only in the answer to the registration. */
    record WebhookView(String id, String url, List<String> types, String unit, String status, String disabledReason,
            Instant createdAt, long position, String pendingDelivery, String owner, String secret) {

        static WebhookView of(WebhookSubscription s, String secret) {
            return new WebhookView(s.id(), s.url(), s.types(), s.unitId(), s.status(), s.disabledReason(),
                    s.createdAt(), s.position(), s.pendingDelivery(), s.owner(), secret);
        }
    }

    @PostMapping
    ResponseEntity<WebhookView> register(@Valid @RequestBody RegisterWebhookRequest request) {
        Caller caller = CurrentCaller.get();
        URI url = parseUrl(request.url());
        try {
            policy.check(url);
        } catch (TargetRefusedException refused) {
            throw new RuleViolationException("webhook-url-refused", "url", refused.getMessage());
        }
        List<String> types = new ArrayList<>(new LinkedHashSet<>(request.types() == null ? List.of()
                : request.types()));
        for (int i = 0; i < types.size(); i++) {
            if (!catalog.knows(types.get(i))) {
                throw new RuleViolationException("unknown-event-type", "types[" + i + "]",
                        "no event type " + types.get(i) + "; see /api/feed/asyncapi.json for the list");
            }
        }
        String unit = request.unit() == null || request.unit().isBlank() ? null : request.unit();
        if (unit != null && units.pathOf(unit).isEmpty()) {
            throw new RuleViolationException("unknown-unit", "unit", "no unit " + unit);
        }
        if (unit != null) {
            scopes.require(caller, unit, Role.INTEGRATOR, Role.ADMIN);
        }
        if (store.countOwnedBy(caller.subject()) >= properties.maxPerOwner()) {
            throw new StateConflictException("too-many-webhooks", null,
                    "you have " + properties.maxPerOwner() + " webhooks; delete one first");
        }
        String id = "wh-" + UUID.randomUUID();
        String secret = secrets.generate();
        long start = request.after() != null ? request.after() : feed.head();
        WebhookSubscription subscription = new WebhookSubscription(id, url.toString(), types, unit,
                WebhookSubscription.ACTIVE, null, clock.getIfAvailable(Clock::systemUTC).instant(), start, null,
                caller.subject(), caller.client(), caller.grants().stream().map(Grant::toString).toList());
        store.insert(subscription, secrets.encrypt(id, secret));
        return ResponseEntity.created(URI.create("/api/webhooks/" + id)).body(WebhookView.of(subscription, secret));
    }

    @GetMapping
    List<WebhookView> list() {
        Caller caller = CurrentCaller.get();
        List<WebhookSubscription> visible = isAdministrator(caller) ? store.all() : store.ownedBy(caller.subject());
        return visible.stream().map(s -> WebhookView.of(s, null)).toList();
    }

    @GetMapping("/{id}")
    WebhookView get(@PathVariable String id) {
        return WebhookView.of(owned(id), null);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        store.delete(owned(id).id());
        return ResponseEntity.noContent().build();
    }

    /** Re-enables a disabled subscription; it continues with the event it stopped at. */
    @PostMapping("/{id}/enable")
    WebhookView enable(@PathVariable String id) {
        WebhookSubscription subscription = owned(id);
        if (subscription.pendingDelivery() != null) {
            store.findDelivery(id, subscription.pendingDelivery()).ifPresent(pending -> store.save(
                    pending.rescheduled(clock.getIfAvailable(Clock::systemUTC).instant(), null)));
        }
        store.enable(id);
        return WebhookView.of(store.find(id).orElseThrow(), null);
    }

    @GetMapping("/{id}/deliveries")
    List<WebhookDelivery> deliveries(@PathVariable String id,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
            @RequestParam(required = false) @PositiveOrZero Long before) {
        return store.deliveries(owned(id).id(), limit, before);
    }

    /**
     * Sends a delivery again now, signed afresh but with the same {@code webhook-id} and body. The pending delivery
     * is only moved to the front of its schedule (the dispatcher keeps the order); any other is sent at once and the
     * answer recorded.
     */
    @PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
    ResponseEntity<WebhookDelivery> redeliver(@PathVariable String id, @PathVariable String deliveryId) {
        WebhookSubscription subscription = owned(id);
        WebhookDelivery delivery = store.findDelivery(id, deliveryId).orElseThrow(() -> new NotFoundException(
                "delivery-not-found", "deliveryId", "no delivery " + deliveryId + " in webhook " + id));
        if (deliveryId.equals(subscription.pendingDelivery())) {
            WebhookDelivery due = delivery.rescheduled(clock.getIfAvailable(Clock::systemUTC).instant(),
                    delivery.firstFailureAt());
            store.save(due);
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(due);
        }
        return ResponseEntity.ok(dispatcher.redeliver(subscription, delivery));
    }

    private WebhookSubscription owned(String id) {
        Caller caller = CurrentCaller.get();
        return store.find(id)
                .filter(s -> isAdministrator(caller) || s.owner().equals(caller.subject()))
                .orElseThrow(() -> new NotFoundException("webhook-not-found", "id", "no webhook " + id));
    }

    private static boolean isAdministrator(Caller caller) {
        return caller.grants().stream().anyMatch(g -> g.role() == Role.ADMIN && g.coversAllUnits());
    }

    private static URI parseUrl(String text) {
        try {
            URI url = new URI(text.trim());
            if (!url.isAbsolute()) {
                throw new RuleViolationException("invalid-url", "url", "the URL must be absolute");
            }
            return url;
        } catch (URISyntaxException e) {
            throw new RuleViolationException("invalid-url", "url", "not a URL: " + e.getReason());
        }
    }
}
