package org.pdcaledger.query.assessment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The finalised assessments of one unit against one framework (any version), in the order that decides which one
 * stands: by the end of the period assessed, then by when it was finalised. The last is the current one; a later
 * one supersedes an earlier one, which stays readable. A reopened assessment leaves the trail until it is
 * finalised again.
 */
public record AssessmentTrail(String unitId, String frameworkCode, List<FinalisedAssessment> finalised) {

    static final Comparator<FinalisedAssessment> ORDER = Comparator
            .comparing((FinalisedAssessment a) -> a.period().lastDay())
            .thenComparingLong(FinalisedAssessment::position);

    public AssessmentTrail {
        finalised = finalised == null ? List.of() : List.copyOf(finalised);
    }

    public static String key(String unitId, String frameworkCode) {
        return unitId + "|" + frameworkCode;
    }

    public AssessmentTrail with(FinalisedAssessment assessment) {
        List<FinalisedAssessment> all = new ArrayList<>(without(assessment.assessmentId()).finalised());
        all.add(assessment);
        all.sort(ORDER);
        return new AssessmentTrail(unitId, frameworkCode, all);
    }

    public AssessmentTrail without(String assessmentId) {
        return new AssessmentTrail(unitId, frameworkCode,
                finalised.stream().filter(a -> !a.assessmentId().equals(assessmentId)).toList());
    }

    public Optional<FinalisedAssessment> current() {
        return finalised.isEmpty() ? Optional.empty() : Optional.of(finalised.get(finalised.size() - 1));
    }

    public boolean isCurrent(String assessmentId) {
        return current().map(a -> a.assessmentId().equals(assessmentId)).orElse(false);
    }

    /**
     * The finalised assessment an assessment is compared with: the one before it in the trail when it is in the
     * trail, otherwise (a draft or a submitted one) the current one.
     */
    public Optional<FinalisedAssessment> previousOf(String assessmentId) {
        for (int i = 0; i < finalised.size(); i++) {
            if (finalised.get(i).assessmentId().equals(assessmentId)) {
                return i == 0 ? Optional.empty() : Optional.of(finalised.get(i - 1));
            }
        }
        return current();
    }
}
