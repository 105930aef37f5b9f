package org.pdcaledger.command.assessment;

import java.util.Map;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pdcaledger.command.config.ETags;
import org.pdcaledger.command.framework.FrameworkCatalogTable;
import org.pdcaledger.kernel.assessment.AssessmentKind;
import org.pdcaledger.kernel.assessment.AssessmentPeriod;
import org.pdcaledger.kernel.assessment.FinaliseAssessmentCommand;
import org.pdcaledger.kernel.assessment.PeriodType;
import org.pdcaledger.kernel.assessment.RateIndicatorCommand;
import org.pdcaledger.kernel.assessment.ReopenAssessmentCommand;
import org.pdcaledger.kernel.assessment.StartAssessmentCommand;
import org.pdcaledger.kernel.assessment.SubmitAssessmentCommand;
import org.pdcaledger.kernel.common.RuleViolationException;
import org.springframework.http.HttpHeaders;
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

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Commands on assessments: start, rate, submit, finalise, reopen. Every write after the start needs the version
 * from the last {@code ETag} in {@code If-Match}.
 */
@RestController
@RequestMapping("/api/assessments")
@Validated
class AssessmentCommandController {

    private static final String ID = "[A-Za-z0-9_-]{1,64}";

    private final CommandGateway commands;
    private final FrameworkCatalogTable frameworks;

    AssessmentCommandController(CommandGateway commands, FrameworkCatalogTable frameworks) {
        this.commands = commands;
        this.frameworks = frameworks;
    }

    record PeriodRequest(@NotNull PeriodType type, @NotNull @Size(max = 16) String value) {
    }

    /**
     * @param frameworkVersion optional: the latest published version when left out
     */
    record StartAssessmentRequest(
            @NotNull @Pattern(regexp = ID) String unitId,
            @NotNull @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,39}") String frameworkCode,
            @Min(1) Integer frameworkVersion,
            @NotNull @Valid PeriodRequest period,
            @NotNull AssessmentKind kind) {
    }

    record RateIndicatorRequest(
            @NotNull @Min(1) @Max(5) Integer currentLevel,
            @NotNull @Min(1) @Max(5) Integer targetLevel,
            @Size(max = 4000) String evidence,
            @Size(max = 2000) String note) {
    }

    record ReopenAssessmentRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> start(@Valid @RequestBody StartAssessmentRequest request,
            UriComponentsBuilder uris) {
        int version = request.frameworkVersion() != null ? request.frameworkVersion()
                : frameworks.latestVersion(request.frameworkCode()).orElseThrow(() -> new RuleViolationException(
                        "framework-unknown", "frameworkCode", "no framework " + request.frameworkCode()
                                + " is published"));
        String assessmentId = "a-" + UUID.randomUUID();
        commands.sendAndWait(new StartAssessmentCommand(assessmentId, request.unitId(), request.frameworkCode(),
                version, new AssessmentPeriod(request.period().type(), request.period().value()), request.kind()));
        return ResponseEntity.created(uris.path("/api/assessments/{id}").build(assessmentId))
                .eTag(ETags.of(0))
                .body(Map.of("assessmentId", assessmentId, "frameworkVersion", version, "version", 0));
    }

    @PutMapping("/{assessmentId}/ratings/{indicator}")
    ResponseEntity<Map<String, Object>> rate(@PathVariable @Pattern(regexp = ID) String assessmentId,
            @PathVariable @Pattern(regexp = "[A-Za-z0-9._-]{1,40}") String indicator,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch, @Valid @RequestBody RateIndicatorRequest request) {
        long version = commands.sendAndWait(new RateIndicatorCommand(assessmentId, indicator, request.currentLevel(),
                request.targetLevel(), request.evidence(), request.note(), ETags.parseIfMatch(ifMatch)));
        return written(assessmentId, version);
    }

    @PostMapping("/{assessmentId}/submit")
    ResponseEntity<Map<String, Object>> submit(@PathVariable @Pattern(regexp = ID) String assessmentId,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
        return written(assessmentId, commands.<Long>sendAndWait(
                new SubmitAssessmentCommand(assessmentId, ETags.parseIfMatch(ifMatch))));
    }

    @PostMapping("/{assessmentId}/finalise")
    ResponseEntity<Map<String, Object>> finalise(@PathVariable @Pattern(regexp = ID) String assessmentId,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
        return written(assessmentId, commands.<Long>sendAndWait(
                new FinaliseAssessmentCommand(assessmentId, ETags.parseIfMatch(ifMatch))));
    }

    @PostMapping("/{assessmentId}/reopen")
    ResponseEntity<Map<String, Object>> reopen(@PathVariable @Pattern(regexp = ID) String assessmentId,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch, @Valid @RequestBody ReopenAssessmentRequest request) {
        return written(assessmentId, commands.<Long>sendAndWait(
                new ReopenAssessmentCommand(assessmentId, request.reason(), ETags.parseIfMatch(ifMatch))));
    }

    private static ResponseEntity<Map<String, Object>> written(String assessmentId, long version) {
        return ResponseEntity.ok().eTag(ETags.of(version))
                .body(Map.of("assessmentId", assessmentId, "version", version));
    }
}
