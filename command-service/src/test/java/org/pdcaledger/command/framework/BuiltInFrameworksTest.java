package org.pdcaledger.command.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pdcaledger.kernel.framework.FrameworkDefinition;
import org.pdcaledger.kernel.framework.FrameworkDimension;
import org.pdcaledger.kernel.framework.FrameworkIndicator;
import org.pdcaledger.kernel.framework.LevelDescriptor;

/**
 * The four frameworks of DESIGN.md ship as data files; each loads through the same validation as an import, with
 * the indicator counts and the names that DESIGN.md and the seeds give.
 */
class BuiltInFrameworksTest {

    private static Map<String, FrameworkDefinition> frameworks;

    @BeforeAll
    static void load() throws IOException {
        frameworks = BuiltInFrameworks.definitions(new FrameworkDocuments()).stream()
                .collect(Collectors.toMap(FrameworkDefinition::code, f -> f));
    }

    private static List<String> zh(FrameworkDefinition framework) {
        return framework.indicators().map(i -> i.name().zh()).toList();
    }

    private static List<String> en(FrameworkDefinition framework) {
        return framework.indicators().map(i -> i.name().en()).toList();
    }

    @Test
    void fourBuiltInFrameworks_load_eachAtVersion1() {
        assertThat(frameworks).containsOnlyKeys("GOV-OPS-QUALITY", "FIVE-PATHS", "HPO-BSC", "ISO9001-GOV");
        assertThat(frameworks.values()).allSatisfy(f -> assertThat(f.version()).isEqualTo(1));
    }

    @Test
    void governmentOperationsFramework_has3DimensionsOf4Indicators_namedAsInSeed001() {
        FrameworkDefinition framework = frameworks.get("GOV-OPS-QUALITY");

        assertThat(framework.name().zh()).isEqualTo("政府运行保障高质量发展评估框架");
        assertThat(framework.dimensions()).extracting(d -> d.name().zh())
                .containsExactly("高效率管理", "高效能保障", "高品质服务");
        assertThat(framework.dimensions()).allSatisfy(d -> assertThat(d.indicators()).hasSize(4));
        assertThat(zh(framework)).containsExactly("规范性", "集成性", "协同性", "智慧性", "充沛性", "平衡性", "敏捷性",
                "多维性", "可获得性", "可选择性", "可持续性", "可发展性");
        assertThat(en(framework)).containsExactly("Standardisation", "Integration", "Collaboration",
                "Smart/digital", "Sufficiency", "Balance", "Agility", "Multi-dimensional care", "Accessibility",
                "Choice", "Sustainability", "Developability");
    }

    @Test
    void fivePaths_has5Indicators_namedAsInSeed001() {
        FrameworkDefinition framework = frameworks.get("FIVE-PATHS");

        assertThat(framework.name().zh()).contains("“五化”推进路径");
        assertThat(zh(framework)).containsExactly("法治化", "集约化", "数字化", "低碳化", "社会化");
        assertThat(en(framework)).containsExactly("Rule of law", "Consolidation", "Digitalisation", "Low carbon",
                "Socialisation");
    }

    @Test
    void balancedScorecard_has4Perspectives_namedAsInSeed003() {
        FrameworkDefinition framework = frameworks.get("HPO-BSC");

        assertThat(framework.name().zh()).isEqualTo("创建高绩效机关平衡计分卡");
        assertThat(zh(framework)).containsExactly("服务对象满意度", "内部业务流程优化和信息化建设", "学习和成长", "行政成本");
        assertThat(en(framework)).containsExactly("Service-user satisfaction", "Internal process and informatisation",
                "Learning and growth", "Administrative cost");
    }

    @Test
    void iso9001InGovernment_has7Indicators_namedAsInSeed004() {
        FrameworkDefinition framework = frameworks.get("ISO9001-GOV");

        assertThat(framework.name().zh()).isEqualTo("政府ISO9001质量管理体系");
        assertThat(zh(framework)).containsExactly("质量手册", "程序文件", "工作文件", "内审员、外审员", "市民投诉", "过程控制",
                "持续改进");
        assertThat(en(framework)).containsExactly("Quality manual", "Procedures", "Work documents",
                "Internal/external audit", "Complaint handling", "Process control", "Continual improvement");
    }

    @Test
    void everyIndicator_describesLevels1To5_inBothLanguages_eachDifferently() {
        for (FrameworkDefinition framework : frameworks.values()) {
            for (FrameworkDimension dimension : framework.dimensions()) {
                for (FrameworkIndicator indicator : dimension.indicators()) {
                    assertThat(indicator.levels()).extracting(LevelDescriptor::level).containsExactly(1, 2, 3, 4, 5);
                    assertThat(indicator.levels()).allSatisfy(level -> {
                        assertThat(level.zh()).as(indicator.code()).matches(".*[\\u4e00-\\u9fff].*");
                        assertThat(level.en()).as(indicator.code()).matches("[\\x20-\\x7E–]+").hasSizeGreaterThan(20);
                    });
                    assertThat(indicator.levels().stream().map(LevelDescriptor::zh).distinct()).hasSize(5);
                    assertThat(indicator.levels().stream().map(LevelDescriptor::en).distinct()).hasSize(5);
                }
            }
        }
    }

    @Test
    void indicatorCounts_matchDesign() {
        assertThat(frameworks.get("GOV-OPS-QUALITY").indicatorCodes()).hasSize(12);
        assertThat(frameworks.get("FIVE-PATHS").indicatorCodes()).hasSize(5);
        assertThat(frameworks.get("HPO-BSC").indicatorCodes()).hasSize(4);
        assertThat(frameworks.get("ISO9001-GOV").indicatorCodes()).hasSize(7);
    }
}
