package org.pdcaledger.query.maturity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.pdcaledger.kernel.assessment.AssessmentPeriod;

/**
 * One entry of a unit's assessment ledger: an assessment was finalised (with its levels) or a finalised one was
 * reopened. Carries both time axes: {@code periodEnd}, the business date from which the assessment speaks for the
 * unit, and {@code recordedAt}, when the system learnt it.
 *
 * @param finalised {@code true} for a finalisation, {@code false} for a reopening (which carries no levels)
 * @param position  the global position of the event, which orders assessments of the same period
 */
record AssessmentFact(
        boolean finalised,
        String assessmentId,
        AssessmentPeriod period,
        LocalDate periodEnd,
        int frameworkVersion,
        Instant recordedAt,
        long position,
        List<LevelFact> levels) {

    AssessmentFact {
        levels = levels == null ? List.of() : List.copyOf(levels);
    }
}
