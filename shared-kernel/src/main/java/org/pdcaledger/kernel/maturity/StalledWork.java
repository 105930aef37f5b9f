package org.pdcaledger.kernel.maturity;

import java.time.LocalDate;
import java.util.List;

/**
 * Work that needs a leader's attention in a unit's contributing subtree, as of a date: active initiatives with no
 * event for {@code stalledAfterDays}, open actions past their due date, and open gaps nobody works on.
 */
public record StalledWork(
        String unitId,
        String frameworkCode,
        LocalDate asOf,
        int stalledAfterDays,
        List<StalledInitiative> stalled,
        List<OverdueAction> overdueActions,
        List<UncoveredGap> gapsWithoutInitiative) {
}
