package org.pdcaledger.query.maturity;

/**
 * Whether the maturity projection has caught up with the event store. A closed period's ranking is only frozen when
 * it has: frozen during a rebuild, it would keep a half-replayed picture forever.
 */
@FunctionalInterface
interface ProjectionProgress {

    boolean caughtUp();
}
