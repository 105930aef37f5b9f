package org.pdcaledger.query.initiative;

import java.util.List;
import java.util.Set;

import org.pdcaledger.kernel.common.NotFoundException;
import org.pdcaledger.kernel.initiative.InitiativeDetail;
import org.pdcaledger.kernel.initiative.InitiativeHistory;
import org.pdcaledger.kernel.initiative.InitiativePage;
import org.pdcaledger.kernel.initiative.InitiativeStage;
import org.pdcaledger.support.security.CurrentCaller;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Reads of improvement initiatives: the list (filtered and paged), the initiative page and its history. Everything
 * is limited to the units the caller's LEADER, IMPROVER, ASSESSOR or ADMIN grants cover; an initiative outside the
 * caller's scope does not exist for them (404).
 */
@RestController
@RequestMapping("/api/initiatives")
@Validated
class InitiativeQueryController {

    private static final String ID = "[A-Za-z0-9_-]{1,64}";
    private static final String CODE = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";

    private final InitiativeQueries queries;

    InitiativeQueryController(InitiativeQueries queries) {
        this.queries = queries;
    }

    /**
     * {@code GET /api/initiatives?unit=&subtree=&stage=&framework=&indicator=&owner=&overdue=&stalled=&limit=&cursor=}.
     * {@code stage} takes one or more stages, comma-separated; without {@code unit} the list covers the caller's
     * whole scope. Pages hold {@code limit} entries (default 50); {@code next} is the cursor of the following page.
     */
    @GetMapping
    InitiativePage list(
            @RequestParam(required = false) @Pattern(regexp = ID) String unit,
            @RequestParam(defaultValue = "false") boolean subtree,
            @RequestParam(required = false) List<InitiativeStage> stage,
            @RequestParam(required = false) @Pattern(regexp = CODE) String framework,
            @RequestParam(required = false) @Pattern(regexp = CODE) String indicator,
            @RequestParam(required = false) @Size(min = 1, max = 64) String owner,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) Boolean stalled,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
            @RequestParam(required = false) @Pattern(regexp = InitiativeQueries.Cursor.PATTERN) String cursor) {
        InitiativeFilter filter = new InitiativeFilter(unit, subtree, stage == null ? Set.of() : Set.copyOf(stage),
                framework, indicator, owner, overdue, stalled);
        return queries.list(CurrentCaller.get(), filter, InitiativeQueries.Cursor.parse(cursor), limit);
    }

    @GetMapping("/{initiativeId}")
    ResponseEntity<InitiativeDetail> detail(@PathVariable @Pattern(regexp = ID) String initiativeId) {
        InitiativeDetail detail = queries.detail(CurrentCaller.get(), initiativeId)
                .orElseThrow(() -> notFound(initiativeId));
        return ResponseEntity.ok().eTag("\"" + detail.version() + "\"").body(detail);
    }

    @GetMapping("/{initiativeId}/history")
    InitiativeHistory history(@PathVariable @Pattern(regexp = ID) String initiativeId) {
        return queries.history(CurrentCaller.get(), initiativeId).orElseThrow(() -> notFound(initiativeId));
    }

    private static NotFoundException notFound(String initiativeId) {
        return new NotFoundException("initiative-not-found", "initiativeId", "no initiative " + initiativeId);
    }
}
