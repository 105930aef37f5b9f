package org.pdcaledger.query.feedback;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.pdcaledger.kernel.feedback.FeedbackIndicator;

/**
 * What the feedback views need of an initiative, kept from its own events: its unit, the indicators of its gaps, its
 * Act decisions with their days, and the feedback items linked to it as triggers.
 */
record InitiativeFeedbackState(
        String initiativeId,
        String unitId,
        List<FeedbackIndicator> indicators,
        List<Act> acts,
        List<String> triggers) {

    /** An Act decision that changed the work: {@code STANDARDISE} or {@code ADJUST}. */
    record Act(int cycle, String decision, LocalDate decidedOn) {
    }

    InitiativeFeedbackState withAct(Act act) {
        List<Act> all = new ArrayList<>(acts);
        all.add(act);
        return new InitiativeFeedbackState(initiativeId, unitId, indicators, all, triggers);
    }

    InitiativeFeedbackState withTriggers(List<String> newTriggers) {
        return new InitiativeFeedbackState(initiativeId, unitId, indicators, acts, newTriggers);
    }
}
