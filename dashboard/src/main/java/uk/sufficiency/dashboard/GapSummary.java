package uk.sufficiency.dashboard;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The sufficiency gap in words, from the base's rows of {@code forecast-gap}: each provision at the
 * start (the Capacity page's figures) and at the last quarter end projected (medians).
 */
final class GapSummary {
    private GapSummary() {
    }

    static String of(List<Map<String, Object>> rows) {
        List<String> dates = rows.stream().map(r -> String.valueOf(r.get("quarter_end"))).sorted().toList();
        if (dates.isEmpty()) {
            return null;
        }
        String first = dates.get(0);
        String last = dates.get(dates.size() - 1);
        return "At the start, " + ChartPanel.period(first) + ": " + describe(rows, first) + ". By "
                + ChartPanel.period(last) + " (medians): " + describe(rows, last) + ".";
    }

    private static String describe(List<Map<String, Object>> rows, String date) {
        return rows.stream().filter(r -> date.equals(String.valueOf(r.get("quarter_end")))).map(r -> {
            String provision = SeriesLabels.label("provision", String.valueOf(r.get("provision")));
            String others = isPositive(r.get("others")) ? " and " + number(r.get("others")) + " used by others" : "";
            String outside = isPositive(r.get("outside_p50")) ? ", and " + number(r.get("outside_p50"))
                    + " more of the group placed outside them (spot)" : "";
            return provision + ": " + number(r.get("demand_p50")) + " children placed" + others + " in "
                    + number(r.get("capacity")) + ", " + gap(r.get("gap_p50")) + outside;
        }).collect(Collectors.joining("; "));
    }

    private static String gap(Object value) {
        if (!(value instanceof Number n)) {
            return "gap " + value;
        }
        long gap = Math.round(n.doubleValue());
        return gap > 0 ? gap + " over" : gap < 0 ? -gap + " free" : "full";
    }

    private static boolean isPositive(Object value) {
        return value != null && (!(value instanceof Number n) || n.doubleValue() >= 0.5);
    }

    private static String number(Object value) {
        return value instanceof Number n ? String.format(Locale.UK, "%,.0f", n.doubleValue()) : String.valueOf(value);
    }
}
