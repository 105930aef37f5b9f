package org.pdcaledger.command.feedback;

import java.time.LocalDate;
import java.util.List;

import org.pdcaledger.kernel.feedback.FeedbackChannel;
import org.pdcaledger.kernel.feedback.FeedbackIndicator;
import org.pdcaledger.kernel.feedback.FeedbackKind;

/**
 * What an import did, or in a dry run would do, row by row: the rows it stores (with the masked text exactly as it
 * will be stored), the duplicates it skips, and every rejected row with its number and reasons. A dry run and the
 * real run of the same file against the same store give the same lists.
 *
 * @param importId     the id every stored item carries ({@code imp-UUID}); {@code null} in a dry run
 * @param format       how the file was read, e.g. {@code CSV (GBK)} or {@code XLSX}
 * @param rows         the number of data rows in the file (empty rows not counted)
 * @param stored       how many items were stored: {@code accepted.size()} after a real run, 0 in a dry run or when
 *                     the import was refused
 * @param refused      whether nothing is (or would be) stored because the import is all-or-nothing and rows were
 *                     rejected
 */
record FeedbackImportReport(
        String importId,
        boolean dryRun,
        boolean allOrNothing,
        String unitId,
        String format,
        int rows,
        int stored,
        boolean refused,
        List<AcceptedRow> accepted,
        List<DuplicateRow> duplicates,
        List<RejectedRow> rejected) {

    /** A row that is (or would be) stored as {@code feedbackId}. */
    record AcceptedRow(int row, String feedbackId, String unitId, FeedbackChannel channel, String externalId,
            LocalDate receivedOn, FeedbackKind kind, String category, String text, Integer satisfaction,
            List<FeedbackIndicator> indicators) {
    }

    /**
     * A row skipped because its channel and external id were seen before: on an earlier row of the file
     * ({@code sameAsRow}) or already stored ({@code sameAsRow} is {@code null}).
     */
    record DuplicateRow(int row, FeedbackChannel channel, String externalId, String feedbackId, Integer sameAsRow) {
    }

    /** A row that is not stored, with every reason. */
    record RejectedRow(int row, List<RowProblem> problems) {
    }

    /** One reason: the source column it is about ({@code null} for the whole row), a stable code, in words. */
    record RowProblem(String column, String code, String message) {
    }
}
