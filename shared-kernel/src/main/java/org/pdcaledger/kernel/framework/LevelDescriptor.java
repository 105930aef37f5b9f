package org.pdcaledger.kernel.framework;

/**
 * What maturity level {@code level} (1 lowest to 5 highest) of an indicator looks like, in both product languages,
 * so that two assessors reading the same descriptor rate a unit the same way.
 */
public record LevelDescriptor(int level, String zh, String en) {
}
