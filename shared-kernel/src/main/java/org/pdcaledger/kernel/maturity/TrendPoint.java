package org.pdcaledger.kernel.maturity;

/**
 * The roll-up index as of the last day of {@code period}; {@code null} when nothing was assessed by then.
 */
public record TrendPoint(String period, Double index) {
}
