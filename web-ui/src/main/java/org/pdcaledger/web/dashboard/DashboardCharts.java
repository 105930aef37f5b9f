package org.pdcaledger.web.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The dashboard's charts as ECharts options, made on the server from the maturity views: the stage funnel, the radar
 * of dimensions, the heat map of units × indicators (the level written in each cell, so colour is not the only
 * signal) and the trend of the index per period. Each chart also has a table beside it on the page.
 */
@Component
class DashboardCharts {

    static final List<String> STAGES = List.of("PLANNING", "EXECUTION", "EVALUATION", "CONTINUOUS_IMPROVEMENT",
            "COMPLETED");
    private static final String[] COLOURS = {"#1f4e8c", "#8a5300", "#5b3e96", "#1e6b3a", "#b42318", "#3d4a5a",
            "#0f766e", "#9d174d"};
    private static final Map<String, Object> FONT = Map.of("fontFamily",
            "PingFang SC, Microsoft YaHei, Noto Sans CJK SC, sans-serif");

    private final MessageSource messages;
    private final ObjectMapper json;

    DashboardCharts(MessageSource messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    String funnel(Map<String, Integer> stages) {
        List<Object> names = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        Map<String, String> colours = Map.of("PLANNING", "#1f4e8c", "EXECUTION", "#8a5300", "EVALUATION", "#5b3e96",
                "CONTINUOUS_IMPROVEMENT", "#1e6b3a", "COMPLETED", "#3d4a5a");
        for (String stage : STAGES) {
            names.add(text("stage." + stage));
            values.add(Map.of("value", stages.getOrDefault(stage, 0),
                    "itemStyle", Map.of("color", colours.get(stage))));
        }
        Map<String, Object> option = base();
        option.put("grid", Map.of("left", 110, "right", 40, "top", 10, "bottom", 24));
        option.put("xAxis", Map.of("type", "value", "minInterval", 1));
        option.put("yAxis", Map.of("type", "category", "inverse", true, "data", names));
        option.put("series", List.of(Map.of("type", "bar", "data", values, "barWidth", "55%",
                "label", Map.of("show", true, "position", "right"))));
        return write(option);
    }

    String radar(JsonNode dimensions, JsonNode rolledUp, String language) {
        if (dimensions == null || !dimensions.isArray() || dimensions.isEmpty()) {
            if (rolledUp == null || !rolledUp.isArray() || rolledUp.isEmpty()) {
                return null;
            }
            return radarOf(rolledUp, null, text("dashboard.radar.rollUp"), language);
        }
        return radarOf(dimensions, rolledUp, text("dashboard.radar.own"), language);
    }

    private String radarOf(JsonNode dimensions, JsonNode rolledUp, String firstName, String language) {
        List<Object> indicators = new ArrayList<>();
        List<Object> own = new ArrayList<>();
        dimensions.forEach(d -> {
            indicators.add(Map.of("name", name(d.path("dimensionName"), language), "max", 100));
            own.add(round(d.path("index").asDouble()));
        });
        List<Object> data = new ArrayList<>();
        data.add(Map.of("name", firstName, "value", own, "symbol", "circle"));
        if (rolledUp != null && rolledUp.isArray() && rolledUp.size() == dimensions.size()) {
            List<Object> subtree = new ArrayList<>();
            rolledUp.forEach(d -> subtree.add(round(d.path("index").asDouble())));
            data.add(Map.of("name", text("dashboard.radar.rollUp"), "value", subtree, "symbol", "rect",
                    "lineStyle", Map.of("type", "dashed")));
        }
        Map<String, Object> option = base();
        option.put("legend", Map.of("bottom", 0));
        option.put("radar", Map.of("indicator", indicators, "radius", "62%"));
        option.put("series", List.of(Map.of("type", "radar", "data", data, "areaStyle", Map.of("opacity", 0.12))));
        return write(option);
    }

    String heatMap(JsonNode heatMap, String language) {
        if (heatMap == null || !heatMap.path("rows").isArray() || heatMap.path("rows").isEmpty()) {
            return null;
        }
        List<Object> indicators = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        heatMap.path("indicators").forEach(i -> {
            indicators.add(name(i.path("indicatorName"), language));
            codes.add(i.path("indicatorCode").asText());
        });
        List<Object> units = new ArrayList<>();
        List<Object> cells = new ArrayList<>();
        int y = 0;
        for (JsonNode row : heatMap.path("rows")) {
            units.add(name(row.path("unitName"), language));
            for (JsonNode cell : row.path("cells")) {
                int x = codes.indexOf(cell.path("indicatorCode").asText());
                if (x >= 0 && cell.hasNonNull("level")) {
                    cells.add(List.of(x, y, cell.path("level").asInt()));
                }
            }
            y++;
        }
        Map<String, Object> option = base();
        option.put("grid", Map.of("left", 120, "right", 16, "top", 8, "bottom", 110));
        option.put("xAxis", Map.of("type", "category", "data", indicators, "axisLabel",
                Map.of("rotate", 45, "interval", 0)));
        option.put("yAxis", Map.of("type", "category", "data", units, "inverse", true));
        option.put("visualMap", Map.of("min", 1, "max", 5, "calculable", false, "orient", "horizontal",
                "left", "center", "bottom", 0, "itemHeight", 160, "text", List.of("5", "1"),
                "inRange", Map.of("color", List.of("#fdecea", "#fff4db", "#e8f0fa", "#b7d3ef", "#1e6b3a"))));
        option.put("series", List.of(Map.of("type", "heatmap", "data", cells,
                "label", Map.of("show", true, "fontWeight", "bold", "color", "#1b2430"),
                "itemStyle", Map.of("borderColor", "#fff", "borderWidth", 2))));
        return write(option);
    }

    String trend(JsonNode trend, String language) {
        if (trend == null || !trend.path("series").isArray() || trend.path("series").isEmpty()) {
            return null;
        }
        List<Object> periods = new ArrayList<>();
        trend.path("periods").forEach(p -> periods.add(p.asText()));
        List<Object> series = new ArrayList<>();
        String[] symbols = {"circle", "rect", "triangle", "diamond", "pin", "arrow", "roundRect", "emptyCircle"};
        int index = 0;
        for (JsonNode line : trend.path("series")) {
            List<Object> values = new ArrayList<>();
            Map<String, Double> byPeriod = new LinkedHashMap<>();
            line.path("points").forEach(p -> byPeriod.put(p.path("period").asText(),
                    p.hasNonNull("index") ? round(p.path("index").asDouble()) : null));
            periods.forEach(p -> values.add(byPeriod.get(p)));
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", name(line.path("unitName"), language));
            s.put("type", "line");
            s.put("connectNulls", true);
            s.put("symbol", symbols[index % symbols.length]);
            s.put("symbolSize", 8);
            s.put("color", COLOURS[index % COLOURS.length]);
            s.put("data", values);
            series.add(s);
            index++;
        }
        Map<String, Object> option = base();
        option.put("grid", Map.of("left", 40, "right", 16, "top", 36, "bottom", 28));
        option.put("legend", Map.of("top", 0, "type", "scroll"));
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("xAxis", Map.of("type", "category", "data", periods));
        option.put("yAxis", Map.of("type", "value", "min", 0, "max", 100));
        option.put("series", series);
        return write(option);
    }

    static String name(JsonNode localized, String language) {
        if (localized == null || localized.isMissingNode() || localized.isNull()) {
            return "";
        }
        if (localized.isTextual()) {
            return localized.asText();
        }
        String wanted = "en".equals(language) ? localized.path("en").asText("") : localized.path("zh").asText("");
        return wanted.isEmpty() ? localized.path("zh").asText("") : wanted;
    }

    private Map<String, Object> base() {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("aria", Map.of("enabled", true));
        option.put("animation", false);
        option.put("textStyle", FONT);
        option.put("tooltip", Map.of());
        return option;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private String write(Map<String, Object> option) {
        try {
            return json.writeValueAsString(option);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
