package org.pdcaledger.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.pdcaledger.kernel.common.LocalizedName;
import org.pdcaledger.kernel.initiative.CheckResult;
import org.pdcaledger.kernel.initiative.InitiativeStage;
import org.pdcaledger.kernel.maturity.HeatMap;
import org.pdcaledger.kernel.maturity.HeatMapCell;
import org.pdcaledger.kernel.maturity.HeatMapIndicator;
import org.pdcaledger.kernel.maturity.HeatMapRow;
import org.pdcaledger.kernel.maturity.InitiativeList;
import org.pdcaledger.kernel.maturity.InitiativeRow;
import org.pdcaledger.kernel.maturity.Ranking;
import org.pdcaledger.kernel.maturity.RankingCorrection;
import org.pdcaledger.kernel.maturity.RankingEntry;
import org.pdcaledger.query.maturity.Periods;

class DashboardExportTest {

    private static final LocalizedName BUREAU_A = new LocalizedName("甲局", "Bureau A");
    private static final LocalizedName BUREAU_B = new LocalizedName("乙局", "Bureau B");

    private static Ranking ranking() {
        return new Ranking("u-c", "MX", Periods.parse("2026-Q2"), Periods.parse("2026-Q1"),
                LocalDate.parse("2026-06-30"), Instant.parse("2026-07-11T00:00:00Z"), true, true,
                Instant.parse("2026-07-20T00:00:00Z"), Instant.parse("2026-07-11T00:00:00Z"), "rule",
                List.of(new RankingEntry(1, 1, "u-a", "A", BUREAU_A, 56.25, 25.0, 31.25),
                        new RankingEntry(2, 2, "u-b", "B", BUREAU_B, 50.0, 25.0, 25.0)),
                List.of(new RankingCorrection("u-b", "B", BUREAU_B, 50.0, 75.0, 25.0, 50.0)));
    }

    private static List<CSVRecord> parse(byte[] csv) throws IOException {
        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        return CSVFormat.EXCEL.parse(new StringReader(text)).getRecords();
    }

    @Test
    void rankingCsv_inChinese_hasABom_chineseHeaders_andTheCorrectionBesideTheFrozenValue() throws Exception {
        byte[] csv = TableExport.csv(DashboardTables.ranking(ranking(), true));

        List<CSVRecord> records = parse(csv);
        assertThat(records.get(0).values()).containsExactly("名次", "单位代码", "单位名称", "成熟度指数", "上期指数",
                "变化", "进步名次", "更正后指数", "更正后变化");
        assertThat(records.get(1).values()).containsExactly("1", "A", "甲局", "56.25", "25", "31.25", "1", "", "");
        assertThat(records.get(2).values()).containsExactly("2", "B", "乙局", "50", "25", "25", "2", "75", "50");
    }

    @Test
    void rankingXlsx_inEnglish_hasEnglishHeaders_andNumbersAsNumbers() throws Exception {
        byte[] xlsx = TableExport.xlsx(DashboardTables.ranking(ranking(), false));

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Ranking 2026-Q2");
            Row header = sheet.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Rank");
            assertThat(header.getCell(2).getStringCellValue()).isEqualTo("Unit");
            assertThat(header.getCell(7).getStringCellValue()).isEqualTo("Corrected index");
            Row first = sheet.getRow(1);
            assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(1.0);
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo("Bureau A");
            assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(56.25);
            assertThat(first.getCell(7)).isNull();
            assertThat(sheet.getRow(2).getCell(7).getNumericCellValue()).isEqualTo(75.0);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
        }
    }

    @Test
    void heatMapTable_hasALevelAndAGapColumnPerIndicator_namedInTheReadersLanguage() throws Exception {
        HeatMap map = new HeatMap("u-a", "MX", LocalDate.parse("2026-06-30"), null,
                List.of(new HeatMapIndicator("i1", new LocalizedName("规范性", "Standardisation"), "d1"),
                        new HeatMapIndicator("i2", new LocalizedName("集成性", "Integration"), "d1")),
                List.of(new HeatMapRow("u-a", "A", BUREAU_A, 50.0, List.of(new HeatMapCell("i1", 5, 5, 0),
                        new HeatMapCell("i2", 3, 4, 1))), new HeatMapRow("u-a1", "A1", BUREAU_B, null,
                        List.of(new HeatMapCell("i1", null, null, null), new HeatMapCell("i2", null, null, null)))));

        List<CSVRecord> zh = parse(TableExport.csv(DashboardTables.heatMap(map, true)));
        assertThat(zh.get(0).values()).containsExactly("单位代码", "单位名称", "成熟度指数", "规范性 现状等级",
                "规范性 差距", "集成性 现状等级", "集成性 差距");
        assertThat(zh.get(1).values()).containsExactly("A", "甲局", "50", "5", "0", "3", "1");
        assertThat(zh.get(2).values()).containsExactly("A1", "乙局", "", "", "", "", "");

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                TableExport.xlsx(DashboardTables.heatMap(map, false))))) {
            Row header = workbook.getSheetAt(0).getRow(0);
            assertThat(header.getCell(3).getStringCellValue()).isEqualTo("Standardisation level");
            assertThat(header.getCell(6).getStringCellValue()).isEqualTo("Integration gap");
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(6).getNumericCellValue()).isEqualTo(1.0);
        }
    }

    @Test
    void initiativeList_inChinese_namesStagesAndConclusionsInChinese() throws Exception {
        InitiativeList list = new InitiativeList("u-a", LocalDate.parse("2026-06-30"), List.of(new InitiativeRow(
                "in-2", "u-a", "A", BUREAU_A, "公文办理提速", "李", InitiativeStage.EXECUTION, 1, List.of("MX/i3"),
                CheckResult.PARTLY_MET, 1, 1, true, LocalDate.parse("2026-05-01"), LocalDate.parse("2026-05-11"))));

        List<CSVRecord> zh = parse(TableExport.csv(DashboardTables.initiatives(list, true)));
        assertThat(zh.get(0).get(3)).isEqualTo("举措名称");
        assertThat(zh.get(1).values()).containsExactly("in-2", "A", "甲局", "公文办理提速", "李", "执行管理", "1",
                "MX/i3", "部分达成", "1", "1", "是", "2026-05-01", "2026-05-11");

        List<CSVRecord> en = parse(TableExport.csv(DashboardTables.initiatives(list, false)));
        assertThat(en.get(0).get(5)).isEqualTo("Stage");
        assertThat(en.get(1).get(5)).isEqualTo("execution");
        assertThat(en.get(1).get(8)).isEqualTo("partly met");
    }

    @Test
    void theFormat_comesFromTheParameter_elseFromAccept_elseJson() {
        assertThat(ExportFormat.choose("csv", "application/json")).isEqualTo(ExportFormat.CSV);
        assertThat(ExportFormat.choose(null, "text/csv")).isEqualTo(ExportFormat.CSV);
        assertThat(ExportFormat.choose(null,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).isEqualTo(ExportFormat.XLSX);
        assertThat(ExportFormat.choose(null, "application/json;q=0.5, text/csv")).isEqualTo(ExportFormat.CSV);
        assertThat(ExportFormat.choose(null, "*/*")).isEqualTo(ExportFormat.JSON);
        assertThat(ExportFormat.choose(null, null)).isEqualTo(ExportFormat.JSON);
    }

    @Test
    void chineseHeaders_whenAcceptLanguagePrefersChinese_englishOtherwise() {
        assertThat(TableExport.chinese("zh-CN,zh;q=0.9,en;q=0.8")).isTrue();
        assertThat(TableExport.chinese("en-US,en;q=0.9,zh-CN;q=0.8")).isFalse();
        assertThat(TableExport.chinese("fr, zh-CN;q=0.5")).isTrue();
        assertThat(TableExport.chinese(null)).isFalse();
        assertThat(TableExport.chinese("de")).isFalse();
    }
}
