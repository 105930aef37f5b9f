package org.pdcaledger.query.dashboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * Writes a table as CSV (commons-csv, Excel dialect, UTF-8 with a byte order mark so Excel shows Chinese) or XLSX
 * (Apache POI), and decides the language of the headers from {@code Accept-Language}.
 */
final class TableExport {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private TableExport() {
    }

    /**
     * Chinese when {@code Accept-Language} prefers Chinese to English (the first of the two in quality order),
     * English otherwise — also when the header is missing.
     */
    static boolean chinese(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return false;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String language = range.getRange().toLowerCase(Locale.ROOT);
                if (range.getWeight() <= 0) {
                    continue;
                }
                if (language.startsWith("zh")) {
                    return true;
                }
                if (language.startsWith("en")) {
                    return false;
                }
            }
        } catch (IllegalArgumentException e) {
            return false;
        }
        return false;
    }

    static ResponseEntity<byte[]> write(ExportTable table, ExportFormat format, String fileName) {
        byte[] body = switch (format) {
            case CSV -> csv(table);
            case XLSX -> xlsx(table);
            case JSON -> throw new IllegalArgumentException("JSON is written by the message converters");
        };
        String name = fileName + "." + format.extension();
        return ResponseEntity.ok()
                .contentType(format.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]",
                        "_") + "\"; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8))
                .body(body);
    }

    static byte[] csv(ExportTable table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            out.write(BOM);
            try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                    CSVPrinter printer = new CSVPrinter(writer, CSVFormat.EXCEL.builder()
                            .setHeader(table.headers().toArray(String[]::new)).get())) {
                for (List<Object> row : table.rows()) {
                    printer.printRecord(row.stream().map(TableExport::text).toList());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] xlsx(ExportTable table) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(table.sheetName()));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int c = 0; c < table.headers().size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(table.headers().get(c));
                cell.setCellStyle(bold);
            }
            for (int r = 0; r < table.rows().size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> values = table.rows().get(r);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    if (value instanceof Number number) {
                        row.createCell(c).setCellValue(number.doubleValue());
                    } else if (value != null) {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double number && number == Math.rint(number) && !number.isInfinite()) {
            return Long.toString(number.longValue());
        }
        return value.toString();
    }
}
