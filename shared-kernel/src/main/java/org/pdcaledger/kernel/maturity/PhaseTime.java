package org.pdcaledger.kernel.maturity;

/**
 * The median of one phase's durations.
 *
 * @param medianDays {@code null} without samples
 * @param samples    how many cycles passed the phase
 */
public record PhaseTime(Double medianDays, int samples) {
}
