package org.pdcaledger.command.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pdcaledger.command.support.CommandServiceTest;
import org.pdcaledger.kernel.feedback.FeedbackChannel;
import org.pdcaledger.kernel.feedback.FeedbackKind;
import org.pdcaledger.kernel.feedback.FeedbackRecordedEvent;
import org.pdcaledger.support.security.TestIdentityTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/**
 * Imports of hotline exports over HTTP against the real event store: dry run and real run agree, duplicates in the
 * file and against stored items are skipped and reported, bad rows are reported by number and reason, and the
 * usual encodings and formats of Chinese government exports are read.
 */
@CommandServiceTest
class FeedbackImportHttpTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    static final String MAPPING = """
            {"externalId":"工单编号","receivedOn":"受理时间","kind":"诉求类型","category":"问题分类",
             "text":"诉求内容","satisfaction":"满意度","unitCode":"承办单位","indicators":"关联指标",
             "defaultChannel":"HOTLINE_12345","defaultFramework":"GOV-OPS-QUALITY"}""";
    static final String HEADER = "工单编号,受理时间,诉求类型,问题分类,诉求内容,满意度,承办单位,关联指标\n";

    @Autowired
    MockMvc http;
    @Autowired
    EventStore eventStore;

    private String bureauA;
    private String divisionCode;
    private String division;
    private String bureauBCode;
    private String improver;
    private String run;

    @BeforeEach
    void registerUnits() throws Exception {
        String city = FeedbackCommandHttpTest.register(http, "CITY", null);
        bureauA = FeedbackCommandHttpTest.register(http, "BA", city);
        division = FeedbackCommandHttpTest.register(http, "DA", bureauA);
        String bureauB = FeedbackCommandHttpTest.register(http, "BB", city);
        divisionCode = code(division);
        bureauBCode = code(bureauB);
        improver = "Bearer " + TestIdentityTokens.person("li", "IMPROVER@" + bureauA);
        run = UUID.randomUUID().toString().substring(0, 6);
    }

    private String code(String unitId) {
        return eventStore.readEvents(unitId).asStream().findFirst()
                .map(e -> ((org.pdcaledger.kernel.unit.UnitRegisteredEvent) e.getPayload()).code()).orElseThrow();
    }

    private String id(String n) {
        return "GD-" + run + "-" + n;
    }

    /** Rows 2–9: four good, one duplicate of row 2, three bad (date, unit outside, score); row 10 stored before. */
    private String file() {
        return HEADER
                + id("1") + "," + TODAY.minusDays(3) + ",投诉,办事效率,市民来电（13812345678）反映排队两小时,不满意,,accessibility\n"
                + id("2") + "," + TODAY.minusDays(2).toString().replace('-', '/') + " 09:15,建议,窗口服务,"
                + "\"建议增加周末窗口, 方便上班族\",4," + divisionCode + ",\"accessibility, agility\"\n"
                + id("3") + ",2026年1月5日,表扬,服务态度,感谢窗口工作人员耐心解答,非常满意,,\n"
                + id("1") + "," + TODAY.minusDays(3) + ",投诉,办事效率,同一工单重复导出,,,\n"
                + id("4") + ",2026-02-30,投诉,办事效率,日期错误的一行,,,\n"
                + id("5") + "," + TODAY.minusDays(1) + ",投诉,办事效率,别的委办局的工单,,"
                + bureauBCode + ",\n"
                + id("6") + "," + TODAY.minusDays(1) + ",咨询,政策咨询,身份证11010519491231002X能否异地办理,7,,\n"
                + id("7") + "," + TODAY.minusDays(1) + ",投诉,办事效率,电话010-12345678无人接听,2,,agility\n"
                + id("9") + "," + TODAY.minusDays(1) + ",投诉,办事效率,已单独录入的工单,,,\n";
    }

    private ResultActions importRaw(String token, byte[] content, String contentType, String query) throws Exception {
        var request = post("/api/feedback/imports").param("unit", bureauA).param("mapping", MAPPING)
                .header("Authorization", token).contentType(contentType).content(content);
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                request.param(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        return http.perform(request);
    }

    private void storeSingly(String externalId) throws Exception {
        http.perform(post("/api/feedback").header("Authorization", improver).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"unitId":"%s","channel":"HOTLINE_12345","externalId":"%s","receivedOn":"%s",
                                 "category":"办事效率","text":"已单独录入的工单"}""".formatted(bureauA, externalId, TODAY)))
                .andExpect(status().isCreated());
    }

    private static Map<String, Object> lists(String json) {
        return Map.of("accepted", JsonPath.read(json, "$.accepted"), "duplicates", JsonPath.read(json, "$.duplicates"),
                "rejected", JsonPath.read(json, "$.rejected"), "refused", JsonPath.read(json, "$.refused"));
    }

    @Test
    void dryRunAndRealRun_agree_goodRowsAreStored_duplicatesSkipped_badRowsReportedByNumberAndReason()
            throws Exception {
        storeSingly(id("9"));
        byte[] csv = file().getBytes(StandardCharsets.UTF_8);

        String dry = importRaw(improver, csv, "text/csv", "&dryRun=true")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dryRun").value(true))
                .andExpect(jsonPath("$.rows").value(9))
                .andExpect(jsonPath("$.stored").value(0))
                .andExpect(jsonPath("$.format").value("CSV (UTF-8)"))
                .andExpect(jsonPath("$.accepted[*].row").value(org.hamcrest.Matchers.contains(2, 3, 4, 9)))
                .andExpect(jsonPath("$.duplicates[*].row").value(org.hamcrest.Matchers.contains(5, 10)))
                .andExpect(jsonPath("$.duplicates[0].sameAsRow").value(2))
                .andExpect(jsonPath("$.duplicates[1].sameAsRow").doesNotExist())
                .andExpect(jsonPath("$.rejected[*].row").value(org.hamcrest.Matchers.contains(6, 7, 8)))
                .andExpect(jsonPath("$.rejected[0].problems[0].column").value("受理时间"))
                .andExpect(jsonPath("$.rejected[0].problems[0].code").value("date-invalid"))
                .andExpect(jsonPath("$.rejected[1].problems[0].column").value("承办单位"))
                .andExpect(jsonPath("$.rejected[1].problems[0].code").value("unit-unknown"))
                .andExpect(jsonPath("$.rejected[2].problems[0].column").value("满意度"))
                .andExpect(jsonPath("$.rejected[2].problems[0].code").value("satisfaction-out-of-range"))
                .andExpect(jsonPath("$.accepted[0].text").value("市民来电（[手机号]）反映排队两小时"))
                .andExpect(jsonPath("$.accepted[0].satisfaction").value(2))
                .andExpect(jsonPath("$.accepted[1].unitId").value(division))
                .andExpect(jsonPath("$.accepted[1].kind").value("SUGGESTION"))
                .andExpect(jsonPath("$.accepted[1].text").value("建议增加周末窗口, 方便上班族"))
                .andExpect(jsonPath("$.accepted[1].indicators.length()").value(2))
                .andExpect(jsonPath("$.accepted[2].receivedOn").value("2026-01-05"))
                .andExpect(jsonPath("$.accepted[3].text").value("电话[电话]无人接听"))
                .andReturn().getResponse().getContentAsString();
        String firstId = JsonPath.read(dry, "$.accepted[0].feedbackId");
        assertThat(eventStore.lastSequenceNumberFor(firstId)).isEmpty();

        String real = importRaw(improver, csv, "text/csv", "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dryRun").value(false))
                .andExpect(jsonPath("$.stored").value(4))
                .andReturn().getResponse().getContentAsString();

        assertThat(lists(real)).isEqualTo(lists(dry));
        String importId = JsonPath.read(real, "$.importId");
        List<String> ids = JsonPath.read(real, "$.accepted[*].feedbackId");
        for (String stored : ids) {
            FeedbackRecordedEvent event = (FeedbackRecordedEvent) eventStore.readEvents(stored).asStream()
                    .findFirst().orElseThrow().getPayload();
            assertThat(event.importId()).isEqualTo(importId);
            assertThat(event.channel()).isEqualTo(FeedbackChannel.HOTLINE_12345);
            assertThat(event.text()).doesNotContainPattern("[0-9]{7,}");
        }
        FeedbackRecordedEvent praise = (FeedbackRecordedEvent) eventStore.readEvents(ids.get(2)).asStream()
                .findFirst().orElseThrow().getPayload();
        assertThat(praise.kind()).isEqualTo(FeedbackKind.PRAISE);
        assertThat(praise.satisfaction()).isEqualTo(5);

        importRaw(improver, csv, "text/csv", "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stored").value(0))
                .andExpect(jsonPath("$.accepted.length()").value(0))
                .andExpect(jsonPath("$.duplicates[*].row").value(org.hamcrest.Matchers.contains(2, 3, 4, 5, 9, 10)));
    }

    @Test
    void allOrNothing_storesNothing_whenARowIsRejected_andTheDryRunSaysSo() throws Exception {
        byte[] csv = file().getBytes(StandardCharsets.UTF_8);

        importRaw(improver, csv, "text/csv", "&dryRun=true&allOrNothing=true")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.refused").value(true));
        String problem = importRaw(improver, csv, "text/csv", "&allOrNothing=true")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("import-refused"))
                .andExpect(jsonPath("$.report.rejected.length()").value(3))
                .andReturn().getResponse().getContentAsString();

        List<String> ids = JsonPath.read(problem, "$.report.accepted[*].feedbackId");
        assertThat(ids).hasSize(5);
        ids.forEach(id -> assertThat(eventStore.lastSequenceNumberFor(id)).as(id).isEmpty());
    }

    @Test
    void aGbkExport_withoutByteOrderMark_isReadAsGbk_andAUtf8ExportWithBom_asUtf8() throws Exception {
        String csv = HEADER + id("g1") + "," + TODAY + ",投诉,办事效率,反映办事大厅空调不制冷，联系人手机139-1234-5678,,,\n";

        importRaw(improver, csv.getBytes(Charset.forName("GBK")), "text/csv", "&dryRun=true")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.format").value("CSV (GBK)"))
                .andExpect(jsonPath("$.accepted[0].text").value("反映办事大厅空调不制冷，联系人手机[手机号]"))
                .andExpect(jsonPath("$.accepted[0].category").value("办事效率"));

        ByteArrayOutputStream bom = new ByteArrayOutputStream();
        bom.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bom.write(csv.getBytes(StandardCharsets.UTF_8));
        importRaw(improver, bom.toByteArray(), "text/csv", "&dryRun=true")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.format").value("CSV (UTF-8)"))
                .andExpect(jsonPath("$.accepted[0].externalId").value(id("g1")));
    }

    @Test
    void anXlsxExport_withDateAndNumberCells_isImported_fromAMultipartForm() throws Exception {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("工单");
            CellStyle dates = workbook.createCellStyle();
            dates.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            String[] header = HEADER.strip().split(",");
            Row first = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                first.createCell(i).setCellValue(header[i]);
            }
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(id("x1"));
            row.createCell(1).setCellValue(TODAY.minusDays(4).atTime(14, 30));
            row.getCell(1).setCellStyle(dates);
            row.createCell(2).setCellValue("投诉");
            row.createCell(3).setCellValue("办事效率");
            row.createCell(4).setCellValue("身份证号110101199003071234的材料被退回三次");
            row.createCell(5).setCellValue(1);
            row.createCell(7).setCellValue("GOV-OPS-QUALITY/agility");
            sheet.createRow(2);
            Row bad = sheet.createRow(3);
            bad.createCell(0).setCellValue(id("x2"));
            bad.createCell(1).setCellValue(TODAY.toString());
            bad.createCell(3).setCellValue("办事效率");
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        MockMultipartFile file = new MockMultipartFile("file", "12345工单.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx);
        MockMultipartFile mapping = new MockMultipartFile("mapping", "", MediaType.APPLICATION_JSON_VALUE,
                MAPPING.getBytes(StandardCharsets.UTF_8));

        http.perform(multipart("/api/feedback/imports").file(file).file(mapping).param("unit", bureauA)
                        .header("Authorization", improver))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.format").value("XLSX"))
                .andExpect(jsonPath("$.stored").value(1))
                .andExpect(jsonPath("$.accepted[0].row").value(2))
                .andExpect(jsonPath("$.accepted[0].receivedOn").value(TODAY.minusDays(4).toString()))
                .andExpect(jsonPath("$.accepted[0].satisfaction").value(1))
                .andExpect(jsonPath("$.accepted[0].text").value("身份证号[身份证号]的材料被退回三次"))
                .andExpect(jsonPath("$.rejected[0].row").value(4))
                .andExpect(jsonPath("$.rejected[0].problems[0].column").value("诉求内容"))
                .andExpect(jsonPath("$.rejected[0].problems[0].code").value("text-missing"));
    }

    @Test
    void aFileWhoseColumnsDoNotMatchTheMapping_isRejectedWhole_namingEachMappingField() throws Exception {
        String csv = "编号,日期,内容\nA1,2026-01-01,排队\n";
        importRaw(improver, csv.getBytes(StandardCharsets.UTF_8), "text/csv", "&dryRun=true")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("column-missing"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems(
                        "mapping.externalId", "mapping.receivedOn", "mapping.text")));
        http.perform(post("/api/feedback/imports").param("unit", bureauA)
                        .param("mapping", "{\"text\":\"内容\",\"colour\":\"red\"}")
                        .header("Authorization", improver).contentType("text/csv").content(csv))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("mapping.colour"));
    }

    @Test
    void anImportForAUnitOutsideTheCallersScope_isForbidden_beforeTheFileIsRead() throws Exception {
        String other = "Bearer " + TestIdentityTokens.person("zhao", "IMPROVER@" + division);
        importRaw(other, "not,a,valid\n".getBytes(StandardCharsets.UTF_8), "text/csv", "&dryRun=true")
                .andExpect(status().isForbidden());
        importRaw("Bearer " + TestIdentityTokens.person("wang", "LEADER@" + bureauA),
                file().getBytes(StandardCharsets.UTF_8), "text/csv", "&dryRun=true")
                .andExpect(status().isForbidden());
    }
}
