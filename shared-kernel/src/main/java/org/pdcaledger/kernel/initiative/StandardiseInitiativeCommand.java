package org.pdcaledger.kernel.initiative;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Act on a checked cycle by adopting the change as the new standard (标准化): the initiative completes.
 *
 * @param standardised      what was made standard, e.g. the procedure step or work instruction that changed
 * @param documentReference the procedure or work document that records it, e.g. {@code 程序文件 QP-07 第3版}; optional
 */
public record StandardiseInitiativeCommand(
        @TargetAggregateIdentifier String initiativeId,
        String standardised,
        String documentReference,
        @TargetAggregateVersion Long expectedVersion) {
}
