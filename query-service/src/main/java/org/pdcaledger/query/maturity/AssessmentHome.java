package org.pdcaledger.query.maturity;

/**
 * Which ledger a finalised assessment went into, so a reopening (which names no framework) finds it.
 */
record AssessmentHome(String assessmentId, String unitId, String frameworkCode) {
}
