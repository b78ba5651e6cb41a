package uk.sufficiency.dashboard;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The landing page's cards (kpis.jte): one per strategy KPI with its latest value, baseline (and where it came
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

    /** The cards, for kpis.jte. */
    record View(List<Card> cards) implements Panel {
    }

    /**
     * One KPI's card: {@code notMeasured} says what it needs when its inputs are not loaded; else
     * {@code value} is null when no month has one; else {@code target} is null when the LA has none, and
     * {@code chart} is its series.
     */
    record Card(String id, String heading, String notMeasured, String value, String unit, String when, Target target,
                ChartPanel.View chart) {
    }

    /** The card's measure against the LA's own target, every figure already worded. */
    record Target(String rag, String ragText, String baseline, String baselineDate, String baselineFrom, String impact,
                  String value, String date, String better, String trajectory, String tolerance, String toleranceUnit,
                  String source) {
    }

    /**
     * {@code status} is the kpi-status figure's rows; {@code series} gives a KPI's figure rows (only
     * asked for measured KPIs); {@code panel} makes a chart panel from rows.
     */
    static View view(List<Map<String, Object>> status, Function<String, List<Map<String, Object>>> series,
                     Function<String, ChartPanel.View> panel) {
        return new View(status.stream().map(kpi -> card(kpi, series, panel)).toList());
    }

    private static Card card(Map<String, Object> kpi, Function<String, List<Map<String, Object>>> series,
                             Function<String, ChartPanel.View> panel) {
        String id = (String) kpi.get("kpi");
        String description = Objects.toString(kpi.get("description"), id);
        if (!Boolean.TRUE.equals(kpi.get("loaded"))) {
            // kpi_status words its reason "not loaded yet: needs ...", which the heading here already says.
            String needs = Objects.toString(kpi.get("reason"), "").replaceFirst("^not loaded yet: ", "");
            return new Card(id, description, needs, null, null, null, null, null);
        }
        List<Map<String, Object>> rows = series.apply(id);
        Map<String, Object> latest = rows.stream().filter(r -> r.get("value") != null).reduce((a, b) -> b).orElse(null);
        if (latest == null) {
            return new Card(id, description, null, null, null, null, null, null);
        }
        // Shares are percentages at a month (or capacity) date; step-downs are counted per year to 31 March.
        boolean share = id.endsWith("_share");
        String unit = share ? "%" : "";
        String when = share ? "at " + month(latest.get("period_end")) : "in the year to " + day(latest.get("period_end"));
        String value = figure(latest.get("value"), share);
        // Targets belong to an LA: without its own, the series stands alone, never against another's.
        Target target = latest.get("target_source") == null ? null : target(latest, share);
        return new Card(id, description, null, value, unit, when, target, panel.apply(id));
    }

    private static Target target(Map<String, Object> latest, boolean share) {
        String rag = Objects.toString(latest.get("rag"), "");
        boolean lowerIsBetter = "down".equals(latest.get("polarity"));
        String baselineFrom = "data".equals(latest.get("baseline_source"))
                ? "computed from the data; the targets file states " + figure(latest.get("stated_baseline_value"), share)
                        + (share ? "%" : "")
                : "as the targets file states it: the data does not reach back to this date";
        return new Target(rag.isEmpty() ? "none" : rag, RAG_TEXT.getOrDefault(rag, "No RAG status: no target for this KPI"),
                figure(latest.get("baseline_value"), share), day(latest.get("baseline_date")), baselineFrom,
                impact(latest.get("impact_since_baseline"), share, lowerIsBetter),
                figure(latest.get("target_value"), share), day(latest.get("target_date")),
                lowerIsBetter ? "lower is better" : "higher is better", text(latest.get("trajectory_value")),
                text(latest.get("tolerance")), share ? "points" : "placements", latest.get("target_source").toString());
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
        return value == null ? "–" : value instanceof Double d ? String.format(Locale.UK, "%.1f", d) : value.toString();
    }

    private static String month(Object iso) {
        return iso == null ? "" : LocalDate.parse(iso.toString()).format(MONTH);
    }

    private static String day(Object iso) {
        return iso == null ? "" : LocalDate.parse(iso.toString()).format(DAY);
    }
}
