package org.pdcaledger.kernel.initiative;

/**
 * Where an initiative stands on the management chain (一全管理链条, seed 001), one stage per PDCA phase, plus the two
 * end states. Derived from the events:
 * <ul>
 * <li>{@link #PLANNING} 规划管理: the current cycle is in Plan (after the launch or an adjustment);</li>
 * <li>{@link #EXECUTION} 执行管理: execution has started and no measurement of this cycle exists yet;</li>
 * <li>{@link #EVALUATION} 评估管理: execution has started and the cycle has at least one measurement, so it can
 *     be checked against the target (a Check needs a measurement; this is the stage in which it is possible);</li>
 * <li>{@link #CONTINUOUS_IMPROVEMENT} 持续改进管理: the cycle is checked and the team must decide to standardise,
 *     adjust or abandon;</li>
 * <li>{@link #COMPLETED}: standardised; {@link #ABANDONED}: stopped with a reason.</li>
 * </ul>
 */
public enum InitiativeStage {
    PLANNING,
    EXECUTION,
    EVALUATION,
    CONTINUOUS_IMPROVEMENT,
    COMPLETED,
    ABANDONED;

    public boolean isClosed() {
        return this == COMPLETED || this == ABANDONED;
    }
}
