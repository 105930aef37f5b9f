package org.pdcaledger.command.feedback;

import java.util.List;

import org.pdcaledger.kernel.common.RuleViolationException;

/**
 * An import that stores nothing: the file cannot be read or mapped (every problem listed), or it was run
 * all-or-nothing and some rows were rejected (the report says which). Answered with 422.
 */
class FeedbackImportRejectedException extends RuleViolationException {

    /** One problem with the file as a whole: which part of the request (file, mapping.text, charset …). */
    record FileProblem(String field, String code, String message) {
    }

    private final List<FileProblem> problems;
    private final transient FeedbackImportReport report;

    private FeedbackImportRejectedException(String code, String field, String message, List<FileProblem> problems,
            FeedbackImportReport report) {
        super(code, field, message);
        this.problems = List.copyOf(problems);
        this.report = report;
    }

    static FeedbackImportRejectedException ofFile(String code, String field, String message) {
        return ofFile(List.of(new FileProblem(field, code, message)));
    }

    static FeedbackImportRejectedException ofFile(List<FileProblem> problems) {
        FileProblem first = problems.get(0);
        String message = problems.size() == 1 ? first.message()
                : problems.size() + " problems with the file; see errors";
        return new FeedbackImportRejectedException(first.code(), first.field(), message, problems, null);
    }

    static FeedbackImportRejectedException refused(FeedbackImportReport report) {
        return new FeedbackImportRejectedException("import-refused", null, report.rejected().size()
                + " rows were rejected and the import was all-or-nothing: nothing was stored", List.of(), report);
    }

    List<FileProblem> problems() {
        return problems;
    }

    /** The report of a refused all-or-nothing import; {@code null} for a problem with the file. */
    FeedbackImportReport report() {
        return report;
    }
}
