package org.pdcaledger.kernel.initiative;

import java.time.Instant;
import java.util.List;

/**
 * The Act decision on a checked cycle (持续改进): what was standardised, which actions were carried into the next
 * cycle, or why the initiative was abandoned.
 *
 * @param reason the reason of an ADJUST (optional) or ABANDON decision
 */
public record CycleAct(
        ActDecision decision,
        String standardised,
        String documentReference,
        List<String> carriedActionIds,
        String reason,
        Instant decidedAt,
        String decidedBy) {
}
