package org.pdcaledger.command.unit;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.pdcaledger.kernel.unit.RegisterUnitCommand;
import org.pdcaledger.kernel.unit.RenameUnitCommand;
import org.pdcaledger.kernel.unit.UnitRegisteredEvent;
import org.pdcaledger.kernel.unit.UnitRenamedEvent;

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
    Unit(RegisterUnitCommand command) {
        apply(new UnitRegisteredEvent(command.unitId(), command.code(), command.name(), command.parentId()));
    }

    @CommandHandler
    long handle(RenameUnitCommand command) {
        apply(new UnitRenamedEvent(unitId, command.name()));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(UnitRegisteredEvent event) {
        this.unitId = event.unitId();
    }
}
