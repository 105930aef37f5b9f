package org.pdcaledger.command.unit;

import java.util.Map;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pdcaledger.command.config.ETags;
import org.pdcaledger.kernel.common.LocalizedName;
import org.pdcaledger.kernel.unit.RegisterUnitCommand;
import org.pdcaledger.kernel.unit.RenameUnitCommand;
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

    UnitCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    record RegisterUnitRequest(
            @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,39}") String code,
            @NotNull @Valid LocalizedName name,
            @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+") String parentId) {
    }

    record RenameUnitRequest(@NotNull @Valid LocalizedName name) {
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
}
