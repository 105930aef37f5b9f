package org.pdcaledger.command.assessment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.pdcaledger.command.framework.FrameworkCatalogTable;
import org.pdcaledger.command.unit.UnitTreeTable;
import org.pdcaledger.kernel.access.Role;
import org.pdcaledger.kernel.assessment.AssessmentFinalisedEvent;
import org.pdcaledger.kernel.assessment.AssessmentReopenedEvent;
import org.pdcaledger.kernel.assessment.AssessmentStartedEvent;
import org.pdcaledger.kernel.assessment.AssessmentStatus;
import org.pdcaledger.kernel.assessment.AssessmentSubmittedEvent;
import org.pdcaledger.kernel.assessment.FinaliseAssessmentCommand;
import org.pdcaledger.kernel.assessment.IndicatorRatedEvent;
import org.pdcaledger.kernel.assessment.IndicatorRating;
import org.pdcaledger.kernel.assessment.RateIndicatorCommand;
import org.pdcaledger.kernel.assessment.ReopenAssessmentCommand;
import org.pdcaledger.kernel.assessment.StartAssessmentCommand;
import org.pdcaledger.kernel.assessment.SubmitAssessmentCommand;
import org.pdcaledger.kernel.assessment.AssessmentKind;
import org.pdcaledger.kernel.assessment.AssessmentPeriod;
import org.pdcaledger.kernel.common.RuleViolationException;
import org.pdcaledger.kernel.common.StateConflictException;
import org.pdcaledger.support.security.Caller;
import org.pdcaledger.support.security.ScopeGuard;

/**
 * An assessment of one unit against one framework version for one period: drafted and rated by assessors of the
 * unit, submitted when every indicator is rated, finalised by a second assessor (four eyes), reopened with a reason.
 */
@Aggregate
class Assessment {

    static final int LOWEST_LEVEL = 1;
    static final int HIGHEST_LEVEL = 5;

    @AggregateIdentifier
    private String assessmentId;
    private String unitId;
    private String frameworkCode;
    private int frameworkVersion;
    private AssessmentPeriod period;
    private AssessmentKind kind;
    private List<String> indicatorCodes;
    private final Map<String, IndicatorRating> ratings = new LinkedHashMap<>();
    private AssessmentStatus status;
    private String submittedBy;

    Assessment() {
        // for Axon
    }

    @CommandHandler
    Assessment(StartAssessmentCommand command, Caller caller, ScopeGuard scopes, UnitTreeTable units,
            FrameworkCatalogTable frameworks) {
        if (command.unitId() == null || !units.exists(command.unitId())) {
            throw new RuleViolationException("unit-unknown", "unitId", "there is no unit " + command.unitId());
        }
        scopes.require(caller, command.unitId(), Role.ASSESSOR);
        if (units.isRetired(command.unitId())) {
            throw new RuleViolationException("unit-retired", "unitId",
                    "unit " + command.unitId() + " is retired and takes no new assessments");
        }
        List<String> indicators = command.frameworkCode() == null ? List.of()
                : frameworks.indicatorCodes(command.frameworkCode(), command.frameworkVersion());
        if (indicators.isEmpty()) {
            throw new RuleViolationException("framework-unknown", "frameworkVersion", "framework "
                    + command.frameworkCode() + " has no published version " + command.frameworkVersion());
        }
        if (command.period() == null || !command.period().wellFormed()) {
            throw new RuleViolationException("period-invalid", "period.value",
                    "write a month as 2026-05, a quarter as 2026-Q2, a year as 2026");
        }
        if (command.kind() == null) {
            throw new RuleViolationException("required", "kind", "say whether it is a SELF or EXTERNAL assessment");
        }
        apply(new AssessmentStartedEvent(command.assessmentId(), command.unitId(), command.frameworkCode(),
                command.frameworkVersion(), indicators, command.period(), command.kind(), caller.subject()));
    }

    @CommandHandler
    long handle(RateIndicatorCommand command, Caller caller, ScopeGuard scopes) {
        scopes.require(caller, unitId, Role.ASSESSOR);
        requireStatus(AssessmentStatus.DRAFT, "assessment-not-draft",
                "ratings can change only while the assessment is a draft; reopen it first");
        if (!indicatorCodes.contains(command.indicatorCode())) {
            throw new RuleViolationException("indicator-unknown", "indicator", "framework " + frameworkCode
                    + " version " + frameworkVersion + " has no indicator " + command.indicatorCode());
        }
        level("currentLevel", command.currentLevel());
        level("targetLevel", command.targetLevel());
        if (command.targetLevel() < command.currentLevel()) {
            throw new RuleViolationException("target-below-current", "targetLevel",
                    "the target level cannot be below the current level " + command.currentLevel());
        }
        apply(new IndicatorRatedEvent(assessmentId, unitId, new IndicatorRating(command.indicatorCode(),
                command.currentLevel(), command.targetLevel(), blankToNull(command.evidence()),
                blankToNull(command.note())), caller.subject()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(SubmitAssessmentCommand command, Caller caller, ScopeGuard scopes) {
        scopes.require(caller, unitId, Role.ASSESSOR);
        requireStatus(AssessmentStatus.DRAFT, "assessment-not-draft", "only a draft can be submitted");
        List<String> missing = indicatorCodes.stream().filter(code -> !ratings.containsKey(code)).toList();
        if (!missing.isEmpty()) {
            throw new RuleViolationException("ratings-missing", "ratings",
                    "rate every indicator before submitting; not yet rated: " + String.join(", ", missing));
        }
        apply(new AssessmentSubmittedEvent(assessmentId, unitId, caller.subject()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(FinaliseAssessmentCommand command, Caller caller, ScopeGuard scopes) {
        scopes.require(caller, unitId, Role.ASSESSOR);
        requireStatus(AssessmentStatus.SUBMITTED, "assessment-not-submitted",
                "only a submitted assessment can be finalised");
        if (caller.subject().equals(submittedBy)) {
            throw new RuleViolationException("four-eyes", null,
                    "you submitted this assessment; another assessor of the unit must finalise it");
        }
        List<IndicatorRating> finalRatings = new ArrayList<>();
        indicatorCodes.forEach(code -> finalRatings.add(ratings.get(code)));
        apply(new AssessmentFinalisedEvent(assessmentId, unitId, frameworkCode, frameworkVersion, period, kind,
                finalRatings, submittedBy, caller.subject()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ReopenAssessmentCommand command, Caller caller, ScopeGuard scopes) {
        scopes.require(caller, unitId, Role.ASSESSOR);
        if (status == AssessmentStatus.DRAFT) {
            throw new StateConflictException("assessment-not-reopenable", null, "the assessment is already a draft");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw new RuleViolationException("reason-required", "reason", "say why the assessment is reopened");
        }
        apply(new AssessmentReopenedEvent(assessmentId, unitId, status, command.reason().strip(), caller.subject()));
        return AggregateLifecycle.getVersion();
    }

    private void requireStatus(AssessmentStatus wanted, String code, String message) {
        if (status != wanted) {
            throw new StateConflictException(code, null, message + " (it is " + status + ")");
        }
    }

    private static void level(String field, int level) {
        if (level < LOWEST_LEVEL || level > HIGHEST_LEVEL) {
            throw new RuleViolationException("level-out-of-range", field,
                    "levels run from " + LOWEST_LEVEL + " to " + HIGHEST_LEVEL + ", not " + level);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    @EventSourcingHandler
    void on(AssessmentStartedEvent event) {
        this.assessmentId = event.assessmentId();
        this.unitId = event.unitId();
        this.frameworkCode = event.frameworkCode();
        this.frameworkVersion = event.frameworkVersion();
        this.period = event.period();
        this.kind = event.kind();
        this.indicatorCodes = List.copyOf(event.indicatorCodes());
        this.status = AssessmentStatus.DRAFT;
    }

    @EventSourcingHandler
    void on(IndicatorRatedEvent event) {
        ratings.put(event.rating().indicatorCode(), event.rating());
    }

    @EventSourcingHandler
    void on(AssessmentSubmittedEvent event) {
        this.status = AssessmentStatus.SUBMITTED;
        this.submittedBy = event.submittedBy();
    }

    @EventSourcingHandler
    void on(AssessmentFinalisedEvent event) {
        this.status = AssessmentStatus.FINALISED;
    }

    @EventSourcingHandler
    void on(AssessmentReopenedEvent event) {
        this.status = AssessmentStatus.DRAFT;
        this.submittedBy = null;
    }
}
