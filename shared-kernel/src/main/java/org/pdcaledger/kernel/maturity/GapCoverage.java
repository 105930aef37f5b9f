package org.pdcaledger.kernel.maturity;

/**
 * How many open gaps someone works on.
 *
 * @param ratio {@code coveredGaps / openGaps}, {@code null} when there is no open gap
 */
public record GapCoverage(int openGaps, int coveredGaps, Double ratio) {
}
