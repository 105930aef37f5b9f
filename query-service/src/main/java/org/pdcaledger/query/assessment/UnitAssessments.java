package org.pdcaledger.query.assessment;

import java.util.List;

import org.pdcaledger.kernel.assessment.AssessmentSummary;

/**
 * The assessment list of one unit, kept as one document so the list is a key look-up.
 */
record UnitAssessments(String unitId, List<AssessmentSummary> assessments) {
}
