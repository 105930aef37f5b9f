package org.pdcaledger.query.webhook;

import java.time.Instant;
import java.util.List;

/**
 * A registered webhook, as its owner sees it. The signing secret is never part of it.
 *
 * @param owner           the client id (or user name) that registered it; deliveries see what the owner's grants
 *                        at registration covered
 * @param types           event type names to deliver; empty delivers every type
 * @param unitId          deliver only events of this unit's subtree; {@code null} for every unit the owner sees
 * @param status          {@code active} or {@code disabled}
 * @param disabledReason  why deliveries stopped (a 410 answer, failures for too long, an administrator)
 * @param position        the global position of the last event delivered or passed over; delivery continues
 *                        after it
 * @param pendingDelivery the delivery being attempted (in order: nothing after it goes out before it succeeds)
 */
public record WebhookSubscription(
        String id,
        String url,
        List<String> types,
        String unitId,
        String status,
        String disabledReason,
        Instant createdAt,
        long position,
        String pendingDelivery,
        String owner,
        boolean ownerClient,
        List<String> ownerGrants) {

    public static final String ACTIVE = "active";
    public static final String DISABLED = "disabled";

    public WebhookSubscription {
        types = types == null ? List.of() : List.copyOf(types);
        ownerGrants = ownerGrants == null ? List.of() : List.copyOf(ownerGrants);
    }

    public boolean active() {
        return ACTIVE.equals(status);
    }
}
