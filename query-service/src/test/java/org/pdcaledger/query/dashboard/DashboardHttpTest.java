package org.pdcaledger.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pdcaledger.kernel.assessment.AssessmentFinalisedEvent;
import org.pdcaledger.kernel.assessment.AssessmentKind;
import org.pdcaledger.kernel.assessment.AssessmentPeriod;
import org.pdcaledger.kernel.assessment.IndicatorRating;
import org.pdcaledger.kernel.assessment.PeriodType;
import org.pdcaledger.kernel.common.LocalizedName;
import org.pdcaledger.kernel.framework.FrameworkDefinition;
import org.pdcaledger.kernel.framework.FrameworkDimension;
import org.pdcaledger.kernel.framework.FrameworkIndicator;
import org.pdcaledger.kernel.framework.FrameworkVersionPublishedEvent;
import org.pdcaledger.kernel.framework.LevelDescriptor;
import org.pdcaledger.kernel.initiative.GapReference;
import org.pdcaledger.kernel.initiative.InitiativeLaunchedEvent;
import org.pdcaledger.kernel.initiative.Metric;
import org.pdcaledger.kernel.initiative.MetricDirection;
import org.pdcaledger.kernel.initiative.PlanRecordedEvent;
import org.pdcaledger.kernel.initiative.PlannedAction;
import org.pdcaledger.kernel.unit.UnitRegisteredEvent;
import org.pdcaledger.query.support.QueryServiceTest;
import org.pdcaledger.support.security.TestIdentityTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The maturity views over HTTP, as the leadership dashboard reads them, for a small city:
 * <pre>
 * DHC ── DHA (Q2 all 3/4 → 50) ── DHA1 (Q2 all 5/5 → 100)
 *     └─ DHB (Q2 all 2/4 → 25)
 * roll-up of DHA: (50 + 0.5 × 100) / 1.5 = 66.67; of DHC: (0.5 × 50 + 0.5 × 25 + 0.25 × 100) / 1.25 = 50
 * </pre>
 * Unit ids start with {@code dh-} and the framework is {@code DH}: the test context is shared with other tests.
 */
@QueryServiceTest
class DashboardHttpTest {

    private static final String FRAMEWORK = "DH";
    private static final String ADMIN = "Bearer " + TestIdentityTokens.person("admin", "ADMIN@*");
    private static final String MAYOR = "Bearer " + TestIdentityTokens.person("mayor", "LEADER@dh-city");
    private static final String LEADER_A = "Bearer " + TestIdentityTokens.person("leader-a", "LEADER@dh-a");
    private static final String LEADER_B = "Bearer " + TestIdentityTokens.person("leader-b", "LEADER@dh-b");
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    MockMvc http;
    @Autowired
    EventStore eventStore;

    private static boolean seeded;

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        Instant january = Instant.parse("2026-01-05T02:00:00Z");
        publish("Framework", "fw-dh", 0, new FrameworkVersionPublishedEvent("fw-dh", framework()), january);
        unit("dh-city", "DHC", null, january);
        unit("dh-a", "DHA", "dh-city", january);
        unit("dh-a1", "DHA1", "dh-a", january);
        unit("dh-b", "DHB", "dh-city", january);
        Instant lateJuly = Instant.parse("2026-07-03T02:00:00Z");
        publish("Assessment", "dh-a-q2", 0, finalised("dh-a-q2", "dh-a", 3, 4), lateJuly);
        publish("Assessment", "dh-a1-q2", 0, finalised("dh-a1-q2", "dh-a1", 5, 5), lateJuly);
        publish("Assessment", "dh-b-q2", 0, finalised("dh-b-q2", "dh-b", 2, 4), lateJuly);
        publish("Initiative", "dh-in-1", 0, new InitiativeLaunchedEvent("dh-in-1", "dh-a", "统一资源台账", "台账分散", "li",
                List.of("li"), List.of(new GapReference(FRAMEWORK, "i1")), new Metric("台账完整率", "%",
                        new BigDecimal("60"), new BigDecimal("95"), MetricDirection.HIGHER_IS_BETTER)),
                Instant.parse("2026-05-01T02:00:00Z"));
        publish("Initiative", "dh-in-1", 1, new PlanRecordedEvent("dh-in-1", 1, "objective", "hypothesis",
                "criterion", List.of(new PlannedAction("act-1", "盘点台账", "li", LocalDate.parse("2026-05-10")))),
                Instant.parse("2026-05-02T02:00:00Z"));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            String body = http.perform(get("/api/units/dh-a/maturity").param("framework", FRAMEWORK)
                    .param("asOf", "2026-06-30").header("Authorization", ADMIN)).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            return body.contains("\"index\":66.67") && body.contains("\"PLANNING\":1");
        });
        seeded = true;
    }

    private static FrameworkDefinition framework() {
        List<LevelDescriptor> levels = new ArrayList<>();
        for (int level = 1; level <= 5; level++) {
            levels.add(new LevelDescriptor(level, "第" + level + "级", "Level " + level));
        }
        return new FrameworkDefinition(FRAMEWORK, 1, new LocalizedName("仪表盘框架", "Dashboard"), null, List.of(
                new FrameworkDimension("d1", new LocalizedName("高效率管理", "Efficient management"), null, List.of(
                        new FrameworkIndicator("i1", new LocalizedName("规范性", "Standardisation"), null, levels),
                        new FrameworkIndicator("i2", new LocalizedName("集成性", "Integration"), null, levels)))));
    }

    private static AssessmentFinalisedEvent finalised(String id, String unitId, int current, int target) {
        return new AssessmentFinalisedEvent(id, unitId, FRAMEWORK, 1, new AssessmentPeriod(PeriodType.QUARTER,
                "2026-Q2"), AssessmentKind.SELF, List.of(new IndicatorRating("i1", current, target, "evidence", null),
                new IndicatorRating("i2", current, target, "evidence", null)), "wang", "zhao");
    }

    private void unit(String id, String code, String parent, Instant at) {
        publish("Unit", id, 0, new UnitRegisteredEvent(id, code, new LocalizedName("单位" + code, "Unit " + code),
                parent), at);
    }

    private void publish(String type, String aggregateId, long sequence, Object payload, Instant at) {
        eventStore.publish(new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, Map.of(),
                UUID.randomUUID().toString(), at));
    }

    @Test
    void unitMaturity_isServedWithItsRollUp_andHiddenFromAnotherBureau() throws Exception {
        http.perform(get("/api/units/dh-a/maturity").param("framework", FRAMEWORK).param("asOf", "2026-06-30")
                        .header("Authorization", LEADER_A))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.index").value(50.0))
                .andExpect(jsonPath("$.indicators[*].gap", contains(1, 1)))
                .andExpect(jsonPath("$.rollUp.index").value(66.67))
                .andExpect(jsonPath("$.rollUp.depthWeights", contains(1.0, 0.5, 0.25)))
                .andExpect(jsonPath("$.rollUp.contributors[*].unitCode", contains("DHA", "DHA1")))
                .andExpect(jsonPath("$.coverage.openGaps").value(2))
                .andExpect(jsonPath("$.coverage.coveredGaps").value(1));
        http.perform(get("/api/units/dh-a/maturity").param("framework", FRAMEWORK)
                        .header("Authorization", LEADER_B))
                .andExpect(status().isNotFound());
    }

    @Test
    void knownAt_showsWhatTheSystemShowedBeforeTheLateQ2Assessments() throws Exception {
        http.perform(get("/api/units/dh-a/maturity").param("framework", FRAMEWORK).param("asOf", "2026-06-30")
                        .param("knownAt", "2026-07-01T00:00:00Z").header("Authorization", LEADER_A))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.knownAt").value("2026-07-01T00:00:00Z"))
                .andExpect(jsonPath("$.indicators.length()").value(0))
                .andExpect(jsonPath("$.rollUp.index").doesNotExist());
    }

    @Test
    void ranking_listsOnlyTheChildrenTheCallerMaySee() throws Exception {
        // Q2 closed long ago: the ranking is frozen at the first read once the projection has caught up
        await().atMost(Duration.ofSeconds(20)).until(() -> http.perform(get("/api/rankings")
                .param("parent", "dh-city").param("framework", FRAMEWORK).param("period", "2026-Q2")
                .header("Authorization", MAYOR)).andReturn().getResponse().getContentAsString()
                .contains("\"frozen\":true"));
        http.perform(get("/api/rankings").param("parent", "dh-city").param("framework", FRAMEWORK)
                        .param("period", "2026-Q2").header("Authorization", MAYOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[*].unitCode", contains("DHA", "DHB")))
                .andExpect(jsonPath("$.entries[*].index", contains(66.67, 25.0)))
                .andExpect(jsonPath("$.tieBreak", containsString("unit code")))
                .andExpect(jsonPath("$.closed").value(true))
                .andExpect(jsonPath("$.frozen").value(true));
        http.perform(get("/api/rankings").param("parent", "dh-city").param("framework", FRAMEWORK)
                        .param("period", "2026-Q2").header("Authorization", LEADER_B))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[*].unitCode", contains("DHB")))
                .andExpect(jsonPath("$.entries[0].rank").value(1));
        http.perform(get("/api/rankings").param("parent", "dh-a").param("framework", FRAMEWORK)
                        .param("period", "2026-Q2").header("Authorization", LEADER_B))
                .andExpect(status().isNotFound());
    }

    @Test
    void aMalformedPeriod_isABadRequestNamingTheParameter() throws Exception {
        http.perform(get("/api/rankings").param("parent", "dh-city").param("framework", FRAMEWORK)
                        .param("period", "2026-Q5").header("Authorization", MAYOR))
                .andExpect(status().isBadRequest())
                .andExpect(content -> assertThat(content.getResponse().getContentAsString()).contains("period"));
    }

    @Test
    void rankingCsv_inChinese_isUtf8WithABom_andChineseColumnNames() throws Exception {
        byte[] csv = http.perform(get("/api/rankings").param("parent", "dh-city").param("framework", FRAMEWORK)
                        .param("period", "2026-Q2").header("Authorization", MAYOR)
                        .header("Accept", "text/csv").header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();

        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String[] lines = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines[0]).startsWith("名次,单位代码,单位名称,成熟度指数");
        assertThat(lines[1]).startsWith("1,DHA,单位DHA,66.67");
        assertThat(lines).hasSize(3);
    }

    @Test
    void heatMapXlsx_inEnglish_holdsLevelAndGapPerIndicator() throws Exception {
        byte[] xlsx = http.perform(get("/api/heatmap").param("parent", "dh-city").param("framework", FRAMEWORK)
                        .param("asOf", "2026-06-30").param("format", "xlsx").header("Authorization", MAYOR))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", XLSX))
                .andReturn().getResponse().getContentAsByteArray();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("Standardisation level");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("DHA");
            assertThat(sheet.getRow(2).getCell(3).getNumericCellValue()).isEqualTo(3.0);
            assertThat(sheet.getRow(2).getCell(4).getNumericCellValue()).isEqualTo(1.0);
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("DHB");
        }
    }

    @Test
    void initiativeListCsv_listsTheSubtreesInitiatives() throws Exception {
        byte[] csv = http.perform(get("/api/dashboard/initiatives").param("unit", "dh-city")
                        .param("asOf", "2026-06-30").param("format", "csv").header("Authorization", MAYOR))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).contains("ID,Unit code,Unit,Title,Owner,Stage");
        assertThat(text).contains("dh-in-1,DHA,Unit DHA,统一资源台账,li,planning,1,DH/i1,,1,1,yes");
    }

    @Test
    void theDashboard_answersEveryPartInOneCall() throws Exception {
        http.perform(get("/api/dashboard").param("unit", "dh-city").param("framework", FRAMEWORK)
                        .param("period", "2026-Q2").header("Authorization", MAYOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.asOf").value("2026-06-30"))
                .andExpect(jsonPath("$.maturity.rollUp.index").value(50.0))
                .andExpect(jsonPath("$.maturity.dimensions.length()").value(0))
                .andExpect(jsonPath("$.maturity.rollUp.dimensions[0].index").value(50.0))
                .andExpect(jsonPath("$.maturity.stages.PLANNING").value(1))
                .andExpect(jsonPath("$.ranking.entries[*].unitCode", contains("DHA", "DHB")))
                .andExpect(jsonPath("$.heatMap.rows[*].unitCode", contains("DHC", "DHA", "DHB")))
                .andExpect(jsonPath("$.trend.periods", contains("2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2")))
                .andExpect(jsonPath("$.trend.series[0].points[3].index").value(50.0))
                .andExpect(jsonPath("$.work.overdueActions[0].actionId").value("act-1"))
                .andExpect(jsonPath("$.work.gapsWithoutInitiative[*].indicatorCode",
                        contains("i2", "i1", "i2")));
        http.perform(get("/api/dashboard").param("unit", "dh-city").param("framework", FRAMEWORK)
                        .header("Authorization", LEADER_A))
                .andExpect(status().isNotFound());
    }

    @Test
    void trendsStalledWorkAndEvidence_areServedOnTheirOwn() throws Exception {
        http.perform(get("/api/trends").param("unit", "dh-a").param("framework", FRAMEWORK)
                        .param("from", "2026-Q1").param("to", "2026-Q2").param("granularity", "quarter")
                        .header("Authorization", LEADER_A))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.series[*].unitCode", contains("DHA", "DHA1")))
                .andExpect(jsonPath("$.series[0].points[1].index").value(66.67));
        http.perform(get("/api/stalled-work").param("unit", "dh-a").param("framework", FRAMEWORK)
                        .param("asOf", "2026-06-30").header("Authorization", LEADER_A))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stalled[0].initiativeId").value("dh-in-1"))
                .andExpect(jsonPath("$.overdueActions[0].daysOverdue").value(51));
        http.perform(get("/api/improvement-evidence").param("unit", "dh-a").param("framework", FRAMEWORK)
                        .header("Authorization", LEADER_A))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries.length()").value(0));
    }
}
