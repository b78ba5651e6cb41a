package uk.sufficiency.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.sufficiency.warehouse.figures.FigureCatalogue;

/** Charts made one per KPI or measure of the catalogue, so adding one there adds its chart here. */
final class FigureCatalogueCharts {
    private FigureCatalogueCharts() {
    }

    static List<Chart> benchmarks() {
        return FigureCatalogue.BENCHMARK_MEASURES.stream().map(measure -> Chart.of(
                "benchmark-" + measure.replace('_', '-'),
                Drawing.lines("year", List.of("la_rate", "dfe_la_rate", "england_rate", "region_rate", "sn_mean",
                        "sn_median", "sn_published_rate"), "Rate per 10,000"),
                "Statistical neighbours' mean is LAIT's figure, their median DfE's dashboard's; both over the"
                        + " neighbours with a published rate that year. Rank 1 is the lowest rate. The warehouse's"
                        + " figure differs from DfE's published one for the LA when its count is off by more than 5%"
                        + " of DfE's and more than 5 children, or its rate by more than 5% and more than 1 per 10,000"
                        + " (DfE rounds rates to whole numbers); it is then ranked on DfE's rate.")
                .withSummary(rows -> String.join(" ", List.of(rankAndBand(rows), dfeDifferences(rows),
                        notDrawn(rows)).stream().filter(t -> !t.isEmpty()).toList()))).toList();
    }

    /** In words, the years whose warehouse figure differs from DfE's published one for the LA. */
    static String dfeDifferences(List<Map<String, Object>> rows) {
        List<String> years = rows.stream().filter(r -> "differs".equals(r.get("dfe_check")))
                .map(r -> r.get("year") + " (warehouse: rate " + r.get("la_rate") + ", count " + r.get("children")
                        + "; DfE: rate " + r.get("dfe_la_rate") + ", count " + r.get("dfe_la_children") + ")")
                .toList();
        if (years.isEmpty()) {
            return "";
        }
        return "The warehouse's figure differs from DfE's published figure for this LA by more than the margin in "
                + String.join(", ", years) + ": those years are ranked on DfE's figure. Check the returns loaded"
                + " for them are complete (every child, every year) and the population file; the Data quality page"
                + " lists them.";
    }

    /** Says which published lines the chart cannot draw, because no figure for them is loaded. */
    static String notDrawn(List<Map<String, Object>> rows) {
        List<String> missing = new ArrayList<>();
        if (rows.stream().allMatch(r -> r.get("england_rate") == null)) {
            missing.add("England");
        }
        if (rows.stream().allMatch(r -> r.get("region_rate") == null)) {
            missing.add(rows.stream().allMatch(r -> r.get("region") == null) ? "the region (the LA's region is not known)"
                    : "the region");
        }
        if (rows.stream().allMatch(r -> r.get("sn_mean") == null && r.get("sn_published_rate") == null)) {
            missing.add("statistical neighbours");
        }
        if (missing.isEmpty()) {
            return "";
        }
        return "Not drawn: " + String.join(", ", missing) + ", because no published figure for this measure is"
                + " loaded for them (DfE's cla_number_and_rate_per_10k_children.csv gives England, the regions and"
                + " every LA for all three measures; a simple benchmarks file may give only some).";
    }

    /** The latest year's rank, quartile band and neighbour model, as the table has them. */
    static String rankAndBand(List<Map<String, Object>> rows) {
        Map<String, Object> latest = rows.get(rows.size() - 1);
        String year = "Year to 31 March " + latest.get("year") + ": ";
        String rank = latest.get("rank") == null
                ? "no rank (no other LA's published rate that year)"
                : "rank " + latest.get("rank") + " of " + latest.get("las_ranked") + " LAs, quartile band "
                        + latest.get("quartile_band");
        String model = latest.get("sn_model") == null
                ? (latest.get("sn_published_rate") == null ? "no statistical neighbours loaded"
                        : "statistical neighbours: the published average")
                : "statistical neighbours from DfE's " + latest.get("sn_model") + " model ("
                        + latest.get("sn_count") + " with a rate)";
        return year + rank + "; " + model + ".";
    }

    /** The sparkline of one KPI: its monthly value against the trajectory to its target. */
    static Chart kpi(String kpi) {
        Drawing drawing = Drawing.lines("period_end", List.of("value", "trajectory_value"),
                kpi.endsWith("_share") ? "%" : "Placements");
        return Chart.of("kpi-" + kpi.replace('_', '-'), kpi.endsWith("_share") ? drawing.inPercent() : drawing, null);
    }
}
