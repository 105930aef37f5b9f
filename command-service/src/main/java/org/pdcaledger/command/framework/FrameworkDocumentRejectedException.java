package org.pdcaledger.command.framework;

import java.util.List;

import org.pdcaledger.kernel.common.RuleViolationException;

/**
 * A framework document was rejected as a whole; nothing was stored. Carries every problem found, each with its
 * path in the document.
 */
public class FrameworkDocumentRejectedException extends RuleViolationException {

    private final transient List<DocumentProblem> problems;
    private final boolean unreadable;

    FrameworkDocumentRejectedException(List<DocumentProblem> problems, boolean unreadable) {
        super(unreadable ? "framework-unreadable" : "framework-invalid", problems.get(0).field(),
                problems.size() == 1 ? problems.get(0).field() + ": " + problems.get(0).message()
                        : problems.size() + " problems in the framework document; nothing was stored");
        this.problems = List.copyOf(problems);
        this.unreadable = unreadable;
    }

    public List<DocumentProblem> problems() {
        return problems;
    }

    /** The document could not even be parsed (as opposed to parsed and found wrong). */
    public boolean unreadable() {
        return unreadable;
    }
}
