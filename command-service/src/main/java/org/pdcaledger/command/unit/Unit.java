package org.pdcaledger.command.unit;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.pdcaledger.kernel.access.Role;
import org.pdcaledger.kernel.common.RuleViolationException;
import org.pdcaledger.kernel.unit.RegisterUnitCommand;
import org.pdcaledger.kernel.unit.RenameUnitCommand;
import org.pdcaledger.kernel.unit.UnitRegisteredEvent;
import org.pdcaledger.kernel.unit.UnitRenamedEvent;
import org.pdcaledger.support.security.Caller;
import org.pdcaledger.support.security.ScopeGuard;

/**
 * A government unit in the unit tree.
 */
@Aggregate
class Unit {

    @AggregateIdentifier
    private String unitId;

    Unit() {
        // for Axon
    }

    @CommandHandler
    Unit(RegisterUnitCommand command, Caller caller, ScopeGuard scopes, UnitTreeTable tree) {
        if (command.parentId() == null) {
            scopes.require(caller, org.pdcaledger.kernel.access.Grant.ALL_UNITS, Role.ADMIN);
        } else {
            if (!tree.exists(command.parentId())) {
                throw new RuleViolationException("parent-unknown", "parentId",
                        "there is no unit " + command.parentId() + " to register under");
            }
            scopes.require(caller, command.parentId(), Role.ADMIN);
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

    @EventSourcingHandler
    void on(UnitRegisteredEvent event) {
        this.unitId = event.unitId();
    }
}
