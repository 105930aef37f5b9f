package org.pdcaledger.query.unit;

import java.util.Comparator;
import java.util.List;

import org.bson.Document;
import org.pdcaledger.kernel.common.NotFoundException;
import org.pdcaledger.kernel.unit.UnitSummary;
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

    UnitQueryController(UnitProjection projection) {
        this.projection = projection;
    }

    @GetMapping
    List<UnitSummary> list() {
        return projection.units().findAll(new Document()).stream()
                .sorted(Comparator.comparing(UnitSummary::code))
                .toList();
    }

    @GetMapping("/{unitId}")
    ResponseEntity<UnitSummary> get(@PathVariable String unitId) {
        UnitSummary unit = projection.units().find(unitId)
                .orElseThrow(() -> new NotFoundException("unit-not-found", "unitId", "no unit " + unitId));
        return ResponseEntity.ok().eTag("\"" + unit.version() + "\"").body(unit);
    }
}
