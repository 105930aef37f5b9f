package org.pdcaledger.query.maturity;

import java.util.List;

/**
 * The own index steps of every assessed unit in a unit's subtree digest for one framework, kept at projection time.
 */
record SubtreeScores(String unitId, String frameworkCode, List<MemberScores> members) {

    SubtreeScores {
        members = members == null ? List.of() : List.copyOf(members);
    }

    static String key(String unitId, String frameworkCode) {
        return unitId + "|" + frameworkCode;
    }
}
