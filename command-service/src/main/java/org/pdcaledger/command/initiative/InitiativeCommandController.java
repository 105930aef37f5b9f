package org.pdcaledger.command.initiative;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pdcaledger.command.config.ETags;
import org.pdcaledger.kernel.initiative.AbandonInitiativeCommand;
import org.pdcaledger.kernel.initiative.ActDecision;
import org.pdcaledger.kernel.initiative.AddActionCommand;
import org.pdcaledger.kernel.initiative.AdjustCycleCommand;
import org.pdcaledger.kernel.initiative.CheckCycleCommand;
import org.pdcaledger.kernel.initiative.CheckResult;
import org.pdcaledger.kernel.initiative.CompleteActionCommand;
import org.pdcaledger.kernel.initiative.DropActionCommand;
import org.pdcaledger.kernel.initiative.GapReference;
import org.pdcaledger.kernel.initiative.LaunchInitiativeCommand;
import org.pdcaledger.kernel.initiative.Metric;
import org.pdcaledger.kernel.initiative.PlannedAction;
import org.pdcaledger.kernel.initiative.RecordMeasurementCommand;
import org.pdcaledger.kernel.initiative.RecordObservationCommand;
import org.pdcaledger.kernel.initiative.RecordPlanCommand;
import org.pdcaledger.kernel.initiative.ReplanActionCommand;
import org.pdcaledger.kernel.initiative.StandardiseInitiativeCommand;
import org.pdcaledger.kernel.initiative.StartExecutionCommand;
import org.pdcaledger.support.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Commands on improvement initiatives and their plan-do-check-act cycles. Every write on an existing initiative
 * needs the version the caller saw in {@code If-Match} (428 without it, 412 when stale) and answers with the new
 * version in {@code ETag}. Rules are the aggregate's; this controller only checks the shape of the input.
 */
@RestController
@RequestMapping("/api/initiatives")
@Validated
class InitiativeCommandController {

    private static final String ID = "[A-Za-z0-9_-]{1,64}";

    private final CommandGateway commands;

    InitiativeCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    record LaunchRequest(
            @NotNull @Pattern(regexp = ID) String unitId,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 4000) String problemStatement,
            @NotBlank @Size(max = 64) String owner,
            @Size(max = 50) List<@NotBlank @Size(max = 64) String> team,
            @Size(max = 50) List<@NotNull @Valid GapReference> gaps,
            @NotNull @Valid Metric metric) {
    }

    record ActionRequest(
            @NotBlank @Size(max = 1000) String description,
            @NotBlank @Size(max = 64) String owner,
            @NotNull LocalDate dueDate) {
    }

    record PlanRequest(
            @NotBlank @Size(max = 2000) String objective,
            @NotBlank @Size(max = 2000) String hypothesis,
            @NotBlank @Size(max = 2000) String successCriterion,
            @Size(max = 100) List<@NotNull @Valid ActionRequest> actions) {
    }

    record DropActionRequest(@Size(max = 2000) String reason) {
    }

    record CompleteActionRequest(@Size(max = 2000) String note) {
    }

    record ObservationRequest(@NotBlank @Size(max = 4000) String text) {
    }

    record MeasurementRequest(
            @NotNull @Digits(integer = 15, fraction = 6) BigDecimal value,
            @NotNull LocalDate measuredOn,
            @Size(max = 2000) String note) {
    }

    record CheckRequest(
            CheckResult result,
            @Size(max = 2000) String overrideReason,
            @NotBlank @Size(max = 8000) String analysis) {
    }

    /**
     * One shape for the three decisions; which fields are needed depends on {@code decision}: STANDARDISE needs
     * {@code standardised}, ABANDON needs {@code reason}, ADJUST takes {@code carriedActionIds} and a reason.
     */
    record ActRequest(
            @NotNull ActDecision decision,
            @Size(max = 2000) String standardised,
            @Size(max = 200) String documentReference,
            @Size(max = 100) List<@NotNull @Pattern(regexp = ID) String> carriedActionIds,
            @Size(max = 2000) String reason) {
    }

    /** What every write answers, beside the version in {@code ETag}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Written(String initiativeId, long version, String actionId, List<String> actionIds,
            CheckResult computedResult, CheckResult result) {

        static Written of(String initiativeId, long version) {
            return new Written(initiativeId, version, null, null, null, null);
        }
    }

    @PostMapping
    ResponseEntity<Written> launch(@Valid @RequestBody LaunchRequest request, UriComponentsBuilder uris) {
        String initiativeId = "i-" + UUID.randomUUID();
        commands.sendAndWait(new LaunchInitiativeCommand(initiativeId, request.unitId(), request.title(),
                request.problemStatement(), request.owner(), request.team() == null ? List.of() : request.team(),
                request.gaps() == null ? List.of() : request.gaps(), request.metric()));
        return ResponseEntity.created(uris.path("/api/initiatives/{id}").build(initiativeId))
                .eTag(ETags.of(0))
                .body(Written.of(initiativeId, 0));
    }

    @PostMapping("/{initiativeId}/plan")
    ResponseEntity<Written> plan(@PathVariable @Pattern(regexp = ID) String initiativeId,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch, @Valid @RequestBody PlanRequest request) {
        List<PlannedAction> actions = request.actions() == null ? List.of()
                : request.actions().stream().map(action -> newAction(action)).toList();
        long version = commands.sendAndWait(new RecordPlanCommand(initiativeId, request.objective(),
                request.hypothesis(), request.successCriterion(), actions, ETags.parseIfMatch(ifMatch)));
        return ok(new Written(initiativeId, version, null, actions.stream().map(PlannedAction::actionId).toList(),
                null, null));
    }

    @PostMapping("/{initiativeId}/actions")
    ResponseEntity<Written> addAction(@PathVariable @Pattern(regexp = ID) String initiativeId,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch, @Valid @RequestBody ActionRequest request) {
        PlannedAction action = newAction(request);
        long version = commands.sendAndWait(new AddActionCommand(initiativeId, action, ETags.parseIfMatch(ifMatch)));
        return ok(new Written(initiativeId, version, action.actionId(), null, null, null));
    }

    @PutMapping("/{initiativeId}/actions/{actionId}")
    ResponseEntity<Written> replanAction(@PathVariable @Pattern(regexp = ID) String initiativeId,
            @PathVariable @Pattern(regexp = ID) String actionId,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch, @Valid @RequestBody ActionRequest request) {
        long version = commands.sendAndWait(new ReplanActionCommand(initiativeId,
                new PlannedAction(actionId, request.description(), request.owner(), request.dueDate()),
                ETags.parseIfMatch(ifMatch)));
        return ok(new Written(initiativeId, version, actionId, null, null, null));
    }

    @PostMapping("/{initiativeId}/actions/{actionId}/drop")
    ResponseEntity<Written> dropAction(@PathVariable @Pattern(regexp = ID) String initiativeId,
            @PathVariable @Pattern(regexp = ID) String actionId, @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody(required = false) DropActionRequest request) {
        long version = commands.sendAndWait(new DropActionCommand(initiativeId, actionId,
                request == null ? null : request.reason(), ETags.parseIfMatch(ifMatch)));
        return ok(new Written(initiativeId, version, actionId, null, null, null));
    }

    @PostMapping("/{initiativeId}/do")
    ResponseEntity<Written> startExecution(@PathVariable @Pattern(regexp = ID) String initiativeId,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
        long version = commands.sendAndWait(new StartExecutionCommand(initiativeId, ETags.parseIfMatch(ifMatch)));
        return ok(Written.of(initiativeId, version));
    }

    @PostMapping("/{initiativeId}/actions/{actionId}/complete")
    ResponseEntity<Written> completeAction(@PathVariable @Pattern(regexp = ID) String initiativeId,
            @PathVariable @Pattern(regexp = ID) String actionId, @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody(required = false) CompleteActionRequest request) {
        long version = commands.sendAndWait(new CompleteActionCommand(initiativeId, actionId,
                request == null ? null : request.note(), ETags.parseIfMatch(ifMatch)));
        return ok(new Written(initiativeId, version, actionId, null, null, null));
    }

    @PostMapping("/{initiativeId}/observations")
    ResponseEntity<Written> recordObservation(@PathVariable @Pattern(regexp = ID) String initiativeId,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch, @Valid @RequestBody ObservationRequest request) {
        long version = commands.sendAndWait(new RecordObservationCommand(initiativeId, request.text(),
                ETags.parseIfMatch(ifMatch)));
        return ok(Written.of(initiativeId, version));
    }

    @PostMapping("/{initiativeId}/measurements")
    ResponseEntity<Written> recordMeasurement(@PathVariable @Pattern(regexp = ID) String initiativeId,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch, @Valid @RequestBody MeasurementRequest request) {
        long version = commands.sendAndWait(new RecordMeasurementCommand(initiativeId, request.value(),
                request.measuredOn(), request.note(), ETags.parseIfMatch(ifMatch)));
        return ok(Written.of(initiativeId, version));
    }

    @PostMapping("/{initiativeId}/check")
    ResponseEntity<Written> check(@PathVariable @Pattern(regexp = ID) String initiativeId,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch, @Valid @RequestBody CheckRequest request) {
        CheckOutcome outcome = commands.sendAndWait(new CheckCycleCommand(initiativeId, request.result(),
                request.overrideReason(), request.analysis(), ETags.parseIfMatch(ifMatch)));
        return ok(new Written(initiativeId, outcome.version(), null, null, outcome.computedResult(),
                outcome.result()));
    }

    @PostMapping("/{initiativeId}/act")
    ResponseEntity<?> act(@PathVariable @Pattern(regexp = ID) String initiativeId,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch, @Valid @RequestBody ActRequest request) {
        List<Problems.FieldError> missing = missingForDecision(request);
        if (!missing.isEmpty()) {
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.invalid(missing));
        }
        long expected = ETags.parseIfMatch(ifMatch);
        Object command = switch (request.decision()) {
            case STANDARDISE -> new StandardiseInitiativeCommand(initiativeId, request.standardised(),
                    request.documentReference(), expected);
            case ADJUST -> new AdjustCycleCommand(initiativeId,
                    request.carriedActionIds() == null ? List.of() : request.carriedActionIds(), request.reason(),
                    expected);
            case ABANDON -> new AbandonInitiativeCommand(initiativeId, request.reason(), expected);
        };
        long version = commands.sendAndWait(command);
        return ok(Written.of(initiativeId, version));
    }

    private static List<Problems.FieldError> missingForDecision(ActRequest request) {
        List<Problems.FieldError> errors = new ArrayList<>();
        if (request.decision() == ActDecision.STANDARDISE && isBlank(request.standardised())) {
            errors.add(new Problems.FieldError("standardised", "required",
                    "say what was standardised when the decision is STANDARDISE"));
        }
        if (request.decision() == ActDecision.ABANDON && isBlank(request.reason())) {
            errors.add(new Problems.FieldError("reason", "required", "a reason is required to ABANDON"));
        }
        if (request.decision() != ActDecision.ADJUST && request.carriedActionIds() != null
                && !request.carriedActionIds().isEmpty()) {
            errors.add(new Problems.FieldError("carriedActionIds", "not-applicable",
                    "actions are carried over only when the decision is ADJUST"));
        }
        if (request.decision() != ActDecision.STANDARDISE
                && (request.standardised() != null || request.documentReference() != null)) {
            errors.add(new Problems.FieldError(request.standardised() != null ? "standardised" : "documentReference",
                    "not-applicable", "only a STANDARDISE decision records what was standardised"));
        }
        return errors;
    }

    private static PlannedAction newAction(ActionRequest request) {
        return new PlannedAction("a-" + UUID.randomUUID(), request.description(), request.owner(),
                request.dueDate());
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static ResponseEntity<Written> ok(Written written) {
        return ResponseEntity.ok().eTag(ETags.of(written.version())).body(written);
    }
}
