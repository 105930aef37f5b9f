package org.pdcaledger.command.feedback;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * A table exported by a hotline system, read into a header and rows of text cells, whatever the file was:
 * <ul>
 * <li>XLSX or old XLS (recognised by their first bytes, not by the declared type): the named sheet or the first;
 * date cells become {@code yyyy-MM-dd}, numbers are shown as Excel shows them, formulas are evaluated;</li>
 * <li>CSV (comma, or tab when the header has tabs and no commas) in the given charset, else UTF-8 when there is
 * a byte-order mark or the bytes are valid UTF-8, else GB18030 (a superset of GBK, which Chinese government systems
 * export by default).</li>
 * </ul>
 * Row numbers are those a person sees when opening the file in a spreadsheet (the header is usually row 1). Rows
 * whose cells are all empty are skipped.
 */
final class FeedbackSheet {

    static final Charset GB18030 = Charset.forName("GB18030");
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    /** One data row: its number in the file and its cells, trimmed, never {@code null}. */
    record SheetRow(int number, List<String> cells) {

        String cell(int index) {
            return index >= 0 && index < cells.size() ? cells.get(index) : "";
        }
    }

    private final String format;
    private final List<String> header;
    private final List<SheetRow> rows;

    private FeedbackSheet(String format, List<String> header, List<SheetRow> rows) {
        this.format = format;
        this.header = header;
        this.rows = rows;
    }

    /** {@code XLSX}, {@code XLS} or {@code CSV (charset)}: how the file was read, for the report. */
    String format() {
        return format;
    }

    List<String> header() {
        return header;
    }

    List<SheetRow> rows() {
        return rows;
    }

    /**
     * Reads {@code content}; {@code charset} (for CSV) and {@code sheetName} (for workbooks) may be {@code null}.
     * At most {@code maxRows} data rows are read; more is a problem of the whole file.
     *
     * @throws FeedbackImportRejectedException when the file cannot be read at all
     */
    static FeedbackSheet read(byte[] content, String charset, String sheetName, int maxRows) {
        if (content == null || content.length == 0) {
            throw FeedbackImportRejectedException.ofFile("file-empty", "file", "the file is empty");
        }
        if (startsWith(content, 0x50, 0x4B, 0x03, 0x04) || startsWith(content, 0xD0, 0xCF, 0x11, 0xE0)) {
            return readWorkbook(content, sheetName, maxRows);
        }
        return readCsv(content, charset, maxRows);
    }

    private static FeedbackSheet readWorkbook(byte[] content, String sheetName, int maxRows) {
        String format = content[0] == 0x50 ? "XLSX" : "XLS";
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            Sheet sheet = sheetName == null || sheetName.isBlank() ? workbook.getSheetAt(0)
                    : workbook.getSheet(sheetName.strip());
            if (sheet == null) {
                throw FeedbackImportRejectedException.ofFile("sheet-missing", "sheet", "the workbook has no sheet "
                        + sheetName + "; it has " + sheetNames(workbook));
            }
            DataFormatter formatter = new DataFormatter();
            FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            List<String> header = null;
            List<SheetRow> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < Math.max(row.getLastCellNum(), 0); i++) {
                    cells.add(text(row.getCell(i), formatter, evaluator));
                }
                if (cells.stream().allMatch(String::isEmpty)) {
                    continue;
                }
                if (header == null) {
                    header = cells;
                } else {
                    if (rows.size() == maxRows) {
                        throw tooManyRows(maxRows);
                    }
                    rows.add(new SheetRow(row.getRowNum() + 1, cells));
                }
            }
            return new FeedbackSheet(format, header == null ? List.of() : header, rows);
        } catch (EncryptedDocumentException e) {
            throw FeedbackImportRejectedException.ofFile("file-encrypted", "file",
                    "the workbook is password-protected; save it without a password");
        } catch (IOException | RuntimeException e) {
            if (e instanceof FeedbackImportRejectedException rejected) {
                throw rejected;
            }
            throw FeedbackImportRejectedException.ofFile("file-unreadable", "file",
                    "the file looks like a spreadsheet but cannot be read: " + e.getMessage());
        }
    }

    private static String text(Cell cell, DataFormatter formatter, FormulaEvaluator evaluator) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? evaluator.evaluateFormulaCell(cell)
                : cell.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().format(ISO_DATE);
        }
        return formatter.formatCellValue(cell, evaluator).strip();
    }

    private static List<String> sheetNames(Workbook workbook) {
        List<String> names = new ArrayList<>();
        workbook.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    private static FeedbackSheet readCsv(byte[] content, String charsetName, int maxRows) {
        Charset charset;
        int offset = 0;
        if (charsetName != null && !charsetName.isBlank()) {
            try {
                charset = Charset.forName(charsetName.strip());
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw FeedbackImportRejectedException.ofFile("charset-unknown", "charset",
                        "unknown character set " + charsetName + "; use UTF-8 or GBK");
            }
        } else if (startsWith(content, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            offset = 3;
        } else {
            charset = isUtf8(content) ? StandardCharsets.UTF_8 : GB18030;
        }
        String text = new String(content, offset, content.length - offset, charset);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = firstLine.indexOf('\t') >= 0 && firstLine.indexOf(',') < 0 ? '\t' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        List<String> header = null;
        List<SheetRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                List<String> cells = record.stream().map(c -> c == null ? "" : c.strip()).toList();
                if (cells.stream().allMatch(String::isEmpty)) {
                    continue;
                }
                if (header == null) {
                    header = cells;
                } else {
                    if (rows.size() == maxRows) {
                        throw tooManyRows(maxRows);
                    }
                    rows.add(new SheetRow((int) record.getRecordNumber(), cells));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw FeedbackImportRejectedException.ofFile("csv-malformed", "file",
                    "the file is not well-formed CSV: " + e.getMessage());
        }
        String name = charset.equals(GB18030) ? "GBK" : charset.name();
        return new FeedbackSheet("CSV (" + name + ")", header == null ? List.of() : header, rows);
    }

    private static FeedbackImportRejectedException tooManyRows(int maxRows) {
        return FeedbackImportRejectedException.ofFile("too-many-rows", "file",
                "an import takes at most " + maxRows + " rows; split the file");
    }

    static boolean isUtf8(byte[] content) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
