package org.pdcaledger.kernel.maturity;

/**
 * Median duration in days of each PDCA phase: Plan→Do (cycle start to execution start), Do→Check (execution start
 * to the check) and Check→Act (the check to the decision to standardise, adjust or abandon).
 */
public record CycleTimes(PhaseTime planToDo, PhaseTime doToCheck, PhaseTime checkToAct) {
}
