package org.pdcaledger.command.feedback;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pdcaledger.command.framework.FrameworkCatalogTable;
import org.pdcaledger.kernel.feedback.FeedbackIndicator;
import org.pdcaledger.kernel.feedback.RecordFeedbackCommand;

/**
 * The rules a feedback item must meet wherever it comes from, in one place: the aggregate enforces them on every
 * {@link RecordFeedbackCommand}, and an import checks every row with them before it sends anything, so a dry run
 * reports exactly the rows the real run would refuse.
 */
final class FeedbackRules {

    static final int MAX_EXTERNAL_ID = 64;
    static final int MAX_CATEGORY = 64;
    static final int MAX_TEXT = 2000;
    static final int MAX_INDICATORS = 10;

    /** One broken rule: the field of {@link RecordFeedbackCommand} it is about, a stable code and a message. */
    record Problem(String field, String code, String message) {
    }

    private FeedbackRules() {
    }

    /**
     * Every rule {@code command} breaks, in field order. Unit existence and scope are not checked here: the aggregate
     * and the import answer them differently (an exception, a row problem).
     */
    static List<Problem> check(RecordFeedbackCommand command, LocalDate today, FrameworkCatalogTable frameworks) {
        List<Problem> problems = new ArrayList<>();
        if (command.channel() == null) {
            problems.add(new Problem("channel", "channel-missing", "say through which channel the feedback came"));
        }
        String externalId = command.externalId();
        if (isBlank(externalId)) {
            problems.add(new Problem("externalId", "external-id-missing",
                    "give the source system's id of the item (e.g. the hotline work order number)"));
        } else if (externalId.length() > MAX_EXTERNAL_ID || externalId.chars().anyMatch(Character::isISOControl)) {
            problems.add(new Problem("externalId", "external-id-invalid",
                    "an external id has at most " + MAX_EXTERNAL_ID + " characters and no control characters"));
        }
        if (command.receivedOn() == null) {
            problems.add(new Problem("receivedOn", "received-on-missing", "say on which day the feedback came in"));
        } else if (command.receivedOn().isAfter(today)) {
            problems.add(new Problem("receivedOn", "received-in-future", "feedback cannot be received on "
                    + command.receivedOn() + ", after today (" + today + ")"));
        }
        if (isBlank(command.category())) {
            problems.add(new Problem("category", "category-missing", "give the category, e.g. 办事效率"));
        } else if (command.category().length() > MAX_CATEGORY) {
            problems.add(new Problem("category", "too-long", "a category has at most " + MAX_CATEGORY
                    + " characters"));
        }
        if (isBlank(command.text())) {
            problems.add(new Problem("text", "text-missing", "give a short text of what was said"));
        } else if (command.text().length() > MAX_TEXT) {
            problems.add(new Problem("text", "too-long", "the text has at most " + MAX_TEXT + " characters"));
        }
        Integer satisfaction = command.satisfaction();
        if (satisfaction != null && (satisfaction < 1 || satisfaction > 5)) {
            problems.add(new Problem("satisfaction", "satisfaction-out-of-range",
                    "satisfaction is 1 (very dissatisfied) to 5 (very satisfied), not " + satisfaction));
        }
        checkIndicators(command.indicators() == null ? List.of() : command.indicators(), frameworks, problems);
        return problems;
    }

    private static void checkIndicators(List<FeedbackIndicator> indicators, FrameworkCatalogTable frameworks,
            List<Problem> problems) {
        if (indicators.size() > MAX_INDICATORS) {
            problems.add(new Problem("indicators", "too-many-indicators",
                    "an item bears on at most " + MAX_INDICATORS + " indicators"));
            return;
        }
        Map<String, List<String>> published = new HashMap<>();
        Set<FeedbackIndicator> seen = new HashSet<>();
        for (int i = 0; i < indicators.size(); i++) {
            FeedbackIndicator indicator = indicators.get(i);
            String field = "indicators[" + i + "]";
            if (indicator == null || isBlank(indicator.frameworkCode()) || isBlank(indicator.indicatorCode())) {
                problems.add(new Problem(field, "indicator-incomplete", "name both the framework and the indicator"));
                continue;
            }
            if (!seen.add(indicator)) {
                problems.add(new Problem(field, "indicator-duplicate", indicator + " is listed twice"));
                continue;
            }
            List<String> codes = published.computeIfAbsent(indicator.frameworkCode(), code -> frameworks
                    .latestVersion(code).map(version -> frameworks.indicatorCodes(code, version)).orElse(null));
            if (codes == null) {
                problems.add(new Problem(field + ".frameworkCode", "framework-unknown",
                        "no framework " + indicator.frameworkCode() + " is published"));
            } else if (!codes.contains(indicator.indicatorCode())) {
                problems.add(new Problem(field + ".indicatorCode", "indicator-unknown",
                        "the current version of " + indicator.frameworkCode() + " has no indicator "
                                + indicator.indicatorCode()));
            }
        }
    }

    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
