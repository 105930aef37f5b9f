package org.pdcaledger.query.maturity;

import java.util.List;

/**
 * A unit's own index over business dates: one step per period end of its finalised assessments.
 */
record MemberScores(String unitId, List<IndexStep> steps) {

    MemberScores {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
