package org.pdcaledger.kernel.assessment;

import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * An assessment of a unit against a framework version was started.
 *
 * @param indicatorCodes the indicators of that framework version, all of which must be rated before submission;
 *                       recorded so the assessment's rules never depend on anything outside its own history
 * @param startedBy      the assessor who started it
 */
@Revision("1")
public record AssessmentStartedEvent(
        String assessmentId,
        String unitId,
        String frameworkCode,
        int frameworkVersion,
        List<String> indicatorCodes,
        AssessmentPeriod period,
        AssessmentKind kind,
        String startedBy) {
}
