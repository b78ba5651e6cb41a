package uk.sufficiency.warehouse.figures;

import static uk.sufficiency.warehouse.figures.FigureColumn.count;
import static uk.sufficiency.warehouse.figures.FigureColumn.derived;
import static uk.sufficiency.warehouse.figures.FigureColumn.dimension;
import static uk.sufficiency.warehouse.figures.FigureColumn.measure;
import static uk.sufficiency.warehouse.figures.FigureColumn.periodDate;
import static uk.sufficiency.warehouse.figures.FigureColumn.periodYear;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every figure the dashboard and its API publish (docs/dashboard.md lists them), each one query
 * over the views of docs/warehouse.md, in resources/figures ({@link FigureQueries}). Ids are part of the API: add, never rename.
 */
public final class FigureCatalogue {
    /** The strategy KPIs (kpi_month's ids), in the seed's order. */
    public static final List<String> KPIS = List.of("with_parents_share", "fostering_share", "step_down_started",
            "childrens_homes_share", "block_supported_high_priority_share");
    /** The measures of benchmark_comparison, each its own figure. */
    public static final List<String> BENCHMARK_MEASURES = List.of("looked_after_31_march", "started", "ceased");
    /** What each KPI and measure counts, as the seed's tables word it. */
    private static final Map<String, String> NAMES = Map.of(
            "with_parents_share", "Placements with parents, % of children looked after",
            "fostering_share", "Foster placements, % of children looked after",
            "childrens_homes_share", "Children in children's homes, % of children looked after",
            "step_down_started", "Step-down into fostering placements started in the year",
            "block_supported_high_priority_share",
            "Block supported accommodation beds used by high-priority young people, % of occupied beds",
            "looked_after_31_march", "Children looked after at 31 March per 10,000 children",
            "started", "Children who started to be looked after in the year per 10,000 children",
            "ceased", "Children who ceased to be looked after in the year per 10,000 children");

    /** The categories whose children the KPI cards show at each month end (kpi_month's stock). */
    static final List<List<String>> KPI_CATEGORIES = List.of(List.of("with_parents"),
            List.of("foster_kinship", "foster_inhouse", "foster_ifa", "foster_other"),
            List.of("home_inhouse", "home_agency", "home_other"));

    /** DfE age bands youngest first, for ORDER BY (the macro is rendered from AgeBand). */
    static final String AGE_BAND_ORDER = "age_band_order(age_band)";

    private static final Map<String, Figure> FIGURES = new LinkedHashMap<>();

    static {
        add(new Figure("cla-month-end", "Children looked after at each month end, by placement category", FigureQueries.of("cla-month-end"),
                List.of(periodDate("month_end", "Month end"), dimension("category", "Placement category").withRemainder()
                                .subtotals(KPI_CATEGORIES), count("children", "Children"))));
        add(new Figure("cla-rate-month-end", "Children looked after and rate per 10,000 children at each month end", FigureQueries.of("cla-rate-month-end"),
                List.of(periodDate("month_end", "Month end"), count("children", "Children looked after"),
                        measure("population_0_17", "Population aged 0 to 17"),
                        derived("rate_per_10000", "Rate per 10,000 children", "children"))));
        add(breakdown("cla-legal-status", "Children looked after at each month end, by legal status",
                "legal_status", "Legal status", null));
        add(breakdown("cla-age-band", "Children looked after at each month end, by age band",
                "age_band", "Age band", AGE_BAND_ORDER));
        add(breakdown("cla-sex", "Children looked after at each month end, by sex", "sex", "Sex", null));
        add(new Figure("cla-year", "Children looked after at 31 March, started and ceased in the year", FigureQueries.of("cla-year"),
                List.of(periodYear("year", "Year to 31 March"), count("looked_after_31_march", "Looked after at 31 March"),
                        count("started", "Started in year"), count("ceased", "Ceased in year"),
                        count("placement_moves", "Placement moves in year"),
                        measure("population_0_17", "Population aged 0 to 17"),
                        derived("rate_per_10000", "Rate per 10,000 at 31 March", "looked_after_31_march"))));
        add(new Figure("cla-ceased-reason", "Children who ceased to be looked after in the year, by reason", FigureQueries.of("cla-ceased-reason"),
                List.of(periodYear("year", "Year to 31 March"),
                        dimension("reason_group", "Reason for ceasing").withRemainder(),
                        count("children", "Children"), derived("share", "% of children who ceased", "children"))));
        add(new Figure("section20-age-band", "Children looked after under section 20 at 31 March, by age band", FigureQueries.of("section20-age-band"),
                List.of(periodDate("month_end", "31 March"), section20(dimension("age_band", "Age band")),
                        count("children", "Children")), "month_end, " + AGE_BAND_ORDER));
        add(new Figure("section20-category", "Children looked after under section 20 at 31 March, by placement category",
                FigureQueries.of("section20-category"),
                List.of(periodDate("month_end", "31 March"), section20(dimension("category", "Placement category")),
                        count("children", "Children"), derived("share", "% of section 20 children", "children"))));
        add(atThirtyFirstMarch("cla-sex-31-march", "Children looked after at 31 March, by sex", "sex", "Sex"));
        add(atThirtyFirstMarch("cla-age-band-31-march", "Children looked after at 31 March, by age band",
                "age_band", "Age band"));
        add(atThirtyFirstMarch("cla-ethnicity", "Children looked after at 31 March, by ethnic group",
                "ethnic_group", "Ethnic group"));
        add(new Figure("section20-age-group", "Children looked after under section 20 at 31 March, by the strategy's"
                + " age bands", FigureQueries.of("section20-age-group"),
                List.of(periodDate("month_end", "31 March"), section20(dimension("age_group", "Age")),
                        count("children", "Children"), derived("share", "% of section 20 children", "children")),
                "month_end, age_group_order"));
        for (String kpi : KPIS) {
            add(new Figure("kpi-" + kpi.replace('_', '-'), NAMES.get(kpi), FigureQueries.of("kpi", Map.of("kpi", kpi)),
                    List.of(periodDate("period_end", "As at"), derived("value", "Value", "children", "looked_after"),
                            derived("trajectory_value", "Trajectory", "baseline_children", "baseline_looked_after"),
                            derived("rag", "RAG"),
                            count("children", "Children counted"), count("looked_after", "Children looked after"),
                            measure("baseline_date", "Baseline date"),
                            derived("baseline_value", "Baseline", "baseline_children", "baseline_looked_after"),
                            measure("target_date", "Target date"), measure("target_value", "Target"),
                            measure("polarity", "Better when"), measure("tolerance", "Amber tolerance"),
                            derived("impact_since_baseline", "Impact since the baseline"),
                            count("baseline_children", "Baseline: children counted"),
                            count("baseline_looked_after", "Baseline: children looked after"),
                            measure("baseline_source", "Baseline from"),
                            measure("stated_baseline_value", "Baseline the targets file states"),
                            measure("target_source", "Target from"))));
        }
        add(new Figure("kpi-summary", "Strategy KPIs: baseline, latest value, target and impact since the baseline", FigureQueries.of("kpi-summary"),
                List.of(dimension("description", "Key performance indicator"),
                        derived("baseline_value", "Baseline", "baseline_children", "baseline_looked_after"),
                        measure("baseline_date", "Baseline date"),
                        derived("value", "Current level", "children", "looked_after"),
                        measure("period_end", "Current level as at"),
                        measure("target_value", "Target"), measure("target_date", "Target date"),
                        derived("impact_since_baseline", "Impact since the baseline"), derived("rag", "RAG"),
                        measure("baseline_source", "Baseline from"), measure("target_source", "Target from"),
                        count("children", "Children counted"), count("looked_after", "Children looked after"),
                        count("baseline_children", "Baseline: children counted"),
                        count("baseline_looked_after", "Baseline: children looked after")), "position"));
        add(new Figure("kpi-status", "Strategy KPIs: which can be measured from the loaded data", FigureQueries.of("kpi-status"),
                List.of(dimension("kpi", "KPI"), measure("position", "Order"), measure("loaded", "Measured"),
                        measure("reason", "Why not"), measure("description", "What it measures"),
                        measure("target_source", "Target from")), "position"));
        for (String measure : BENCHMARK_MEASURES) {
            add(new Figure("benchmark-" + measure.replace('_', '-'), NAMES.get(measure)
                    + ", against England, the region and statistical neighbours", FigureQueries.of("benchmark", Map.of("measure", measure)),
                    List.of(periodYear("year", "Year to 31 March"), count("children", "Children"),
                            derived("la_rate", "LA rate (warehouse)", "children"),
                            measure("dfe_la_rate", "LA rate (DfE published)"), measure("england_rate", "England"),
                            measure("region", "Region"), measure("region_rate", "Region rate"),
                            measure("sn_mean", "Statistical neighbours: mean"),
                            measure("sn_median", "Statistical neighbours: median"),
                            measure("sn_count", "Neighbours with a rate"), measure("sn_model", "Neighbour model"),
                            measure("sn_published_rate", "Statistical neighbours (published average)"),
                            derived("rank", "Rank among LAs", "children"), measure("las_ranked", "LAs ranked"),
                            derived("quartile_band", "Quartile band", "children"),
                            measure("dfe_la_children", "Children (DfE published)"),
                            derived("dfe_check", "Against DfE's published figure", "children"),
                            derived("children_difference", "Children: warehouse − DfE", "children"),
                            derived("rate_difference", "Rate: warehouse − DfE", "children"),
                            derived("ranked_on", "Ranked on", "children"))));
        }
        add(new Figure("benchmark-dfe-differences", "Figures that differ from DfE's published figures for the LA", FigureQueries.of("benchmark-dfe-differences"),
                List.of(periodYear("year", "Year to 31 March"), dimension("measure", "Measure"),
                        count("children", "Children (warehouse)"), measure("dfe_la_children", "Children (DfE published)"),
                        derived("children_difference", "Children: warehouse − DfE", "children"),
                        derived("la_rate", "Rate per 10,000 (warehouse)", "children"),
                        measure("dfe_la_rate", "Rate per 10,000 (DfE published)"),
                        derived("rate_difference", "Rate: warehouse − DfE", "children"),
                        derived("ranked_on", "Ranked on", "children"))));
        add(new Figure("fostering-quarter", "Non-connected foster placements at each quarter end, in-house and IFA, by age",
                FigureQueries.of("fostering-quarter"),
                List.of(periodDate("quarter_end", "Quarter end"), dimension("age_group", "Age").totalMember("All"),
                        count("inhouse", "In-house"),
                        count("ifa", "Independent fostering agency"),
                        derived("ifa_share", "IFA share (%)", "inhouse", "ifa"),
                        count("other_non_connected", "Other non-connected"), count("kinship", "Kinship")),
                "quarter_end, age_group_order"));
        // Each code with its meaning and what to do about it, from QualityCode (as the run summary prints them).
        add(new Figure("rejects-by-reason", "Rows rejected by the last run, by input and reason", FigureQueries.of("rejects-by-reason"),
                List.of(dimension("source", "Input"), dimension("reason", "Reason"), count("rows", "Rows rejected"),
                        dimension("meaning", "What it means"), dimension("what_to_do", "What to do")),
                "source, reason"));
        add(new Figure("warnings-by-type", "Warnings from the last run, by type", FigureQueries.of("warnings-by-type"),
                List.of(dimension("source", "Source"), dimension("warning", "Warning"), count("rows", "Rows"),
                        dimension("meaning", "What it means"), dimension("what_to_do", "What to do")),
                "source, warning"));
        CostFigures.all().forEach(FigureCatalogue::add);
        RequestFigures.all().forEach(FigureCatalogue::add);
        CapacityFigures.all().forEach(FigureCatalogue::add);
        ForecastFigures.all().forEach(FigureCatalogue::add);
    }

    private FigureCatalogue() {
    }

    /** Children looked after at each 31 March by one column, with each group's share of them (and group_order). */
    private static Figure atThirtyFirstMarch(String id, String title, String column, String label) {
        return new Figure(id, title, FigureQueries.of(id),
                List.of(periodDate("month_end", "31 March"), dimension(column, label), count("children", "Children"),
                        derived("share", "% of children looked after", "children")),
                "month_end, group_order");
    }

    /** A month-end count of children by one column of cla_month_end. */
    private static Figure breakdown(String id, String title, String column, String label, String order) {
        return new Figure(id, title, FigureQueries.of(id),
                List.of(periodDate("month_end", "Month end"), dimension(column, label).withRemainder(),
                        count("children", "Children")),
                order == null ? null : "month_end, " + order);
    }

    /** Section 20 children at 31 March add up to the legal-status figure's V2 children on the same day. */
    private static FigureColumn section20(FigureColumn dimension) {
        return dimension.withRemainder().totalIn("cla-legal-status", "children", "legal_status", "V2");
    }

    private static void add(Figure figure) {
        if (FIGURES.putIfAbsent(figure.id(), figure) != null) {
            throw new IllegalStateException("Two figures are called " + figure.id());
        }
    }

    public static Figure get(String id) {
        Figure figure = FIGURES.get(id);
        if (figure == null) {
            throw new IllegalArgumentException("No figure is called " + id);
        }
        return figure;
    }

    public static List<Figure> all() {
        return new ArrayList<>(FIGURES.values());
    }
}
