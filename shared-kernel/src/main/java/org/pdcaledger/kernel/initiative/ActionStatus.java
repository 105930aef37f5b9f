package org.pdcaledger.kernel.initiative;

/**
 * Where a planned action of a cycle stands.
 */
public enum ActionStatus {
    OPEN,
    COMPLETED,
    /** Taken out of the plan while planning. */
    DROPPED,
    /** Still open when the cycle was adjusted, and carried into the next cycle (where it is listed again). */
    CARRIED_OVER,
    /** Still open when the cycle ended and not carried over: it ended with the cycle. */
    NOT_CARRIED
}
