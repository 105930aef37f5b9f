package org.pdcaledger.query.dashboard;

import java.util.List;

/**
 * A table to export: a sheet name, the column headers and the rows, already in the reader's language. Cells are
 * strings, numbers or {@code null} (empty).
 */
record ExportTable(String sheetName, List<String> headers, List<List<Object>> rows) {
}
