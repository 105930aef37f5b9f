package org.pdcaledger.web.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pdcaledger.kernel.framework.FrameworkSummary;
import org.pdcaledger.kernel.gap.GapBoard;
import org.pdcaledger.kernel.gap.GapCard;
import org.pdcaledger.kernel.initiative.InitiativePage;
import org.pdcaledger.kernel.initiative.InitiativeSummary;
import org.pdcaledger.kernel.unit.UnitSummary;
import org.pdcaledger.web.config.Person;
import org.pdcaledger.web.config.ServiceAnswer;
import org.pdcaledger.web.config.ServiceClient;
import org.pdcaledger.web.unit.UnitCatalog;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The leadership dashboard: maturity index, gap coverage, targets met, the stage funnel, the radar of dimensions,
 * the units × indicators heat map, the ranking with its change since the previous period, the trend, stalled and
 * overdue work; a unit, framework and period picker; an "as of" date that re-draws everything as it stood then; and
 * the exports. Everything comes from {@code /api/dashboard} in one call.
 * <p>
 * Where query-service does not answer the dashboard (an installation without the maturity views), the page says
 * so, and shows what the gap board and the initiative list can tell today: open gaps, their coverage and the
 * initiatives per stage, without history.
 */
@Controller
class DashboardPageController {

    static final String PREFERRED_FRAMEWORK = "GOV-OPS-QUALITY";

    private final ServiceClient services;
    private final UnitCatalog units;
    private final DashboardCharts charts;

    DashboardPageController(ServiceClient services, UnitCatalog units, DashboardCharts charts) {
        this.services = services;
        this.units = units;
        this.charts = charts;
    }

    /** One line of the ranking. */
    record RankRow(Integer rank, String unitName, Double index, Double previousIndex, Double change,
            Integer changeRank) {
    }

    /** A piece of work that needs a push: stalled, overdue, or a gap nobody works on. */
    record WorkRow(String initiativeId, String title, String detail, String unitName, long days) {
    }

    @GetMapping("/dashboard")
    String dashboard(@RequestParam(required = false) String unit, @RequestParam(required = false) String framework,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Model model) {
        List<UnitCatalog.UnitNode> nodes = units.activeTree();
        List<FrameworkSummary> frameworks = services.read("/api/frameworks",
                new TypeReference<List<FrameworkSummary>>() {
                });
        model.addAttribute("nodes", nodes);
        model.addAttribute("frameworks", frameworks);
        model.addAttribute("asOf", asOf);
        model.addAttribute("period", period == null ? "" : period.trim());
        if (nodes.isEmpty() || frameworks.isEmpty()) {
            model.addAttribute("empty", true);
            return "dashboard/dashboard";
        }
        Map<String, UnitSummary> byId = units.byId(nodes);
        Person me = (Person) model.getAttribute("me");
        String unitId = unit != null && byId.containsKey(unit) ? unit
                : me != null && me.homeUnitId() != null && byId.containsKey(me.homeUnitId()) ? me.homeUnitId()
                : nodes.get(0).unit().unitId();
        String frameworkCode = framework != null ? framework : frameworks.stream().map(FrameworkSummary::code)
                .filter(PREFERRED_FRAMEWORK::equals).findFirst().orElse(frameworks.get(0).code());
        model.addAttribute("unitId", unitId);
        model.addAttribute("unit", byId.get(unitId));
        model.addAttribute("frameworkCode", frameworkCode);
        String language = LocaleContextHolder.getLocale().getLanguage();

        StringBuilder query = new StringBuilder("/api/dashboard?unit=").append(unitId)
                .append("&framework=").append(frameworkCode);
        if (period != null && !period.isBlank()) {
            query.append("&period=").append(period.trim());
        }
        if (asOf != null) {
            query.append("&asOf=").append(asOf);
        }
        ServiceAnswer answer = services.get(query.toString());
        if (answer.succeeded() && answer.body() != null && answer.body().isObject()) {
            fillFromMaturityViews(model, answer.body(), byId, language);
            model.addAttribute("available", true);
        } else {
            model.addAttribute("available", false);
            model.addAttribute("problem", answer.problem());
            fillInterim(model, unitId, frameworkCode);
        }
        Map<String, String> exports = new LinkedHashMap<>();
        String periodParam = period == null || period.isBlank() ? "" : "&period=" + period.trim();
        String asOfParam = asOf == null ? "" : "&asOf=" + asOf;
        exports.put("ranking", "/api/rankings?parent=" + unitId + "&framework=" + frameworkCode + periodParam);
        exports.put("heatmap", "/api/heatmap?parent=" + unitId + "&framework=" + frameworkCode + asOfParam);
        exports.put("initiatives", "/api/dashboard/initiatives?unit=" + unitId + "&framework=" + frameworkCode
                + asOfParam);
        model.addAttribute("exports", exports);
        return "dashboard/dashboard";
    }

    private void fillFromMaturityViews(Model model, JsonNode dashboard, Map<String, UnitSummary> byId,
            String language) {
        JsonNode maturity = dashboard.path("maturity");
        model.addAttribute("index", number(maturity.path("index")));
        model.addAttribute("rollUpIndex", number(maturity.path("rollUp").path("index")));
        JsonNode coverage = maturity.path("coverage");
        model.addAttribute("openGaps", coverage.path("openGaps").asInt(0));
        model.addAttribute("coveredGaps", coverage.path("coveredGaps").asInt(0));
        model.addAttribute("coverage", number(coverage.path("ratio")));
        JsonNode targets = maturity.path("targetsMet");
        model.addAttribute("concluded", targets.path("concludedCycles").asInt(0));
        model.addAttribute("met", targets.path("met").asInt(0));
        model.addAttribute("partlyMet", targets.path("partlyMet").asInt(0));
        model.addAttribute("notMet", targets.path("notMet").asInt(0));
        model.addAttribute("targetsMet", number(targets.path("ratio")));
        Map<String, Integer> stages = new LinkedHashMap<>();
        maturity.path("stages").fields().forEachRemaining(e -> stages.put(e.getKey(), e.getValue().asInt()));
        model.addAttribute("stages", stages);
        model.addAttribute("funnelChart", charts.funnel(stages));
        model.addAttribute("radarChart", charts.radar(maturity.path("dimensions"),
                maturity.path("rollUp").path("dimensions"), language));
        JsonNode shown = maturity.path("dimensions").isEmpty() ? maturity.path("rollUp").path("dimensions")
                : maturity.path("dimensions");
        model.addAttribute("dimensions", rowsOf(shown, d -> Map.of(
                "name", DashboardCharts.name(d.path("dimensionName"), language),
                "index", d.path("index").asDouble())));
        model.addAttribute("heatMapChart", charts.heatMap(dashboard.path("heatMap"), language));
        model.addAttribute("heatMapHeight", 170 + 44 * dashboard.path("heatMap").path("rows").size());
        model.addAttribute("dimensionsRolledUp", maturity.path("dimensions").isEmpty());
        model.addAttribute("trendChart", charts.trend(dashboard.path("trend"), language));
        JsonNode ranking = dashboard.path("ranking");
        model.addAttribute("rankingPeriod", ranking.path("period").path("value").asText(""));
        model.addAttribute("rankingPrevious", ranking.path("previousPeriod").path("value").asText(""));
        model.addAttribute("rankingFrozen", ranking.path("frozen").asBoolean(false));
        model.addAttribute("ranking", rowsOf(ranking.path("entries"), e -> new RankRow(
                e.hasNonNull("rank") ? e.get("rank").asInt() : null,
                DashboardCharts.name(e.path("unitName"), language), number(e.path("index")),
                number(e.path("previousIndex")), number(e.path("change")),
                e.hasNonNull("changeRank") ? e.get("changeRank").asInt() : null)));
        JsonNode work = dashboard.path("work");
        model.addAttribute("stalledAfterDays", work.path("stalledAfterDays").asInt(0));
        model.addAttribute("stalled", rowsOf(work.path("stalled"), s -> new WorkRow(s.path("initiativeId").asText(),
                s.path("title").asText(), s.path("stage").asText(), unitName(byId, s.path("unitId").asText(), language),
                s.path("idleDays").asLong())));
        model.addAttribute("overdue", rowsOf(work.path("overdueActions"), o -> new WorkRow(
                o.path("initiativeId").asText(), o.path("title").asText(), o.path("description").asText(),
                unitName(byId, o.path("unitId").asText(), language), o.path("daysOverdue").asLong())));
        model.addAttribute("uncovered", rowsOf(work.path("gapsWithoutInitiative"), g -> new WorkRow(null,
                DashboardCharts.name(g.path("indicatorName"), language),
                g.path("currentLevel").asInt() + " → " + g.path("targetLevel").asInt(),
                unitName(byId, g.path("unitId").asText(), language), 0)));
    }

    /** Without the maturity views: what the gap board and the initiative list tell about today. */
    private void fillInterim(Model model, String unitId, String frameworkCode) {
        GapBoard board = services.find("/api/gaps?unit=" + unitId + "&framework=" + frameworkCode + "&subtree=true",
                GapBoard.class).orElse(null);
        InitiativePage page = services.find("/api/initiatives?unit=" + unitId + "&subtree=true&limit=500",
                InitiativePage.class).orElse(new InitiativePage(List.of(), null));
        Map<String, Integer> stages = new LinkedHashMap<>();
        DashboardCharts.STAGES.forEach(stage -> stages.put(stage, 0));
        for (InitiativeSummary initiative : page.items()) {
            stages.merge(initiative.stage().name(), 1, Integer::sum);
        }
        int open = board == null ? 0 : board.gaps().size();
        int covered = 0;
        if (board != null) {
            for (GapCard gap : board.gaps()) {
                boolean worked = page.items().stream().anyMatch(i -> i.unitId().equals(gap.unitId())
                        && !i.stage().isClosed() && i.gaps().stream().anyMatch(ref -> ref.frameworkCode()
                                .equals(gap.frameworkCode()) && ref.indicatorCode().equals(gap.indicatorCode())));
                if (worked || gap.initiatives().values().stream().anyMatch(list -> !list.isEmpty())) {
                    covered++;
                }
            }
        }
        model.addAttribute("openGaps", open);
        model.addAttribute("coveredGaps", covered);
        model.addAttribute("coverage", open == 0 ? null : (double) covered / open);
        model.addAttribute("stages", stages);
        model.addAttribute("funnelChart", charts.funnel(stages));
    }

    private static <T> List<T> rowsOf(JsonNode array, java.util.function.Function<JsonNode, T> row) {
        List<T> rows = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(node -> rows.add(row.apply(node)));
        }
        return rows;
    }

    private static Double number(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asDouble();
    }

    private static String unitName(Map<String, UnitSummary> byId, String unitId, String language) {
        UnitSummary unit = byId.get(unitId);
        return unit == null ? unitId : unit.name().in(language);
    }
}
