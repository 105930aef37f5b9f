package org.pdcaledger.query.unit;

import java.util.Comparator;
import java.util.List;

import org.bson.Document;
import org.pdcaledger.kernel.common.NotFoundException;
import org.pdcaledger.kernel.unit.UnitSummary;
import org.pdcaledger.support.security.Caller;
import org.pdcaledger.support.security.CurrentCaller;
import org.pdcaledger.support.security.ScopeGuard;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads of the unit tree.
 */
@RestController
@RequestMapping("/api/units")
class UnitQueryController {

    private final UnitProjection projection;
    private final ScopeGuard scopes;

    UnitQueryController(UnitProjection projection, ScopeGuard scopes) {
        this.projection = projection;
        this.scopes = scopes;
    }

    /** Every unit the caller may see: those their grants cover (a grant covers its subtree). */
    @GetMapping
    List<UnitSummary> list() {
        Caller caller = CurrentCaller.get();
        return projection.units().findAll(new Document()).stream()
                .filter(unit -> scopes.covers(caller, unit.unitId()))
                .sorted(Comparator.comparing(UnitSummary::code))
                .toList();
    }

    @GetMapping("/{unitId}")
    ResponseEntity<UnitSummary> get(@PathVariable String unitId) {
        UnitSummary unit = projection.units().find(unitId)
                .filter(found -> scopes.covers(CurrentCaller.get(), found.unitId()))
                .orElseThrow(() -> new NotFoundException("unit-not-found", "unitId", "no unit " + unitId));
        return ResponseEntity.ok().eTag("\"" + unit.version() + "\"").body(unit);
    }
}
