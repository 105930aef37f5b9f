package org.pdcaledger.command.framework;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.pdcaledger.kernel.common.LocalizedName;
import org.pdcaledger.kernel.framework.FrameworkDefinition;
import org.pdcaledger.kernel.framework.FrameworkDimension;
import org.pdcaledger.kernel.framework.FrameworkIndicator;
import org.pdcaledger.kernel.framework.LevelDescriptor;

/**
 * The rules every framework version obeys, checked on the typed definition: by the import (after the JSON Schema,
 * for what a schema cannot say) and again by the aggregate, so no path into the event store skips them.
 * Every problem is reported, each with its path in the document.
 */
final class FrameworkRules {

    static final int LOWEST_LEVEL = 1;
    static final int HIGHEST_LEVEL = 5;
    private static final Pattern FRAMEWORK_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,39}");
    private static final Pattern ITEM_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");

    private FrameworkRules() {
    }

    static List<DocumentProblem> problems(FrameworkDefinition framework) {
        List<DocumentProblem> problems = new ArrayList<>();
        if (framework.code() == null || !FRAMEWORK_CODE.matcher(framework.code()).matches()) {
            problems.add(new DocumentProblem("code", "code-invalid",
                    "a framework code is 2 to 40 capital letters, digits or -"));
        }
        if (framework.version() < 1) {
            problems.add(new DocumentProblem("version", "version-invalid", "versions are numbered from 1"));
        }
        name("name", framework.name(), problems);
        if (framework.description() != null) {
            name("description", framework.description(), problems);
        }
        if (framework.dimensions().isEmpty()) {
            problems.add(new DocumentProblem("dimensions", "dimensions-missing", "a framework has at least one dimension"));
        }
        weights("dimensions", framework.dimensions().stream().map(FrameworkDimension::weight).toList(), problems);
        Map<String, String> dimensionCodes = new HashMap<>();
        Map<String, String> indicatorCodes = new HashMap<>();
        for (int d = 0; d < framework.dimensions().size(); d++) {
            FrameworkDimension dimension = framework.dimensions().get(d);
            String at = "dimensions[" + d + "]";
            code(at + ".code", dimension.code(), dimensionCodes, "dimension", problems);
            name(at + ".name", dimension.name(), problems);
            if (dimension.indicators().isEmpty()) {
                problems.add(new DocumentProblem(at + ".indicators", "indicators-missing",
                        "a dimension has at least one indicator"));
            }
            weights(at + ".indicators", dimension.indicators().stream().map(FrameworkIndicator::weight).toList(),
                    problems);
            for (int i = 0; i < dimension.indicators().size(); i++) {
                indicator(at + ".indicators[" + i + "]", dimension.indicators().get(i), indicatorCodes, problems);
            }
        }
        return problems;
    }

    private static void indicator(String at, FrameworkIndicator indicator, Map<String, String> codes,
            List<DocumentProblem> problems) {
        code(at + ".code", indicator.code(), codes, "indicator", problems);
        name(at + ".name", indicator.name(), problems);
        TreeSet<Integer> seen = new TreeSet<>();
        for (int l = 0; l < indicator.levels().size(); l++) {
            LevelDescriptor level = indicator.levels().get(l);
            String levelAt = at + ".levels[" + l + "]";
            if (level.level() < LOWEST_LEVEL || level.level() > HIGHEST_LEVEL) {
                problems.add(new DocumentProblem(levelAt + ".level", "level-out-of-range",
                        "levels run from " + LOWEST_LEVEL + " to " + HIGHEST_LEVEL + ", not " + level.level()));
            } else if (!seen.add(level.level())) {
                problems.add(new DocumentProblem(levelAt + ".level", "level-duplicate",
                        "level " + level.level() + " is described twice"));
            }
            text(levelAt + ".zh", level.zh(), problems);
            text(levelAt + ".en", level.en(), problems);
        }
        List<String> missing = new ArrayList<>();
        for (int level = LOWEST_LEVEL; level <= HIGHEST_LEVEL; level++) {
            if (!seen.contains(level)) {
                missing.add(String.valueOf(level));
            }
        }
        if (!missing.isEmpty()) {
            problems.add(new DocumentProblem(at + ".levels", "level-missing", "no descriptor for level "
                    + String.join(", ", missing) + "; every indicator describes the levels 1 to 5"));
        }
    }

    private static void code(String at, String code, Map<String, String> seen, String what,
            List<DocumentProblem> problems) {
        if (code == null || !ITEM_CODE.matcher(code).matches()) {
            problems.add(new DocumentProblem(at, "code-invalid",
                    "a " + what + " code is 1 to 40 letters, digits, '.', '_' or '-'"));
            return;
        }
        String first = seen.putIfAbsent(code, at);
        if (first != null) {
            problems.add(new DocumentProblem(at, what + "-code-duplicate",
                    "the " + what + " code " + code + " is already used at " + first));
        }
    }

    private static void name(String at, LocalizedName name, List<DocumentProblem> problems) {
        if (name == null) {
            problems.add(new DocumentProblem(at, "required", "is required in Chinese and English"));
            return;
        }
        text(at + ".zh", name.zh(), problems);
        text(at + ".en", name.en(), problems);
    }

    private static void text(String at, String text, List<DocumentProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new DocumentProblem(at, "translation-missing", "the text is needed in both languages"));
        }
    }

    private static void weights(String at, List<Double> weights, List<DocumentProblem> problems) {
        long given = weights.stream().filter(w -> w != null).count();
        if (given > 0 && given < weights.size()) {
            problems.add(new DocumentProblem(at, "weights-partial",
                    "either every item here has a weight or none has (" + given + " of " + weights.size() + " have)"));
        }
        for (int i = 0; i < weights.size(); i++) {
            Double weight = weights.get(i);
            if (weight != null && (weight.isNaN() || weight <= 0)) {
                problems.add(new DocumentProblem(at + "[" + i + "].weight", "weight-invalid",
                        "a weight is a positive number"));
            }
        }
    }
}
