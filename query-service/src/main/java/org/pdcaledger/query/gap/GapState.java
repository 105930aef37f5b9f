package org.pdcaledger.query.gap;

import java.util.List;

import org.pdcaledger.query.assessment.AssessmentTrail;

/**
 * The gaps of one unit against one framework: the trail of finalised assessments they are derived from, the open
 * and the closed gaps, and the initiatives linked to indicators. One document, keyed by unit and framework, so the
 * gap board is a handful of key look-ups.
 */
record GapState(
        String unitId,
        String frameworkCode,
        AssessmentTrail trail,
        List<OpenGap> open,
        List<ClosedGap> closed,
        List<LinkedInitiative> initiatives) {

    GapState {
        open = open == null ? List.of() : List.copyOf(open);
        closed = closed == null ? List.of() : List.copyOf(closed);
        initiatives = initiatives == null ? List.of() : List.copyOf(initiatives);
    }

    static GapState empty(String unitId, String frameworkCode) {
        return new GapState(unitId, frameworkCode, new AssessmentTrail(unitId, frameworkCode, List.of()), List.of(),
                List.of(), List.of());
    }
}
