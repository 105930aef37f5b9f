package org.pdcaledger.query.maturity;

/**
 * What happened to an initiative, as far as the maturity views care.
 */
enum InitiativeFactKind {
    LAUNCHED,
    PLAN_RECORDED,
    ACTION_ADDED,
    ACTION_REPLANNED,
    ACTION_DROPPED,
    ACTION_COMPLETED,
    EXECUTION_STARTED,
    OBSERVATION_RECORDED,
    MEASUREMENT_RECORDED,
    CYCLE_CHECKED,
    CYCLE_ADJUSTED,
    STANDARDISED,
    ABANDONED
}
