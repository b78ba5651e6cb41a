package uk.sufficiency.dashboard;

import java.util.List;
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
                        + " neighbours with a published rate that year. Rank 1 is the lowest rate.")).toList();
    }

    /** The sparkline of one KPI: its monthly value against the trajectory to its target. */
    static Chart kpi(String kpi) {
        return Chart.of("kpi-" + kpi.replace('_', '-'),
                Drawing.lines("period_end", List.of("value", "trajectory_value"), "%").inPercent(), null);
    }
}
