package org.pdcaledger.kernel.maturity;

/**
 * The conclusions of checked cycles (评估结论).
 *
 * @param ratio {@code met / concludedCycles}, {@code null} when no cycle was concluded
 */
public record TargetsMet(int concludedCycles, int met, int partlyMet, int notMet, Double ratio) {
}
