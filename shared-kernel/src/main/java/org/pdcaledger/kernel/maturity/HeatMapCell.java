package org.pdcaledger.kernel.maturity;

/**
 * One unit on one indicator; all {@code null} when the unit has no rating of it as of the date.
 */
public record HeatMapCell(String indicatorCode, Integer level, Integer target, Integer gap) {
}
