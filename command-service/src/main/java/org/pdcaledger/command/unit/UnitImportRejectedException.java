package org.pdcaledger.command.unit;

import java.util.List;

import org.pdcaledger.kernel.common.RuleViolationException;

/**
 * A unit-tree CSV was rejected as a whole; nothing was stored. Carries every problem found, by row and column.
 */
class UnitImportRejectedException extends RuleViolationException {

    private final transient List<UnitTreeImport.RowProblem> problems;

    UnitImportRejectedException(List<UnitTreeImport.RowProblem> problems) {
        super("unit-import-invalid", problems.get(0).column(),
                problems.size() == 1 ? "row " + problems.get(0).row() + ": " + problems.get(0).message()
                        : problems.size() + " problems in the file; nothing was stored");
        this.problems = List.copyOf(problems);
    }

    List<UnitTreeImport.RowProblem> problems() {
        return problems;
    }
}
