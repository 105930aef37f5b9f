package org.pdcaledger.query.assessment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.pdcaledger.kernel.assessment.AssessmentFinalisedEvent;
import org.pdcaledger.kernel.assessment.AssessmentReopenedEvent;
import org.pdcaledger.kernel.assessment.AssessmentReopening;
import org.pdcaledger.kernel.assessment.AssessmentStartedEvent;
import org.pdcaledger.kernel.assessment.AssessmentStatus;
import org.pdcaledger.kernel.assessment.AssessmentSubmittedEvent;
import org.pdcaledger.kernel.assessment.AssessmentSummary;
import org.pdcaledger.kernel.assessment.AssessmentView;
import org.pdcaledger.kernel.assessment.IndicatorRatedEvent;
import org.pdcaledger.kernel.assessment.IndicatorRating;
import org.pdcaledger.query.config.EventPositions;
import org.pdcaledger.query.config.ViewStore;
import org.pdcaledger.query.framework.FrameworkProjection;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;

/**
 * Projects assessments into three kinds of documents, each a key look-up: the assessment page (by id), the unit's
 * assessment list (by unit), and the trail of finalised assessments per unit and framework, which decides which one
 * is current and what an assessment is compared with.
 */
@Component
@ProcessingGroup(FrameworkProjection.GROUP)
class AssessmentProjection {

    private final ViewStore<AssessmentView> assessments;
    private final ViewStore<UnitAssessments> unitLists;
    private final ViewStore<AssessmentTrail> trails;

    AssessmentProjection(MongoDatabase readStore, ObjectMapper objectMapper) {
        this.assessments = new ViewStore<>(readStore, "assessments", AssessmentView.class, objectMapper);
        this.unitLists = new ViewStore<>(readStore, "unit-assessments", UnitAssessments.class, objectMapper);
        this.trails = new ViewStore<>(readStore, "assessment-trails", AssessmentTrail.class, objectMapper);
    }

    @EventHandler
    void on(AssessmentStartedEvent event, @Timestamp Instant at, TrackingToken token) {
        long position = EventPositions.of(token);
        assessments.apply(event.assessmentId(), position, current -> new AssessmentView(event.assessmentId(),
                event.unitId(), event.frameworkCode(), event.frameworkVersion(), event.period(), event.kind(),
                AssessmentStatus.DRAFT, event.indicatorCodes(), List.of(), event.startedBy(), at, null, null, null,
                null, List.of(), false, 0));
        updateList(event.unitId(), event.assessmentId(), position);
    }

    @EventHandler
    void on(IndicatorRatedEvent event, TrackingToken token) {
        change(event.assessmentId(), EventPositions.of(token), view -> copy(view, view.status(),
                replaced(view, event.rating()), view.submittedBy(), view.submittedAt(), null, null, view.reopenings()));
    }

    @EventHandler
    void on(AssessmentSubmittedEvent event, @Timestamp Instant at, TrackingToken token) {
        change(event.assessmentId(), EventPositions.of(token), view -> copy(view, AssessmentStatus.SUBMITTED,
                view.ratings(), event.submittedBy(), at, null, null, view.reopenings()));
    }

    @EventHandler
    void on(AssessmentFinalisedEvent event, @Timestamp Instant at, TrackingToken token) {
        long position = EventPositions.of(token);
        change(event.assessmentId(), position, view -> copy(view, AssessmentStatus.FINALISED, event.ratings(),
                view.submittedBy(), view.submittedAt(), event.finalisedBy(), at, view.reopenings()));
        trails.apply(AssessmentTrail.key(event.unitId(), event.frameworkCode()), position, trail ->
                (trail == null ? new AssessmentTrail(event.unitId(), event.frameworkCode(), List.of()) : trail)
                        .with(new FinalisedAssessment(event.assessmentId(), event.period(), event.frameworkVersion(),
                                position, event.ratings())));
    }

    @EventHandler
    void on(AssessmentReopenedEvent event, @Timestamp Instant at, TrackingToken token) {
        long position = EventPositions.of(token);
        Optional<AssessmentView> before = assessments.find(event.assessmentId());
        change(event.assessmentId(), position, view -> {
            List<AssessmentReopening> reopenings = new ArrayList<>(view.reopenings());
            reopenings.add(new AssessmentReopening(event.previousStatus(), event.reason(), event.reopenedBy(), at));
            return copy(view, AssessmentStatus.DRAFT, view.ratings(), null, null, null, null, reopenings);
        });
        if (event.previousStatus() == AssessmentStatus.FINALISED) {
            before.ifPresent(view -> trails.apply(AssessmentTrail.key(view.unitId(), view.frameworkCode()), position,
                    trail -> trail == null ? null : trail.without(event.assessmentId())));
        }
    }

    private void change(String assessmentId, long position, UnaryOperator<AssessmentView> change) {
        assessments.apply(assessmentId, position, view -> view == null ? null : change.apply(view));
        assessments.find(assessmentId).ifPresent(view -> updateList(view.unitId(), assessmentId, position));
    }

    private void updateList(String unitId, String assessmentId, long position) {
        AssessmentView view = assessments.find(assessmentId).orElseThrow();
        AssessmentSummary summary = new AssessmentSummary(view.assessmentId(), view.unitId(), view.frameworkCode(),
                view.frameworkVersion(), view.period(), view.kind(), view.status(), view.startedAt(),
                view.finalisedAt(), false);
        unitLists.apply(unitId, position, list -> {
            List<AssessmentSummary> all = new ArrayList<>(list == null ? List.of() : list.assessments());
            all.removeIf(existing -> existing.assessmentId().equals(assessmentId));
            all.add(summary);
            return new UnitAssessments(unitId, all);
        });
    }

    private static List<IndicatorRating> replaced(AssessmentView view, IndicatorRating rating) {
        List<IndicatorRating> ratings = new ArrayList<>(view.ratings());
        ratings.removeIf(existing -> existing.indicatorCode().equals(rating.indicatorCode()));
        ratings.add(rating);
        ratings.sort(java.util.Comparator.comparingInt(r -> view.indicatorCodes().indexOf(r.indicatorCode())));
        return ratings;
    }

    private static AssessmentView copy(AssessmentView view, AssessmentStatus status, List<IndicatorRating> ratings,
            String submittedBy, Instant submittedAt, String finalisedBy, Instant finalisedAt,
            List<AssessmentReopening> reopenings) {
        return new AssessmentView(view.assessmentId(), view.unitId(), view.frameworkCode(), view.frameworkVersion(),
                view.period(), view.kind(), status, view.indicatorCodes(), ratings, view.startedBy(),
                view.startedAt(), submittedBy, submittedAt, finalisedBy, finalisedAt, reopenings, false,
                view.version() + 1);
    }

    Optional<AssessmentView> assessment(String assessmentId) {
        return assessments.find(assessmentId);
    }

    Optional<UnitAssessments> unitList(String unitId) {
        return unitLists.find(unitId);
    }

    Optional<AssessmentTrail> trail(String unitId, String frameworkCode) {
        return trails.find(AssessmentTrail.key(unitId, frameworkCode));
    }

    ViewStore<AssessmentView> assessments() {
        return assessments;
    }

    @ResetHandler
    void reset() {
        assessments.deleteAll();
        unitLists.deleteAll();
        trails.deleteAll();
    }
}
