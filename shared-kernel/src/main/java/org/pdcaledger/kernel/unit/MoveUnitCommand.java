package org.pdcaledger.kernel.unit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Move a unit, with its whole subtree, under another parent (a reorganisation: a division changes bureau).
 * A unit cannot move under itself or anything below it, so the tree stays a tree.
 *
 * @param newParentId     the unit that becomes the parent
 * @param expectedVersion the unit version the caller saw; a stale version is refused
 */
public record MoveUnitCommand(
        @TargetAggregateIdentifier String unitId,
        String newParentId,
        @TargetAggregateVersion Long expectedVersion) {
}
