package org.pdcaledger.kernel.gap;

/**
 * The columns of the gap board: gaps nobody works on yet, then the four stages of the management chain
 * "一全管理链条" (seed 001), one per PDCA phase, in which the initiatives working on a gap are.
 */
public enum BoardColumn {
    /** An open gap without any initiative. */
    NO_INITIATIVE_YET,
    /** 规划管理, Plan. */
    PLANNING,
    /** 执行管理, Do. */
    EXECUTION,
    /** 评估管理, Check. */
    EVALUATION,
    /** 持续改进管理, Act. */
    CONTINUOUS_IMPROVEMENT
}
