package org.pdcaledger.query.assessment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pdcaledger.kernel.access.Role;
import org.pdcaledger.kernel.assessment.AssessmentComparison;
import org.pdcaledger.kernel.assessment.AssessmentSummary;
import org.pdcaledger.kernel.assessment.AssessmentView;
import org.pdcaledger.kernel.assessment.ChangeDirection;
import org.pdcaledger.kernel.assessment.IndicatorChange;
import org.pdcaledger.kernel.common.NotFoundException;
import org.pdcaledger.support.security.CurrentCaller;
import org.pdcaledger.support.security.ScopeGuard;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads of assessments: one assessment, a unit's list, and the comparison with the previous finalised assessment of
 * the same unit and framework. An assessment of a unit outside the caller's scope does not exist for them (404).
 */
@RestController
@RequestMapping("/api/assessments")
class AssessmentQueryController {

    static final Role[] READERS = {Role.LEADER, Role.ASSESSOR, Role.IMPROVER, Role.ADMIN};

    private final AssessmentProjection projection;
    private final ScopeGuard scopes;

    AssessmentQueryController(AssessmentProjection projection, ScopeGuard scopes) {
        this.projection = projection;
        this.scopes = scopes;
    }

    @GetMapping("/{assessmentId}")
    ResponseEntity<AssessmentView> get(@PathVariable String assessmentId) {
        AssessmentView view = visible(assessmentId);
        boolean current = projection.trail(view.unitId(), view.frameworkCode())
                .map(trail -> trail.isCurrent(assessmentId)).orElse(false);
        AssessmentView answer = new AssessmentView(view.assessmentId(), view.unitId(), view.frameworkCode(),
                view.frameworkVersion(), view.period(), view.kind(), view.status(), view.indicatorCodes(),
                view.ratings(), view.startedBy(), view.startedAt(), view.submittedBy(), view.submittedAt(),
                view.finalisedBy(), view.finalisedAt(), view.reopenings(), current, view.version());
        return ResponseEntity.ok().eTag("\"" + view.version() + "\"").body(answer);
    }

    /** The assessments of a unit, newest period first, optionally of one framework. */
    @GetMapping
    List<AssessmentSummary> list(@RequestParam String unit, @RequestParam(required = false) String framework) {
        if (!scopes.covers(CurrentCaller.get(), unit, READERS)) {
            throw new NotFoundException("unit-not-found", "unit", "no unit " + unit);
        }
        Map<String, Optional<AssessmentTrail>> trails = new LinkedHashMap<>();
        return projection.unitList(unit).map(UnitAssessments::assessments).orElse(List.of()).stream()
                .filter(summary -> framework == null || framework.equals(summary.frameworkCode()))
                .map(summary -> new AssessmentSummary(summary.assessmentId(), summary.unitId(),
                        summary.frameworkCode(), summary.frameworkVersion(), summary.period(), summary.kind(),
                        summary.status(), summary.startedAt(), summary.finalisedAt(),
                        trails.computeIfAbsent(summary.frameworkCode(), code -> projection.trail(unit, code))
                                .map(trail -> trail.isCurrent(summary.assessmentId())).orElse(false)))
                .sorted(Comparator.comparing((AssessmentSummary s) -> s.period().lastDay()).reversed()
                        .thenComparing(AssessmentSummary::startedAt, Comparator.reverseOrder()))
                .toList();
    }

    /** Per indicator, how the current level moved since the previous finalised assessment: up, down or same. */
    @GetMapping("/{assessmentId}/comparison")
    AssessmentComparison comparison(@PathVariable String assessmentId) {
        AssessmentView view = visible(assessmentId);
        Optional<FinalisedAssessment> previous = projection.trail(view.unitId(), view.frameworkCode())
                .flatMap(trail -> trail.previousOf(assessmentId));
        return compare(view, previous);
    }

    static AssessmentComparison compare(AssessmentView view, Optional<FinalisedAssessment> previous) {
        Map<String, Integer> before = new LinkedHashMap<>();
        previous.ifPresent(p -> p.ratings().forEach(r -> before.put(r.indicatorCode(), r.currentLevel())));
        Map<String, Integer> now = new LinkedHashMap<>();
        view.ratings().forEach(r -> now.put(r.indicatorCode(), r.currentLevel()));
        List<IndicatorChange> changes = new ArrayList<>();
        for (String indicator : view.indicatorCodes()) {
            Integer was = before.get(indicator);
            Integer is = now.get(indicator);
            ChangeDirection direction = was == null ? ChangeDirection.NEW
                    : is == null ? ChangeDirection.DROPPED
                    : is > was ? ChangeDirection.UP : is < was ? ChangeDirection.DOWN : ChangeDirection.SAME;
            changes.add(new IndicatorChange(indicator, was, is, direction));
        }
        before.forEach((indicator, was) -> {
            if (!view.indicatorCodes().contains(indicator)) {
                changes.add(new IndicatorChange(indicator, was, null, ChangeDirection.DROPPED));
            }
        });
        return new AssessmentComparison(view.assessmentId(), view.period(),
                previous.map(FinalisedAssessment::assessmentId).orElse(null),
                previous.map(FinalisedAssessment::period).orElse(null), changes);
    }

    private AssessmentView visible(String assessmentId) {
        return projection.assessment(assessmentId)
                .filter(view -> scopes.covers(CurrentCaller.get(), view.unitId(), READERS))
                .orElseThrow(() -> new NotFoundException("assessment-not-found", "assessmentId",
                        "no assessment " + assessmentId));
    }
}
