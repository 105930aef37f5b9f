package org.pdcaledger.query.admin;

import org.pdcaledger.kernel.access.Role;
import org.pdcaledger.kernel.common.AccessDeniedException;
import org.pdcaledger.kernel.projection.ProjectionOverview;
import org.pdcaledger.kernel.projection.ProjectionStatus;
import org.pdcaledger.support.security.Caller;
import org.pdcaledger.support.security.CurrentCaller;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Pattern;

/**
 * The read models and their rebuild. Read models are shared by the whole organisation, so only an administrator of
 * every unit ({@code ADMIN@*}) may see or rebuild them; a rebuild answers 202 at once and the group replays in the
 * background while {@code GET} reports its position, rate and estimated time left.
 */
@RestController
@RequestMapping("/api/admin/projections")
@Validated
class ProjectionAdminController {

    private final ProjectionAdmin projections;

    ProjectionAdminController(ProjectionAdmin projections) {
        this.projections = projections;
    }

    @GetMapping
    ProjectionOverview list() {
        requireAdministratorOfEveryUnit();
        return projections.overview();
    }

    @PostMapping("/{group}/rebuild")
    ResponseEntity<ProjectionStatus> rebuild(@PathVariable @Pattern(regexp = "[A-Za-z0-9_.-]{1,100}") String group) {
        requireAdministratorOfEveryUnit();
        return ResponseEntity.accepted().body(projections.rebuild(group));
    }

    @PostMapping("/rebuild")
    ResponseEntity<ProjectionOverview> rebuildAll() {
        requireAdministratorOfEveryUnit();
        return ResponseEntity.accepted().body(projections.rebuildAll());
    }

    private static void requireAdministratorOfEveryUnit() {
        Caller caller = CurrentCaller.get();
        if (caller.grants().stream().noneMatch(grant -> grant.role() == Role.ADMIN && grant.coversAllUnits())) {
            throw new AccessDeniedException("read models are rebuilt by an administrator of every unit (ADMIN@*)");
        }
    }
}
