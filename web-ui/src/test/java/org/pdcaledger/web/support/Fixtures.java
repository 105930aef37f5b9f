package org.pdcaledger.web.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.pdcaledger.kernel.assessment.AssessmentKind;
import org.pdcaledger.kernel.assessment.AssessmentPeriod;
import org.pdcaledger.kernel.assessment.AssessmentStatus;
import org.pdcaledger.kernel.assessment.AssessmentView;
import org.pdcaledger.kernel.assessment.IndicatorRating;
import org.pdcaledger.kernel.assessment.PeriodType;
import org.pdcaledger.kernel.common.LocalizedName;
import org.pdcaledger.kernel.framework.FrameworkDefinition;
import org.pdcaledger.kernel.framework.FrameworkDimension;
import org.pdcaledger.kernel.framework.FrameworkIndicator;
import org.pdcaledger.kernel.framework.FrameworkSummary;
import org.pdcaledger.kernel.framework.FrameworkVersionView;
import org.pdcaledger.kernel.framework.LevelDescriptor;
import org.pdcaledger.kernel.gap.BoardColumn;
import org.pdcaledger.kernel.gap.GapBoard;
import org.pdcaledger.kernel.gap.GapCard;
import org.pdcaledger.kernel.gap.GapInitiative;
import org.pdcaledger.kernel.initiative.ActionStatus;
import org.pdcaledger.kernel.initiative.ActionView;
import org.pdcaledger.kernel.initiative.CyclePlan;
import org.pdcaledger.kernel.initiative.CycleView;
import org.pdcaledger.kernel.initiative.GapReference;
import org.pdcaledger.kernel.initiative.HistoryEntry;
import org.pdcaledger.kernel.initiative.InitiativeDetail;
import org.pdcaledger.kernel.initiative.InitiativeFlags;
import org.pdcaledger.kernel.initiative.InitiativeHistory;
import org.pdcaledger.kernel.initiative.InitiativePage;
import org.pdcaledger.kernel.initiative.InitiativeStage;
import org.pdcaledger.kernel.initiative.InitiativeSummary;
import org.pdcaledger.kernel.initiative.Metric;
import org.pdcaledger.kernel.initiative.MetricDirection;
import org.pdcaledger.kernel.initiative.MetricPoint;
import org.pdcaledger.kernel.unit.UnitSummary;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The services' views as a small organisation, written as the services write them (the kernel's records as JSON):
 * one office with a finance bureau, the government operations framework with two indicators, a draft assessment,
 * one open gap and an initiative in execution.
 */
public final class Fixtures {

    public static final Instant AT = Instant.parse("2026-11-20T02:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Fixtures() {
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<UnitSummary> units() {
        return List.of(
                new UnitSummary("u-1", "SZ-GOV", new LocalizedName("市政府办公厅", "General Office"), null,
                        List.of("u-1"), false, AT, 0),
                new UnitSummary("u-2", "SZ-FIN", new LocalizedName("财政局", "Finance Bureau"), "u-1",
                        List.of("u-1", "u-2"), false, AT, 2));
    }

    public static FrameworkDefinition framework() {
        List<LevelDescriptor> levels = List.of(
                new LevelDescriptor(1, "凭经验开展工作", "Work relies on experience"),
                new LevelDescriptor(2, "部分有制度", "Some rules"),
                new LevelDescriptor(3, "基本实现标准化", "Largely standardised"),
                new LevelDescriptor(4, "定期检查修订", "Checked and revised"),
                new LevelDescriptor(5, "成为标杆", "A benchmark"));
        return new FrameworkDefinition("GOV-OPS-QUALITY", 1,
                new LocalizedName("政府运行保障高质量发展评估框架", "Government operations framework"), null,
                List.of(new FrameworkDimension("efficient-management", new LocalizedName("高效率管理", "Efficient management"),
                        null, List.of(
                                new FrameworkIndicator("standardisation", new LocalizedName("规范性", "Standardisation"), null, levels),
                                new FrameworkIndicator("integration", new LocalizedName("集成性", "Integration"), null, levels)))));
    }

    public static FrameworkVersionView frameworkVersion() {
        return new FrameworkVersionView(framework(), 2, AT);
    }

    public static List<FrameworkSummary> frameworks() {
        return List.of(new FrameworkSummary("GOV-OPS-QUALITY", framework().name(), 1, List.of(1), 1, 2));
    }

    public static AssessmentView draftAssessment() {
        return new AssessmentView("a-1", "u-2", "GOV-OPS-QUALITY", 1,
                new AssessmentPeriod(PeriodType.QUARTER, "2026-Q3"), AssessmentKind.SELF, AssessmentStatus.DRAFT,
                List.of("standardisation", "integration"),
                List.of(new IndicatorRating("standardisation", 2, 4, "制度汇编", null)),
                "admin", AT, null, null, null, null, List.of(), false, 3);
    }

    public static GapBoard board() {
        Map<BoardColumn, List<GapInitiative>> none = new EnumMap<>(BoardColumn.class);
        for (BoardColumn column : List.of(BoardColumn.PLANNING, BoardColumn.EXECUTION, BoardColumn.EVALUATION,
                BoardColumn.CONTINUOUS_IMPROVEMENT)) {
            none.put(column, List.of());
        }
        AssessmentPeriod period = new AssessmentPeriod(PeriodType.QUARTER, "2026-Q3");
        return new GapBoard("u-1", "GOV-OPS-QUALITY", true, List.of(
                new GapCard("g-1", "u-2", "GOV-OPS-QUALITY", 1, "efficient-management",
                        new LocalizedName("高效率管理", "Efficient management"), "standardisation",
                        new LocalizedName("规范性", "Standardisation"), 2, 4, 2, "a-1", period, "a-1", period, none),
                new GapCard("g-2", "u-2", "GOV-OPS-QUALITY", 1, "efficient-management",
                        new LocalizedName("高效率管理", "Efficient management"), "integration",
                        new LocalizedName("集成性", "Integration"), 3, 4, 1, "a-1", period, "a-1", period, none)),
                Map.of());
    }

    public static Metric metric() {
        return new Metric("公文办理时长", "天", new BigDecimal("10"), new BigDecimal("4"), MetricDirection.LOWER_IS_BETTER);
    }

    public static InitiativeSummary summary(InitiativeStage stage) {
        return new InitiativeSummary("i-1", "u-2", List.of("u-1", "u-2"), "缩短公文办理时长", "admin", stage, 1,
                List.of(new GapReference("GOV-OPS-QUALITY", "standardisation")), "公文办理时长", "天",
                new BigDecimal("10"), new BigDecimal("4"), new BigDecimal("6"), null, List.of(), AT, AT, 4,
                InitiativeFlags.NONE);
    }

    public static InitiativePage page(InitiativeStage stage) {
        return new InitiativePage(List.of(summary(stage)), null);
    }

    public static InitiativeDetail detail(InitiativeStage stage) {
        CycleView cycle = new CycleView(1, AT, new CyclePlan("十个工作日内办结", "电子流转减少等待", "办理时长 4 天以内", AT),
                List.of(new ActionView("a-x", "上线电子公文流转", "admin", LocalDate.parse("2026-12-31"),
                        ActionStatus.OPEN, null, null, null, null, false)),
                AT, List.of(), List.of(new MetricPoint(1, LocalDate.parse("2026-11-19"), new BigDecimal("6"), null, AT,
                        false, true)), null, null);
        return new InitiativeDetail("i-1", "u-2", "缩短公文办理时长", "办理时间 7–15 天", "admin", List.of(),
                List.of(new GapReference("GOV-OPS-QUALITY", "standardisation")), metric(), stage, 1, List.of(cycle),
                cycle.measurements(), AT, AT, 4, InitiativeFlags.NONE);
    }

    public static InitiativeHistory history() {
        return new InitiativeHistory("i-1", "u-2", List.of(
                new HistoryEntry(0, AT, "admin", "管理员", "LaunchInitiativeCommand",
                        "pdca.initiative.initiative-launched.v1", 1, Map.of()),
                new HistoryEntry(5, AT, "li.na", "李娜", "RecordMeasurementCommand",
                        "pdca.initiative.measurement-recorded.v1", 1, Map.of())));
    }
}
