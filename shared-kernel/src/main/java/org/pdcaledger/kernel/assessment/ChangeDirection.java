package org.pdcaledger.kernel.assessment;

/**
 * How an indicator's current level moved between two assessments of the same unit and framework.
 */
public enum ChangeDirection {
    UP,
    DOWN,
    SAME,
    /** Rated now but not in the previous assessment (a newer framework version added it). */
    NEW,
    /** Rated before but not now (the newer framework version dropped it). */
    DROPPED
}
