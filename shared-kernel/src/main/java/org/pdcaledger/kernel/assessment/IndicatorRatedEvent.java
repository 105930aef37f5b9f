package org.pdcaledger.kernel.assessment;

import org.axonframework.serialization.Revision;

/**
 * An indicator of a draft assessment was rated (a later rating of the same indicator replaces an earlier one).
 */
@Revision("1")
public record IndicatorRatedEvent(
        String assessmentId,
        String unitId,
        IndicatorRating rating,
        String ratedBy) {
}
