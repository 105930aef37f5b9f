package org.pdcaledger.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The results of one run: a tree for the JSON file, and the lines of the summary table. */
final class Results {

    private final Map<String, Object> all = new LinkedHashMap<>();
    private final List<String[]> lines = new ArrayList<>();

    void put(String key, Object value) {
        all.put(key, value);
    }

    Object get(String key) {
        return all.get(key);
    }

    Object computeIfAbsent(String key, Supplier<Object> value) {
        return all.computeIfAbsent(key, k -> value.get());
    }

    Map<String, Object> all() {
        Map<String, Object> copy = new LinkedHashMap<>(all);
        List<Map<String, String>> summary = new ArrayList<>();
        for (String[] line : lines) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("measure", line[0]);
            row.put("result", line[1]);
            row.put("target", line[2]);
            row.put("verdict", line[3]);
            summary.add(row);
        }
        copy.put("summary", summary);
        return copy;
    }

    void summary(String measure, String result, String target, String verdict) {
        lines.add(new String[] {measure, result, target, verdict});
    }

    String summary() {
        int[] widths = {7, 6, 6, 7};
        for (String[] line : lines) {
            for (int i = 0; i < 4; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder table = new StringBuilder();
        String format = "| %-" + widths[0] + "s | %-" + widths[1] + "s | %-" + widths[2] + "s | %-" + widths[3]
                + "s |%n";
        table.append(String.format(format, "measure", "result", "target", "verdict"));
        table.append(String.format(format, "-".repeat(widths[0]), "-".repeat(widths[1]), "-".repeat(widths[2]),
                "-".repeat(widths[3])));
        for (String[] line : lines) {
            table.append(String.format(format, (Object[]) line));
        }
        return table.toString();
    }
}
