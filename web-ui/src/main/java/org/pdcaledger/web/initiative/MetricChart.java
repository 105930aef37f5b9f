package org.pdcaledger.web.initiative;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.pdcaledger.kernel.initiative.InitiativeDetail;
import org.pdcaledger.kernel.initiative.MetricPoint;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The initiative's metric as an ECharts option: one line per cycle (each with its own marker shape, so cycles are
 * told apart without colour), the target and the baseline as labelled horizontal lines.
 */
@Component
class MetricChart {

    private static final String[] SYMBOLS = {"circle", "rect", "triangle", "diamond", "pin", "arrow"};
    private static final String[] COLOURS = {"#1f4e8c", "#8a5300", "#5b3e96", "#1e6b3a", "#b42318", "#3d4a5a"};

    private final MessageSource messages;
    private final ObjectMapper json;

    MetricChart(MessageSource messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** The option as JSON for {@code data-echarts}, or {@code null} when there is nothing measured yet. */
    String option(InitiativeDetail detail) {
        if (detail.series() == null || detail.series().isEmpty()) {
            return null;
        }
        Map<Integer, List<MetricPoint>> byCycle = new TreeMap<>();
        detail.series().forEach(point -> byCycle.computeIfAbsent(point.cycle(), c -> new ArrayList<>()).add(point));
        List<Object> series = new ArrayList<>();
        int index = 0;
        for (Map.Entry<Integer, List<MetricPoint>> cycle : byCycle.entrySet()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("name", text("initiative.cycle.n", cycle.getKey()));
            line.put("type", "line");
            line.put("symbol", SYMBOLS[index % SYMBOLS.length]);
            line.put("symbolSize", 10);
            line.put("color", COLOURS[index % COLOURS.length]);
            line.put("data", cycle.getValue().stream()
                    .map(point -> List.of(point.measuredOn().toString(), point.value()))
                    .toList());
            if (index == 0) {
                line.put("markLine", Map.of(
                        "symbol", "none",
                        "data", List.of(
                                Map.of("yAxis", detail.metric().target(), "name", text("initiative.metric.target"),
                                        "lineStyle", Map.of("color", "#1e6b3a", "type", "dashed", "width", 2),
                                        "label", Map.of("formatter", text("initiative.metric.target") + " {c}",
                                                "position", "insideEndTop")),
                                Map.of("yAxis", detail.metric().baseline(), "name", text("initiative.metric.baseline"),
                                        "lineStyle", Map.of("color", "#5b6878", "type", "dotted", "width", 2),
                                        "label", Map.of("formatter", text("initiative.metric.baseline") + " {c}",
                                                "position", "insideEndBottom")))));
            }
            series.add(line);
            index++;
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("aria", Map.of("enabled", true));
        option.put("animation", false);
        option.put("textStyle", Map.of("fontFamily", "PingFang SC, Microsoft YaHei, Noto Sans CJK SC, sans-serif"));
        option.put("grid", Map.of("left", 48, "right", 24, "top", 40, "bottom", 32));
        option.put("legend", Map.of("top", 0));
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("xAxis", Map.of("type", "time", "minInterval", 24 * 3600 * 1000,
                "axisLabel", Map.of("formatter", "{yyyy}-{MM}-{dd}", "hideOverlap", true)));
        double low = Math.min(detail.metric().baseline().doubleValue(), detail.metric().target().doubleValue());
        double high = Math.max(detail.metric().baseline().doubleValue(), detail.metric().target().doubleValue());
        for (MetricPoint point : detail.series()) {
            low = Math.min(low, point.value().doubleValue());
            high = Math.max(high, point.value().doubleValue());
        }
        double pad = high == low ? 1 : (high - low) * 0.15;
        option.put("yAxis", Map.of("type", "value", "name", detail.metric().unitOfMeasure(),
                "min", Math.floor(low - pad), "max", Math.ceil(high + pad)));
        option.put("series", series);
        try {
            return json.writeValueAsString(option);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
