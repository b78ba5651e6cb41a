package uk.sufficiency.dashboard;

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
                Drawing.lines("year", List.of("la_rate", "england_rate", "region_rate", "sn_mean", "sn_median",
                        "sn_published_rate"), "Rate per 10,000"),
                "Statistical neighbours' mean is LAIT's figure, their median DfE's dashboard's; both over the"
                        + " neighbours with a published rate that year. Rank 1 is the lowest rate.")
                .withSummary(FigureCatalogueCharts::rankAndBand)).toList();
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
