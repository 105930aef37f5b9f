package org.pdcaledger.query.maturity;

import java.util.ArrayList;
import java.util.List;

/**
 * The append-only history of the initiatives of one unit, folded when read for any business date and recorded
 * moment. Bounded by the unit's initiatives (about ten events each).
 */
record InitiativeLedger(String unitId, List<InitiativeFact> facts) {

    InitiativeLedger {
        facts = facts == null ? List.of() : List.copyOf(facts);
    }

    InitiativeLedger with(InitiativeFact fact) {
        List<InitiativeFact> all = new ArrayList<>(facts);
        all.add(fact);
        return new InitiativeLedger(unitId, all);
    }
}
