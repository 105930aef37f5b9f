package org.pdcaledger.query.maturity;

/**
 * Open gaps and how many of them an active initiative works on.
 */
record GapTally(int open, int covered) {
}
