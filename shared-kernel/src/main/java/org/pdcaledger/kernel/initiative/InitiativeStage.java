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
    PLANNING("规划管理"),
    EXECUTION("执行管理"),
    EVALUATION("评估管理"),
    CONTINUOUS_IMPROVEMENT("持续改进管理"),
    COMPLETED("已完成"),
    ABANDONED("已放弃");

    private final String zh;

    InitiativeStage(String zh) {
        this.zh = zh;
    }

    /** The stage's name in the seeds' words, e.g. 执行管理. */
    public String zh() {
        return zh;
    }

    public boolean isClosed() {
        return this == COMPLETED || this == ABANDONED;
    }

    /**
     * Reads a stage as users write it: the constant name in any case, or the Chinese name with or without its
     * 管理 suffix (执行管理, 执行).
     *
     * @throws IllegalArgumentException for anything else
     */
    public static InitiativeStage parse(String text) {
        String trimmed = text.trim();
        for (InitiativeStage stage : values()) {
            if (stage.name().equalsIgnoreCase(trimmed) || stage.zh.equals(trimmed)
                    || stage.zh.endsWith("管理") && stage.zh.substring(0, stage.zh.length() - 2).equals(trimmed)) {
                return stage;
            }
        }
        throw new IllegalArgumentException("not a stage: " + text);
    }
}
