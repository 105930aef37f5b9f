package org.pdcaledger.query.maturity;

import java.util.List;

/**
 * The own index steps of every assessed unit in a unit's subtree digest for one framework, and their sums by depth
 * over the active members (see {@link DepthSums}), kept at projection time.
 */
record SubtreeScores(String unitId, String frameworkCode, List<MemberScores> members, List<DepthSums> byDepth) {

    SubtreeScores {
        members = members == null ? List.of() : List.copyOf(members);
        byDepth = byDepth == null ? List.of() : List.copyOf(byDepth);
    }

    SubtreeScores(String unitId, String frameworkCode, List<MemberScores> members) {
        this(unitId, frameworkCode, members, List.of());
    }

    static String key(String unitId, String frameworkCode) {
        return unitId + "|" + frameworkCode;
    }
}
