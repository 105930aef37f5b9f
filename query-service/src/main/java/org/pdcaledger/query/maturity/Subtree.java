package org.pdcaledger.query.maturity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pdcaledger.kernel.common.LocalizedName;
import org.pdcaledger.support.security.ScopeGuard;

/**
 * A unit's subtree as a read sees it: folded from the units' ledgers ({@link Snapshot}, any recorded moment) or read
 * from the subtree digests kept at projection time ({@link DigestView}, everything recorded so far).
 */
interface Subtree {

    String rootId();

    String code(String unitId);

    LocalizedName name(String unitId);

    /** The active children of a unit, by code. */
    List<String> children(String unitId);

    /** {@code unitId} and the active units below it, at most {@code depth} levels down, breadth first by code. */
    List<String> subtree(String unitId, int depth);

    /** Levels below {@code ancestor}; only asked for units of the ancestor's subtree. */
    int depthBelow(String ancestor, String unitId);

    /** A scope guard over the paths read, with the service's rules, costing no further look-ups. */
    ScopeGuard scopes();

    /** The unit's own index, unrounded; empty when no assessment counts. */
    Optional<Double> index(String unitId, LocalDate asOf, Instant knownAt);

    /** The unit's own dimension indexes by dimension code, in the order of the framework. */
    Map<String, Double> dimensions(String unitId, LocalDate asOf, Instant knownAt);
}
