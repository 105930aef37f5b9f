package org.pdcaledger.command.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.pdcaledger.kernel.framework.FrameworkDefinition;

class FrameworkDocumentsTest {

    private final FrameworkDocuments documents = new FrameworkDocuments();

    static String levels(String indent) {
        StringBuilder yaml = new StringBuilder();
        for (int level = 1; level <= 5; level++) {
            yaml.append(indent).append("- { level: ").append(level).append(", zh: 第").append(level)
                    .append("级, en: \"Level ").append(level).append("\" }\n");
        }
        return yaml.toString();
    }

    static String validYaml(String code, int version) {
        return """
                code: %s
                version: %d
                name: { zh: 测试框架, en: Test framework }
                dimensions:
                  - code: d1
                    name: { zh: 维度一, en: Dimension one }
                    indicators:
                      - code: i1
                        name: { zh: 指标一, en: Indicator one }
                        levels:
                %s      - code: i2
                        name: { zh: 指标二, en: Indicator two }
                        levels:
                %s""".formatted(code, version, levels("          "), levels("          "));
    }

    private FrameworkDocumentRejectedException rejected(String document, FrameworkDocuments.Syntax syntax) {
        return catchThrowableOfType(FrameworkDocumentRejectedException.class,
                () -> documents.read(document.getBytes(StandardCharsets.UTF_8), syntax));
    }

    @Test
    void read_returnsTheDefinition_whenTheYamlIsValid() {
        FrameworkDefinition definition = documents.read(validYaml("TEST", 1).getBytes(StandardCharsets.UTF_8),
                FrameworkDocuments.Syntax.YAML);

        assertThat(definition.code()).isEqualTo("TEST");
        assertThat(definition.indicatorCodes()).containsExactly("i1", "i2");
        assertThat(definition.indicator("i2").orElseThrow().levels()).hasSize(5);
    }

    @Test
    void read_listsEveryProblemWithItsPath_whenTheDocumentBreaksSeveralRules() {
        String yaml = """
                code: TEST
                version: 1
                name: { zh: 测试框架 }
                colour: blue
                dimensions:
                  - code: d1
                    name: { zh: 维度一, en: Dimension one }
                    weight: 2
                    indicators:
                      - code: i1
                        name: { zh: 指标一, en: Indicator one }
                        levels:
                %s  - code: d2
                    name: { zh: 维度二, en: Dimension two }
                    indicators:
                      - code: i2
                        name: { zh: 指标二, en: Indicator two }
                        weight: -1
                        levels:
                %s      - code: i1
                        name: { zh: 指标三, en: Indicator three }
                        levels:
                          - { level: 7, zh: 七, en: Seven }
                          - { level: 2, zh: 二, en: Two }
                          - { level: 3, zh: 三, en: Three }
                          - { level: 4, zh: 四, en: Four }
                          - { level: 5, zh: 五, en: "" }
                """.formatted(levels("          "), levels("          "));

        FrameworkDocumentRejectedException e = rejected(yaml, FrameworkDocuments.Syntax.YAML);

        assertThat(e.unreadable()).isFalse();
        assertThat(e.problems()).extracting(DocumentProblem::field, DocumentProblem::code).contains(
                org.assertj.core.groups.Tuple.tuple("colour", "unknown-field"),
                org.assertj.core.groups.Tuple.tuple("name.en", "translation-missing"),
                org.assertj.core.groups.Tuple.tuple("dimensions", "weights-partial"),
                org.assertj.core.groups.Tuple.tuple("dimensions[1].indicators", "weights-partial"),
                org.assertj.core.groups.Tuple.tuple("dimensions[1].indicators[0].weight", "weight-invalid"),
                org.assertj.core.groups.Tuple.tuple("dimensions[1].indicators[1].code", "indicator-code-duplicate"),
                org.assertj.core.groups.Tuple.tuple("dimensions[1].indicators[1].levels[0].level",
                        "level-out-of-range"),
                org.assertj.core.groups.Tuple.tuple("dimensions[1].indicators[1].levels", "level-missing"),
                org.assertj.core.groups.Tuple.tuple("dimensions[1].indicators[1].levels[4].en",
                        "translation-missing"));
    }

    @Test
    void read_acceptsJson_andReportsAMissingLevelDescriptorArrayByPath() {
        String json = """
                {"code":"TEST","version":1,"name":{"zh":"测试","en":"Test"},
                 "dimensions":[{"code":"d1","name":{"zh":"维","en":"D"},
                   "indicators":[{"code":"i1","name":{"zh":"指","en":"I"}}]}]}
                """;

        FrameworkDocumentRejectedException e = rejected(json, FrameworkDocuments.Syntax.JSON);

        assertThat(e.problems()).extracting(DocumentProblem::field)
                .containsExactly("dimensions[0].indicators[0].levels");
    }

    @Test
    void read_isUnreadable_whenTheYamlIsMalformed_orHasADuplicateKey() {
        assertThat(rejected("code: [unclosed", FrameworkDocuments.Syntax.YAML).unreadable()).isTrue();
        FrameworkDocumentRejectedException duplicate = rejected("code: A1\ncode: A2\n", FrameworkDocuments.Syntax.YAML);
        assertThat(duplicate.unreadable()).isTrue();
        assertThat(duplicate.problems().get(0).code()).isEqualTo("malformed-yaml");
    }
}
