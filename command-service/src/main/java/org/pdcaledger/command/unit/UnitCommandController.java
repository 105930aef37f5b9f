package org.pdcaledger.command.unit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pdcaledger.command.config.ETags;
import org.pdcaledger.kernel.common.LocalizedName;
import org.pdcaledger.kernel.unit.MoveUnitCommand;
import org.pdcaledger.kernel.unit.RegisterUnitCommand;
import org.pdcaledger.kernel.unit.RenameUnitCommand;
import org.pdcaledger.kernel.unit.RetireUnitCommand;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Commands on the unit tree.
 */
@RestController
@RequestMapping("/api/units")
@Validated
class UnitCommandController {

    private final CommandGateway commands;
    private final UnitTreeImport treeImport;

    UnitCommandController(CommandGateway commands, UnitTreeImport treeImport) {
        this.commands = commands;
        this.treeImport = treeImport;
    }

    record RegisterUnitRequest(
            @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,39}") String code,
            @NotNull @Valid LocalizedName name,
            @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+") String parentId) {
    }

    record RenameUnitRequest(@NotNull @Valid LocalizedName name) {
    }

    record MoveUnitRequest(@NotNull @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+") String newParentId) {
    }

    record RetireUnitRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> register(@Valid @RequestBody RegisterUnitRequest request,
            UriComponentsBuilder uris) {
        String unitId = "u-" + UUID.randomUUID();
        commands.sendAndWait(new RegisterUnitCommand(unitId, request.code(), request.name(), request.parentId()));
        return ResponseEntity.created(uris.path("/api/units/{id}").build(unitId))
                .eTag(ETags.of(0))
                .body(Map.of("unitId", unitId, "version", 0));
    }

    @PutMapping("/{unitId}")
    ResponseEntity<Map<String, Object>> rename(@PathVariable @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String unitId,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch, @Valid @RequestBody RenameUnitRequest request) {
        long version = commands.sendAndWait(
                new RenameUnitCommand(unitId, request.name(), ETags.parseIfMatch(ifMatch)));
        return ResponseEntity.ok().eTag(ETags.of(version)).body(Map.of("unitId", unitId, "version", version));
    }

    @PostMapping("/{unitId}/move")
    ResponseEntity<Map<String, Object>> move(@PathVariable @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String unitId,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch, @Valid @RequestBody MoveUnitRequest request) {
        long version = commands.sendAndWait(
                new MoveUnitCommand(unitId, request.newParentId(), ETags.parseIfMatch(ifMatch)));
        return ResponseEntity.ok().eTag(ETags.of(version)).body(Map.of("unitId", unitId, "version", version));
    }

    @PostMapping("/{unitId}/retire")
    ResponseEntity<Map<String, Object>> retire(@PathVariable @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String unitId,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch, @Valid @RequestBody RetireUnitRequest request) {
        long version = commands.sendAndWait(
                new RetireUnitCommand(unitId, request.reason(), ETags.parseIfMatch(ifMatch)));
        return ResponseEntity.ok().eTag(ETags.of(version)).body(Map.of("unitId", unitId, "version", version));
    }

    /**
     * Registers a whole unit tree from CSV (columns {@code code, parent_code, name_zh, name_en}, a header row first).
     * Every row is checked before anything is stored; one bad row rejects the file with every problem listed.
     */
    @PostMapping(path = "/import", consumes = {"text/csv", "application/csv"})
    ResponseEntity<Map<String, Object>> importTree(@RequestBody byte[] csv) {
        List<UnitTreeImport.ImportedUnit> imported = treeImport.importCsv(new String(csv, StandardCharsets.UTF_8));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("registered", imported.size(), "units", imported));
    }

    @ExceptionHandler(UnitImportRejectedException.class)
    ResponseEntity<ProblemDetail> importRejected(UnitImportRejectedException e) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, e.code(), e.field(), e.getMessage());
        problem.setProperty("errors", e.problems());
        return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
