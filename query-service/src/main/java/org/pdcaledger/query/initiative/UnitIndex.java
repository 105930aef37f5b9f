package org.pdcaledger.query.initiative;

import java.util.List;

/**
 * A set of units with initiatives, in the order they joined it, under a key: in {@code initiative_subtrees} the key
 * is a unit id and the set is the units of its subtree (itself included) that have initiatives ({@code *}: every
 * unit that has); in {@code initiative_facets} the key is a fixed property of initiatives ({@code owner:li},
 * {@code framework:GOV-OPS}, {@code indicator:GOV-OPS/AGILITY}, {@code indicator:*}{@code /AGILITY}) and the set is
 * the units that have an initiative with it. Both only grow, and only when an initiative is launched, so a list is
 * assembled from a few key look-ups and never from a scan.
 */
record UnitIndex(String key, List<String> units) {
}
