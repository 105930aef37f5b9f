package org.pdcaledger.query.maturity;

import java.util.ArrayList;
import java.util.List;

/**
 * The append-only history of one unit's assessments against one framework, folded when read for any business date
 * and any recorded moment. Small and bounded: one or two entries per assessment (a few per period).
 */
record AssessmentLedger(String unitId, String frameworkCode, List<AssessmentFact> facts) {

    AssessmentLedger {
        facts = facts == null ? List.of() : List.copyOf(facts);
    }

    static String key(String unitId, String frameworkCode) {
        return unitId + "|" + frameworkCode;
    }

    AssessmentLedger with(AssessmentFact fact) {
        List<AssessmentFact> all = new ArrayList<>(facts);
        all.add(fact);
        return new AssessmentLedger(unitId, frameworkCode, all);
    }
}
