package org.pdcaledger.kernel.maturity;

import java.time.LocalDate;
import java.util.List;

/**
 * Whether improvement moves maturity: for each standardised initiative of the contributing subtree, each linked
 * indicator of the framework before the launch and at the next finalised assessment.
 */
public record ImprovementEvidence(
        String unitId,
        String frameworkCode,
        LocalDate asOf,
        List<EvidenceEntry> entries) {
}
