package org.pdcaledger.kernel.initiative;

/**
 * What the team decides after checking a cycle (持续改进管理).
 */
public enum ActDecision {
    /** Adopt the change and write it into the procedure or work document; the initiative completes. */
    STANDARDISE,
    /** Start another cycle, back in Plan, carrying the open actions the team chooses. */
    ADJUST,
    /** Stop the initiative, with a reason. */
    ABANDON
}
