package org.pdcaledger.query.framework;

import java.util.Comparator;
import java.util.List;

import org.bson.Document;
import org.pdcaledger.kernel.common.NotFoundException;
import org.pdcaledger.kernel.framework.FrameworkSummary;
import org.pdcaledger.kernel.framework.FrameworkVersionView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads of frameworks. Frameworks belong to no unit, so every reader role sees all of them.
 */
@RestController
@RequestMapping("/api/frameworks")
class FrameworkQueryController {

    private final FrameworkProjection projection;

    FrameworkQueryController(FrameworkProjection projection) {
        this.projection = projection;
    }

    @GetMapping
    List<FrameworkSummary> list() {
        return projection.summaries().findAll(new Document()).stream()
                .sorted(Comparator.comparing(FrameworkSummary::code))
                .toList();
    }

    /** The latest version of a framework, or the one asked for with {@code ?version=}. */
    @GetMapping("/{code}")
    FrameworkVersionView get(@PathVariable String code, @RequestParam(required = false) Integer version) {
        int wanted = version != null ? version : projection.summaries().find(code)
                .map(FrameworkSummary::latestVersion)
                .orElseThrow(() -> new NotFoundException("framework-not-found", "code", "no framework " + code));
        return projection.version(code, wanted).orElseThrow(() -> new NotFoundException("framework-not-found",
                "version", "framework " + code + " has no version " + wanted));
    }
}
