package org.pdcaledger.query.maturity;

import java.util.List;

/**
 * The own indexes of the active members at one depth of a subtree digest, added up, as steps over business dates:
 * enough for the subtree's roll-up under any depth weights without reading the members.
 */
record DepthSums(int depth, List<SumStep> steps) {

    DepthSums {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /**
     * From {@code from} on, {@code count} members at this depth have an index and their indexes add up to
     * {@code sum}.
     */
    record SumStep(java.time.LocalDate from, double sum, int count) {
    }
}
