package uk.sufficiency.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How app.js draws a figure's rows with ECharts: bars or lines along {@code x}; either one series
 * per value of the {@code series} column (showing {@code values.get(0)}), or one series per value
 * column; or, for a projection ({@link #bands}), its ranges shaded about its median beside the
 * history. {@code only} keeps the rows whose column has the given value (for the table too);
 * {@code percent} labels the axis as a percentage.
 */
record Drawing(String type, boolean stacked, String x, String series, List<String> values, boolean percent,
               Map<String, String> only, String yName) {

    static Drawing stackedBars(String x, String series, String value, String yName) {
        return new Drawing("bar", true, x, series, List.of(value), false, Map.of(), yName);
    }

    static Drawing bars(String x, List<String> values, String yName) {
        return new Drawing("bar", false, x, null, values, false, Map.of(), yName);
    }

    /** Bars side by side, one series per value of {@code series} (for example one per year). */
    static Drawing groupedBars(String x, String series, String value, String yName) {
        return new Drawing("bar", false, x, series, List.of(value), false, Map.of(), yName);
    }

    static Drawing stackedValues(String x, List<String> values, String yName) {
        return new Drawing("bar", true, x, null, values, false, Map.of(), yName);
    }

    static Drawing lines(String x, List<String> values, String yName) {
        return new Drawing("line", false, x, null, values, false, Map.of(), yName);
    }

    static Drawing linesBy(String x, String series, String value, String yName) {
        return new Drawing("line", false, x, series, List.of(value), false, Map.of(), yName);
    }

    /**
     * A projection along {@code x}: the p05-p95 and p25-p75 ranges shaded, the p50 line and the
     * actual history, from the columns actual, p05, p25, p50, p75 and p95 (forecast figures' names).
     */
    static Drawing bands(String x, String yName) {
        return new Drawing("band", false, x, null, List.of("actual", "p05", "p25", "p50", "p75", "p95"), false,
                Map.of(), yName);
    }

    Drawing inPercent() {
        return new Drawing(type, stacked, x, series, values, true, only, yName);
    }

    Drawing onlyWhere(String column, String value) {
        return new Drawing(type, stacked, x, series, values, percent, Map.of(column, value), yName);
    }

    /** As {@link #onlyWhere}, keeping the filters already set as well. */
    Drawing andWhere(String column, String value) {
        Map<String, String> both = new LinkedHashMap<>(only);
        both.put(column, value);
        return new Drawing(type, stacked, x, series, values, percent, Map.copyOf(both), yName);
    }

    boolean keeps(Map<String, Object> row) {
        return only.entrySet().stream().allMatch(e -> e.getValue().equals(String.valueOf(row.get(e.getKey()))));
    }

    /** The data-spec app.js reads; series (and x category) labels and colours come from {@link SeriesLabels}. */
    Map<String, Object> spec(Map<String, String> columnLabels) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", type);
        spec.put("stacked", stacked);
        spec.put("x", x);
        spec.put("series", series);
        spec.put("values", values.stream().map(v -> Map.of("name", v, "label", columnLabels.getOrDefault(v, v))).toList());
        spec.put("percent", percent);
        spec.put("only", only);
        spec.put("yName", yName);
        if (series != null) {
            spec.put("seriesLabels", SeriesLabels.forColumn(series));
        }
        if (!SeriesLabels.codes(x).isEmpty()) {
            spec.put("xLabels", SeriesLabels.codes(x)); // categories along x named as readers name them
        }
        return spec;
    }
}
