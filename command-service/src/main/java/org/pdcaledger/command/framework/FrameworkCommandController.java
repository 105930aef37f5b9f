package org.pdcaledger.command.framework;

import java.util.Map;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pdcaledger.kernel.framework.FrameworkDefinition;
import org.pdcaledger.kernel.framework.PublishFrameworkVersionCommand;
import org.pdcaledger.support.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Imports a framework version from a YAML or JSON document. 201 when the version is published now, 200 when exactly
 * this version was already published (an import is safe to repeat), 422 with every problem of the document listed
 * with its path, 409 when the version exists with other content.
 */
@RestController
@RequestMapping("/api/frameworks")
class FrameworkCommandController {

    static final int MAX_DOCUMENT_BYTES = 1024 * 1024;

    private final CommandGateway commands;
    private final FrameworkDocuments documents;

    FrameworkCommandController(CommandGateway commands, FrameworkDocuments documents) {
        this.commands = commands;
        this.documents = documents;
    }

    @PostMapping(consumes = {"application/yaml", "application/x-yaml", "text/yaml", "application/json"})
    ResponseEntity<Map<String, Object>> publish(@RequestHeader("Content-Type") MediaType contentType,
            @RequestBody byte[] document, UriComponentsBuilder uris) {
        if (document.length > MAX_DOCUMENT_BYTES) {
            throw new org.pdcaledger.kernel.common.RuleViolationException("document-too-large", "body",
                    "a framework document may have at most " + MAX_DOCUMENT_BYTES + " bytes");
        }
        FrameworkDocuments.Syntax syntax = MediaType.APPLICATION_JSON.isCompatibleWith(contentType)
                ? FrameworkDocuments.Syntax.JSON : FrameworkDocuments.Syntax.YAML;
        FrameworkDefinition definition = documents.read(document, syntax);
        boolean publishedNow = commands.sendAndWait(PublishFrameworkVersionCommand.of(definition));
        Map<String, Object> body = Map.of("code", definition.code(), "version", definition.version(),
                "indicatorCount", definition.indicatorCodes().size(), "published", publishedNow);
        if (!publishedNow) {
            return ResponseEntity.ok(body);
        }
        return ResponseEntity.created(uris.path("/api/frameworks/{code}").queryParam("version", definition.version())
                .build(definition.code())).body(body);
    }

    @ExceptionHandler(FrameworkDocumentRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(FrameworkDocumentRejectedException e) {
        HttpStatus status = e.unreadable() ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_ENTITY;
        ProblemDetail problem = Problems.of(status, e.code(), e.field(), e.getMessage());
        problem.setProperty("errors", e.problems());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
