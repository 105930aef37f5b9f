package org.pdcaledger.query.maturity;

import java.time.Instant;
import java.time.LocalDate;

import org.pdcaledger.kernel.maturity.UnitMaturity;
import org.pdcaledger.support.security.CurrentCaller;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A unit's maturity against a framework, with its subtree's roll-up: {@code asOf=} a business date (default today),
 * {@code knownAt=} a recorded moment for audits (default: everything recorded).
 */
@RestController
class MaturityQueryController {

    private final MaturityViews views;

    MaturityQueryController(MaturityViews views) {
        this.views = views;
    }

    @GetMapping("/api/units/{unitId}/maturity")
    UnitMaturity maturity(@PathVariable String unitId, @RequestParam String framework,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt) {
        return views.maturity(CurrentCaller.get(), unitId, framework, asOf, knownAt);
    }
}
