package org.pdcaledger.query.maturity;

import java.util.List;

/**
 * Who is in a unit's subtree down to {@code depth} levels, kept at projection time so a roll-up reads one document
 * instead of walking the tree.
 */
record SubtreeMembers(String unitId, int depth, List<SubtreeMember> members) {

    SubtreeMembers {
        members = members == null ? List.of() : List.copyOf(members);
    }
}
