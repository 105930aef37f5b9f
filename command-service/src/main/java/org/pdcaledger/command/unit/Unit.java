package org.pdcaledger.command.unit;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.pdcaledger.kernel.access.Grant;
import org.pdcaledger.kernel.access.Role;
import org.pdcaledger.kernel.common.RuleViolationException;
import org.pdcaledger.kernel.common.StateConflictException;
import org.pdcaledger.kernel.unit.MoveUnitCommand;
import org.pdcaledger.kernel.unit.RegisterUnitCommand;
import org.pdcaledger.kernel.unit.RenameUnitCommand;
import org.pdcaledger.kernel.unit.RetireUnitCommand;
import org.pdcaledger.kernel.unit.UnitMovedEvent;
import org.pdcaledger.kernel.unit.UnitRegisteredEvent;
import org.pdcaledger.kernel.unit.UnitRenamedEvent;
import org.pdcaledger.kernel.unit.UnitRetiredEvent;
import org.pdcaledger.support.security.Caller;
import org.pdcaledger.support.security.ScopeGuard;

/**
 * A government unit in the unit tree (city → bureau → division). The tree-wide rules (codes unique, no cycles) are
 * checked against {@link UnitTreeTable}, which is never behind the events.
 */
@Aggregate
class Unit {

    @AggregateIdentifier
    private String unitId;
    private String parentId;
    private boolean retired;

    Unit() {
        // for Axon
    }

    @CommandHandler
    Unit(RegisterUnitCommand command, Caller caller, ScopeGuard scopes, UnitTreeTable tree) {
        if (command.parentId() == null) {
            scopes.require(caller, Grant.ALL_UNITS, Role.ADMIN);
        } else {
            if (!tree.exists(command.parentId())) {
                throw new RuleViolationException("parent-unknown", "parentId",
                        "there is no unit " + command.parentId() + " to register under");
            }
            scopes.require(caller, command.parentId(), Role.ADMIN);
            if (tree.isRetired(command.parentId())) {
                throw new RuleViolationException("parent-retired", "parentId",
                        "unit " + command.parentId() + " is retired and takes no new units");
            }
        }
        tree.unitWithCode(command.code()).ifPresent(existing -> {
            throw new RuleViolationException("code-taken", "code",
                    "the code " + command.code() + " is already used by unit " + existing);
        });
        apply(new UnitRegisteredEvent(command.unitId(), command.code(), command.name(), command.parentId()));
    }

    @CommandHandler
    long handle(RenameUnitCommand command, Caller caller, ScopeGuard scopes) {
        scopes.require(caller, unitId, Role.ADMIN);
        apply(new UnitRenamedEvent(unitId, command.name()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(MoveUnitCommand command, Caller caller, ScopeGuard scopes, UnitTreeTable tree) {
        scopes.require(caller, unitId, Role.ADMIN);
        requireActive();
        String target = command.newParentId();
        if (target == null || target.isBlank()) {
            throw new RuleViolationException("parent-required", "newParentId", "say under which unit to move it");
        }
        if (!tree.exists(target)) {
            throw new RuleViolationException("parent-unknown", "newParentId", "there is no unit " + target);
        }
        if (target.equals(unitId) || tree.pathOf(target).contains(unitId)) {
            throw new RuleViolationException("move-creates-cycle", "newParentId",
                    "unit " + unitId + " cannot move under itself or a unit below it (" + target + ")");
        }
        if (target.equals(parentId)) {
            throw new RuleViolationException("already-there", "newParentId",
                    "unit " + unitId + " is already under " + target);
        }
        scopes.require(caller, target, Role.ADMIN);
        if (tree.isRetired(target)) {
            throw new RuleViolationException("parent-retired", "newParentId",
                    "unit " + target + " is retired and takes no new units");
        }
        apply(new UnitMovedEvent(unitId, parentId, target));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RetireUnitCommand command, Caller caller, ScopeGuard scopes, UnitTreeTable tree) {
        scopes.require(caller, unitId, Role.ADMIN);
        requireActive();
        if (command.reason() == null || command.reason().isBlank()) {
            throw new RuleViolationException("reason-required", "reason", "say why the unit is retired");
        }
        var children = tree.activeChildren(unitId);
        if (!children.isEmpty()) {
            throw new RuleViolationException("unit-has-active-children", null,
                    "move or retire the units below it first: " + String.join(", ", children));
        }
        apply(new UnitRetiredEvent(unitId, command.reason().strip()));
        return AggregateLifecycle.getVersion();
    }

    private void requireActive() {
        if (retired) {
            throw new StateConflictException("unit-retired", null, "unit " + unitId + " is retired");
        }
    }

    @EventSourcingHandler
    void on(UnitRegisteredEvent event) {
        this.unitId = event.unitId();
        this.parentId = event.parentId();
    }

    @EventSourcingHandler
    void on(UnitMovedEvent event) {
        this.parentId = event.toParentId();
    }

    @EventSourcingHandler
    void on(UnitRetiredEvent event) {
        this.retired = true;
    }
}
