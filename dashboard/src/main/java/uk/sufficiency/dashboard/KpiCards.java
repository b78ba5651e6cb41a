package uk.sufficiency.dashboard;

import static uk.sufficiency.dashboard.DashboardPage.escape;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The landing page's cards: one per strategy KPI with its latest value, baseline (and where it came
 * from), impact since the baseline, target and its source, trajectory and RAG status (in words as
 * well as colour), and its monthly series as a sparkline with the table and downloads of any chart.
 * A KPI whose inputs are not loaded says so; one without a target of the LA's own says "No target
 * set" and shows no RAG.
 */
final class KpiCards {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final Map<String, String> RAG_TEXT = Map.of(
            "green", "Green: at or better than the trajectory",
            "amber", "Amber: worse than the trajectory, within the tolerance",
            "red", "Red: worse than the trajectory by more than the tolerance");

    private KpiCards() {
    }

    /**
     * {@code status} is the kpi-status figure's rows; {@code series} gives a KPI's figure rows (only
     * asked for measured KPIs); {@code panel} renders a chart panel from rows.
     */
    static String render(List<Map<String, Object>> status, Function<String, List<Map<String, Object>>> series,
                         Function<String, String> panel) {
        StringBuilder html = new StringBuilder("<div class=\"kpis\">\n");
        for (Map<String, Object> kpi : status) {
            String id = (String) kpi.get("kpi");
            String description = Objects.toString(kpi.get("description"), id);
            html.append("<article class=\"kpi\" id=\"kpi-").append(escape(id)).append("\">\n<h2>")
                    .append(escape(description)).append("</h2>\n");
            if (!Boolean.TRUE.equals(kpi.get("loaded"))) {
                // kpi_status words its reason "not loaded yet: needs ...", which the heading here already says.
                String needs = Objects.toString(kpi.get("reason"), "").replaceFirst("^not loaded yet: ", "");
                html.append("<p class=\"not-loaded\"><strong>Not measured yet:</strong> this KPI ")
                        .append(escape(needs)).append(".</p>\n</article>\n");
                continue;
            }
            List<Map<String, Object>> rows = series.apply(id);
            Map<String, Object> latest = rows.stream().filter(r -> r.get("value") != null)
                    .reduce((a, b) -> b).orElse(null);
            if (latest == null) {
                html.append("<p>No month in the selected period has a value.</p>\n</article>\n");
                continue;
            }
            String rag = Objects.toString(latest.get("rag"), "");
            String better = "down".equals(latest.get("polarity")) ? "lower is better" : "higher is better";
            // Shares are percentages at a month (or capacity) date; step-downs are counted per year to 31 March.
            boolean share = id.endsWith("_share");
            String unit = share ? "%" : "";
            String when = share ? "at " + month(latest.get("period_end"))
                    : "in the year to " + day(latest.get("period_end"));
            String value = figure(latest.get("value"), share);
            if (latest.get("target_source") == null) {
                // Targets belong to an LA: without its own, the series stands alone, never against another's.
                html.append("""
                        <p class="kpi-value"><span class="big">%1$s%2$s</span> %3$s</p>
                        <p class="rag rag-none">No target set: the targets loaded for this local authority have no \
                        row for this KPI, so it has no baseline, trajectory or RAG status.</p>
                        """.formatted(value, unit, when));
                html.append(panel.apply(id)).append("</article>\n");
                continue;
            }
            boolean ownBaseline = "data".equals(latest.get("baseline_source"));
            String baselineFrom = ownBaseline
                    ? "computed from the data; the targets file states " + figure(latest.get("stated_baseline_value"), share)
                            + unit
                    : "as the targets file states it: the data does not reach back to this date";
            html.append("""
                    <p class="kpi-value"><span class="big">%1$s%2$s</span> %3$s</p>
                    <p class="rag rag-%4$s">%5$s</p>
                    <dl>
                    <dt>Baseline</dt><dd>%6$s%2$s at %7$s (%14$s)</dd>
                    <dt>Impact since the baseline</dt><dd>%15$s</dd>
                    <dt>Target</dt><dd>%8$s%2$s by %9$s (%10$s)</dd>
                    <dt>Trajectory now</dt><dd>%11$s%2$s</dd>
                    <dt>Amber when</dt><dd>worse than the trajectory by %12$s %13$s or less</dd>
                    <dt>Target from</dt><dd>%16$s</dd>
                    </dl>
                    """.formatted(value, unit, when, escape(rag.isEmpty() ? "none" : rag),
                    escape(RAG_TEXT.getOrDefault(rag, "No RAG status: no target for this KPI")),
                    figure(latest.get("baseline_value"), share), day(latest.get("baseline_date")),
                    figure(latest.get("target_value"), share), day(latest.get("target_date")), better,
                    text(latest.get("trajectory_value")), text(latest.get("tolerance")),
                    share ? "points" : "placements", escape(baselineFrom),
                    impact(latest.get("impact_since_baseline"), share, "down".equals(latest.get("polarity"))),
                    escape(latest.get("target_source").toString())));
            html.append(panel.apply(id)).append("</article>\n");
        }
        return html.append("</div>\n").toString();
    }

    /** The change from the baseline, signed, in points or placements, and whether it is the better way. */
    private static String impact(Object change, boolean share, boolean lowerIsBetter) {
        if (!(change instanceof Number n)) {
            return text(change);
        }
        double d = n.doubleValue();
        String size = figure(Math.abs(d), share) + (share ? (Math.abs(d) == 1 ? " point" : " points")
                : (Math.abs(d) == 1 ? " placement a year" : " placements a year"));
        if (d == 0) {
            return "no change";
        }
        return (d < 0 ? "down " : "up ") + size + ((d < 0) == lowerIsBetter ? " (the better way)" : " (the worse way)");
    }

    /** A share to one decimal; a count of placements whole. */
    private static String figure(Object value, boolean share) {
        return !share && value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                ? String.valueOf(n.longValue()) : text(value);
    }

    private static String text(Object value) {
        return value == null ? "–" : escape(value instanceof Double d ? String.format(Locale.UK, "%.1f", d) : value.toString());
    }

    private static String month(Object iso) {
        return iso == null ? "" : LocalDate.parse(iso.toString()).format(MONTH);
    }

    private static String day(Object iso) {
        return iso == null ? "" : LocalDate.parse(iso.toString()).format(DAY);
    }
}
