package org.pdcaledger.query.maturity;

/**
 * One indicator's levels in a finalised assessment, without the evidence text the maturity views do not show.
 */
record LevelFact(String indicatorCode, int currentLevel, int targetLevel) {
}
