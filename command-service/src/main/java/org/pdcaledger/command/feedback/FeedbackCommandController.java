package org.pdcaledger.command.feedback;

import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pdcaledger.command.config.ETags;
import org.pdcaledger.kernel.feedback.FeedbackChannel;
import org.pdcaledger.kernel.feedback.FeedbackIndicator;
import org.pdcaledger.kernel.feedback.FeedbackKind;
import org.pdcaledger.kernel.feedback.LinkFeedbackCommand;
import org.pdcaledger.kernel.feedback.RecordFeedbackCommand;
import org.pdcaledger.kernel.feedback.UnlinkFeedbackCommand;
import org.pdcaledger.support.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.UriComponentsBuilder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Commands on citizen feedback: record one item, import a batch from a hotline system's export, link an item to the
 * initiative it triggered (and take such a link back).
 */
@RestController
@RequestMapping("/api/feedback")
@Validated
class FeedbackCommandController {

    private static final String ID = "[A-Za-z0-9_-]{1,64}";
    private final CommandGateway commands;
    private final FeedbackImport feedbackImport;
    private final ObjectMapper mappingReader;

    FeedbackCommandController(CommandGateway commands, FeedbackImport feedbackImport, ObjectMapper objectMapper) {
        this.commands = commands;
        this.feedbackImport = feedbackImport;
        this.mappingReader = objectMapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * One item. {@code text} is a short account of what was said; phone and ID-card numbers in it are masked before
     * anything is stored, and the answer shows the stored text.
     */
    record RecordFeedbackRequest(
            @NotNull @Pattern(regexp = ID) String unitId,
            @NotNull FeedbackChannel channel,
            @NotBlank @Size(max = FeedbackRules.MAX_EXTERNAL_ID) String externalId,
            @NotNull LocalDate receivedOn,
            FeedbackKind kind,
            @NotBlank @Size(max = FeedbackRules.MAX_CATEGORY) String category,
            @NotBlank @Size(max = FeedbackRules.MAX_TEXT) String text,
            @Min(1) @Max(5) Integer satisfaction,
            @Size(max = FeedbackRules.MAX_INDICATORS) List<@NotNull @Valid FeedbackIndicator> indicators) {
    }

    record LinkFeedbackRequest(@NotNull @Pattern(regexp = ID) String initiativeId) {
    }

    record UnlinkFeedbackRequest(@NotNull @Pattern(regexp = ID) String initiativeId,
            @NotBlank @Size(max = 2000) String reason) {
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> record(@Valid @RequestBody RecordFeedbackRequest request,
            UriComponentsBuilder uris) {
        String feedbackId = FeedbackIds.of(request.channel(), request.externalId());
        String text = PersonalDataMask.mask(request.text().strip());
        commands.sendAndWait(new RecordFeedbackCommand(feedbackId, request.unitId(), request.channel(),
                request.externalId().strip(), request.receivedOn(), request.kind(),
                PersonalDataMask.mask(request.category().strip()), text, request.satisfaction(),
                request.indicators() == null ? List.of() : request.indicators(), null));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("feedbackId", feedbackId);
        body.put("version", 0);
        body.put("text", text);
        body.put("masked", !text.equals(request.text().strip()));
        return ResponseEntity.created(uris.path("/api/feedback/{id}").build(feedbackId))
                .eTag(ETags.of(0))
                .body(body);
    }

    @PostMapping("/{feedbackId}/link")
    ResponseEntity<Map<String, Object>> link(@PathVariable @Pattern(regexp = ID) String feedbackId,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch, @Valid @RequestBody LinkFeedbackRequest request) {
        long version = commands.sendAndWait(new LinkFeedbackCommand(feedbackId, request.initiativeId(),
                ETags.parseIfMatch(ifMatch)));
        return ResponseEntity.ok().eTag(ETags.of(version)).body(Map.of("feedbackId", feedbackId,
                "initiativeId", request.initiativeId(), "version", version));
    }

    @PostMapping("/{feedbackId}/unlink")
    ResponseEntity<Map<String, Object>> unlink(@PathVariable @Pattern(regexp = ID) String feedbackId,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch, @Valid @RequestBody UnlinkFeedbackRequest request) {
        long version = commands.sendAndWait(new UnlinkFeedbackCommand(feedbackId, request.initiativeId(),
                request.reason(), ETags.parseIfMatch(ifMatch)));
        return ResponseEntity.ok().eTag(ETags.of(version)).body(Map.of("feedbackId", feedbackId,
                "initiativeId", request.initiativeId(), "version", version));
    }

    /**
     * A batch as a multipart form: the part {@code file} (CSV, XLSX or XLS) and the part {@code mapping} (JSON, see
     * {@link FeedbackColumnMapping}; without it the file must use the canonical headers).
     */
    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<FeedbackImportReport> importForm(@RequestParam String unit,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(defaultValue = "false") boolean allOrNothing,
            @RequestParam(required = false) String charset, MultipartHttpServletRequest form) throws IOException {
        feedbackImport.requireImporter(unit);
        MultipartFile file = form.getFile("file");
        if (file == null) {
            throw FeedbackImportRejectedException.ofFile("file-missing", "file",
                    "send the exported file in the form part 'file'");
        }
        String mapping = form.getParameter("mapping");
        MultipartFile mappingFile = form.getFile("mapping");
        if (mapping == null && mappingFile != null) {
            mapping = new String(mappingFile.getBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        return report(feedbackImport.run(new FeedbackImport.Request(unit, file.getBytes(), mapping(mapping), charset,
                dryRun, allOrNothing)));
    }

    /**
     * A batch as the raw file in the body (any of the usual CSV or spreadsheet types; the content decides), with the
     * mapping as JSON in the query parameter {@code mapping}.
     */
    @PostMapping(path = "/imports", consumes = {"text/csv", "application/csv", "text/plain",
            "text/tab-separated-values", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.ms-excel", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ResponseEntity<FeedbackImportReport> importRaw(@RequestParam String unit,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(defaultValue = "false") boolean allOrNothing,
            @RequestParam(required = false) String charset, @RequestParam(required = false) String mapping,
            @RequestBody(required = false) byte[] content) {
        feedbackImport.requireImporter(unit);
        return report(feedbackImport.run(new FeedbackImport.Request(unit, content, mapping(mapping), charset, dryRun,
                allOrNothing)));
    }

    private static ResponseEntity<FeedbackImportReport> report(FeedbackImportReport report) {
        return ResponseEntity.ok(report);
    }

    private FeedbackColumnMapping mapping(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return mappingReader.readValue(json, FeedbackColumnMapping.class);
        } catch (JsonMappingException e) {
            String path = e.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
            throw new InvalidMappingException(path == null ? "mapping" : "mapping." + path);
        } catch (JsonProcessingException e) {
            throw new InvalidMappingException("mapping");
        }
    }

    /** The column mapping is not a JSON object of the expected shape. */
    static class InvalidMappingException extends RuntimeException {

        private final String field;

        InvalidMappingException(String field) {
            super(field + " is not a valid column mapping");
            this.field = field;
        }
    }

    @ExceptionHandler(InvalidMappingException.class)
    ResponseEntity<ProblemDetail> invalidMapping(InvalidMappingException e) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(Problems.invalid(
                List.of(new Problems.FieldError(e.field, "invalid", "is not a valid column mapping (see the API "
                        + "documentation for its fields)"))));
    }

    @ExceptionHandler(FeedbackImportRejectedException.class)
    ResponseEntity<ProblemDetail> importRejected(FeedbackImportRejectedException e) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, e.code(), e.field(), e.getMessage());
        if (e.report() != null) {
            problem.setProperty("report", e.report());
        } else {
            problem.setProperty("errors", e.problems());
        }
        return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
