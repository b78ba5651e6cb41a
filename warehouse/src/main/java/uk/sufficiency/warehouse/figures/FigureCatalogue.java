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
import uk.sufficiency.warehouse.QualityCode;
import uk.sufficiency.warehouse.forecast.AgeBand;

/**
 * Every figure the dashboard and its API publish (docs/dashboard.md lists them), each one query
 * over the views of docs/warehouse.md. Ids are part of the API: add, never rename.
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

    /** DfE age bands youngest first, for ORDER BY. */
    static final String AGE_BAND_ORDER = AgeBand.sqlOrder("age_band");

    private static final Map<String, Figure> FIGURES = new LinkedHashMap<>();

    static {
        add(new Figure("cla-month-end", "Children looked after at each month end, by placement category", """
                SELECT la, month_end, category, count(*) AS children FROM cla_month_end GROUP BY ALL""",
                List.of(periodDate("month_end", "Month end"), dimension("category", "Placement category").withRemainder()
                                .subtotals(KPI_CATEGORIES), count("children", "Children"))));
        add(new Figure("cla-rate-month-end", "Children looked after and rate per 10,000 children at each month end", """
                SELECT m.la, m.month_end, coalesce(s.children, 0) AS children, p.population_0_17,
                       CASE WHEN p.population_0_17 > 0
                            THEN round(coalesce(s.children, 0) * 10000.0 / p.population_0_17, 1) END AS rate_per_10000
                FROM month_ends m
                LEFT JOIN (SELECT la, month_end, count(*) AS children FROM cla_month_end GROUP BY ALL) s
                       USING (la, month_end)
                LEFT JOIN population p ON p.area = upper(trim(m.la))
                      AND p.calendar_year = year(m.month_end) + CASE WHEN month(m.month_end) >= 4 THEN 0 ELSE -1 END""",
                List.of(periodDate("month_end", "Month end"), count("children", "Children looked after"),
                        measure("population_0_17", "Population aged 0 to 17"),
                        derived("rate_per_10000", "Rate per 10,000 children", "children"))));
        add(breakdown("cla-legal-status", "Children looked after at each month end, by legal status",
                "legal_status", "Legal status", null));
        add(breakdown("cla-age-band", "Children looked after at each month end, by age band",
                "age_band", "Age band", AGE_BAND_ORDER));
        add(breakdown("cla-sex", "Children looked after at each month end, by sex", "sex", "Sex", null));
        add(new Figure("cla-year", "Children looked after at 31 March, started and ceased in the year", """
                SELECT la, year, looked_after_31_march, started, ceased, placement_moves, population_0_17, rate_per_10000
                FROM cla_year""",
                List.of(periodYear("year", "Year to 31 March"), count("looked_after_31_march", "Looked after at 31 March"),
                        count("started", "Started in year"), count("ceased", "Ceased in year"),
                        count("placement_moves", "Placement moves in year"),
                        measure("population_0_17", "Population aged 0 to 17"),
                        derived("rate_per_10000", "Rate per 10,000 at 31 March", "looked_after_31_march"))));
        add(new Figure("cla-ceased-reason", "Children who ceased to be looked after in the year, by reason", """
                SELECT la, year, reason_group, sum(children) AS children,
                       round(100.0 * sum(children) / sum(sum(children)) OVER (PARTITION BY la, year), 1) AS share
                FROM cla_ceased_reason GROUP BY la, year, reason_group""",
                List.of(periodYear("year", "Year to 31 March"),
                        dimension("reason_group", "Reason for ceasing").withRemainder(),
                        count("children", "Children"), derived("share", "% of children who ceased", "children"))));
        add(new Figure("section20-age-band", "Children looked after under section 20 at 31 March, by age band", """
                SELECT la, month_end, age_band, count(*) AS children FROM cla_month_end
                WHERE legal_status = 'V2' AND month(month_end) = 3 GROUP BY ALL""",
                List.of(periodDate("month_end", "31 March"), section20(dimension("age_band", "Age band")),
                        count("children", "Children")), "month_end, " + AGE_BAND_ORDER));
        add(new Figure("section20-category", "Children looked after under section 20 at 31 March, by placement category",
                """
                SELECT la, month_end, category, count(*) AS children,
                       round(100.0 * count(*) / sum(count(*)) OVER (PARTITION BY la, month_end), 1) AS share
                FROM cla_month_end WHERE legal_status = 'V2' AND month(month_end) = 3
                GROUP BY la, month_end, category""",
                List.of(periodDate("month_end", "31 March"), section20(dimension("category", "Placement category")),
                        count("children", "Children"), derived("share", "% of section 20 children", "children"))));
        add(atThirtyFirstMarch("cla-sex-31-march", "Children looked after at 31 March, by sex",
                "SELECT * FROM cla_month_end", "sex", "Sex", "sex"));
        add(atThirtyFirstMarch("cla-age-band-31-march", "Children looked after at 31 March, by age band",
                "SELECT * FROM cla_month_end", "age_band", "Age band", AGE_BAND_ORDER));
        add(atThirtyFirstMarch("cla-ethnicity", "Children looked after at 31 March, by ethnic group", """
                SELECT c.la, c.month_end, coalesce(g.ethnic_group, 'Not recorded') AS ethnic_group,
                       coalesce(g.ethnic_group_order, 7) AS ethnic_group_order
                FROM cla_month_end c LEFT JOIN child_ethnic_group g ON g.la = c.la AND g.child = c.child""",
                "ethnic_group", "Ethnic group", "ethnic_group_order"));
        add(new Figure("section20-age-group", "Children looked after under section 20 at 31 March, by the strategy's"
                + " age bands", """
                WITH s20 AS (
                    SELECT la, month_end,
                           CASE WHEN age IS NULL THEN 'Unknown' WHEN age <= 5 THEN '0-5' WHEN age <= 10 THEN '6-10'
                                WHEN age <= 13 THEN '11-13' WHEN age <= 15 THEN '14-15' ELSE '16-17' END AS age_group
                    FROM cla_month_end WHERE legal_status = 'V2' AND month(month_end) = 3),
                cells AS (  -- every band at every 31 March, as the strategy's table; Unknown only when some child is
                    SELECT m.la, m.month_end, g.age_group, g.age_group_order
                    FROM month_ends m CROSS JOIN (VALUES ('0-5', 1), ('6-10', 2), ('11-13', 3), ('14-15', 4),
                                                         ('16-17', 5)) g(age_group, age_group_order)
                    WHERE month(m.month_end) = 3
                    UNION ALL
                    SELECT DISTINCT la, month_end, 'Unknown', 6 FROM s20 WHERE age_group = 'Unknown'),
                counts AS (SELECT la, month_end, age_group, count(*) AS children FROM s20 GROUP BY ALL)
                SELECT c.la, c.month_end, c.age_group, c.age_group_order, coalesce(n.children, 0) AS children,
                       round(100.0 * coalesce(n.children, 0)
                             / nullif(sum(coalesce(n.children, 0)) OVER (PARTITION BY c.la, c.month_end), 0), 1) AS share
                FROM cells c LEFT JOIN counts n USING (la, month_end, age_group)""",
                List.of(periodDate("month_end", "31 March"), section20(dimension("age_group", "Age")),
                        count("children", "Children"), derived("share", "% of section 20 children", "children")),
                "month_end, age_group_order"));
        for (String kpi : KPIS) {
            add(new Figure("kpi-" + kpi.replace('_', '-'), NAMES.get(kpi), """
                    SELECT la, period_end, value, trajectory_value, rag, children, looked_after, baseline_date,
                           baseline_value, target_date, target_value, polarity, tolerance, impact_since_baseline,
                           baseline_children, baseline_looked_after, baseline_source, stated_baseline_value,
                           target_source
                    FROM kpi_month WHERE kpi = '%s'""".formatted(kpi),
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
        add(new Figure("kpi-summary", "Strategy KPIs: baseline, latest value, target and impact since the baseline", """
                SELECT s.la, s.position, s.description, m.period_end, m.value, m.baseline_date, m.baseline_value,
                       m.target_value, m.target_date, m.impact_since_baseline, m.rag, m.children, m.looked_after,
                       m.baseline_children, m.baseline_looked_after, m.baseline_source,
                       coalesce(s.target_source, 'no target set') AS target_source
                FROM kpi_status s
                LEFT JOIN (SELECT *, row_number() OVER (PARTITION BY la, kpi ORDER BY period_end DESC) AS pick
                           FROM kpi_month WHERE value IS NOT NULL) m
                       ON m.la = s.la AND m.kpi = s.kpi AND m.pick = 1
                WHERE s.loaded""",
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
        add(new Figure("kpi-status", "Strategy KPIs: which can be measured from the loaded data", """
                SELECT la, kpi, position, loaded, reason, description, target_source FROM kpi_status""",
                List.of(dimension("kpi", "KPI"), measure("position", "Order"), measure("loaded", "Measured"),
                        measure("reason", "Why not"), measure("description", "What it measures"),
                        measure("target_source", "Target from")), "position"));
        for (String measure : BENCHMARK_MEASURES) {
            String count = measure.equals("looked_after_31_march") ? "looked_after_31_march" : measure;
            add(new Figure("benchmark-" + measure.replace('_', '-'), NAMES.get(measure)
                    + ", against England, the region and statistical neighbours", """
                    SELECT b.la, b.year, y.%1$s AS children, b.la_rate, b.dfe_la_rate, b.england_rate, b.region,
                           b.region_rate, b.sn_mean, b.sn_median, b.sn_count, b.sn_model, b.sn_published_rate,
                           b.rank, b.las_ranked, b.quartile_band, b.dfe_la_children, b.dfe_check,
                           b.children_difference, b.rate_difference, b.ranked_on
                    FROM benchmark_comparison b JOIN cla_year y USING (la, year)
                    WHERE b.measure = '%2$s'""".formatted(count, measure),
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
        add(new Figure("benchmark-dfe-differences", "Figures that differ from DfE's published figures for the LA", """
                SELECT la, year, measure, la_children AS children, dfe_la_children, children_difference, la_rate,
                       dfe_la_rate, rate_difference, ranked_on
                FROM benchmark_comparison WHERE dfe_check = 'differs'""",
                List.of(periodYear("year", "Year to 31 March"), dimension("measure", "Measure"),
                        count("children", "Children (warehouse)"), measure("dfe_la_children", "Children (DfE published)"),
                        derived("children_difference", "Children: warehouse − DfE", "children"),
                        derived("la_rate", "Rate per 10,000 (warehouse)", "children"),
                        measure("dfe_la_rate", "Rate per 10,000 (DfE published)"),
                        derived("rate_difference", "Rate: warehouse − DfE", "children"),
                        derived("ranked_on", "Ranked on", "children"))));
        add(new Figure("fostering-quarter", "Non-connected foster placements at each quarter end, in-house and IFA, by age",
                """
                SELECT la, quarter_end, age_group, age_group_order, inhouse, ifa, ifa_share, other_non_connected, kinship
                FROM fostering_quarter""",
                List.of(periodDate("quarter_end", "Quarter end"), dimension("age_group", "Age").totalMember("All"),
                        count("inhouse", "In-house"),
                        count("ifa", "Independent fostering agency"),
                        derived("ifa_share", "IFA share (%)", "inhouse", "ifa"),
                        count("other_non_connected", "Other non-connected"), count("kinship", "Kinship")),
                "quarter_end, age_group_order"));
        // Each code with its meaning and what to do about it, from QualityCode (as the run summary prints them).
        add(new Figure("rejects-by-reason", "Rows rejected by the last run, by input and reason", """
                SELECT la, source, reason, rows, %s AS meaning, %s AS what_to_do FROM (
                SELECT la, '903' AS source, reason, count(*) AS rows FROM rejected_episodes GROUP BY ALL
                UNION ALL
                SELECT la, source, reason, count(*) AS rows FROM rejected_rows GROUP BY ALL)"""
                .formatted(QualityCode.sqlCase("reason", false), QualityCode.sqlCase("reason", true)),
                List.of(dimension("source", "Input"), dimension("reason", "Reason"), count("rows", "Rows rejected"),
                        dimension("meaning", "What it means"), dimension("what_to_do", "What to do")),
                "source, reason"));
        add(new Figure("warnings-by-type", "Warnings from the last run, by type", """
                SELECT la, source, warning, rows, %s AS meaning, %s AS what_to_do FROM (
                SELECT la, source, warning, sum(count) AS rows FROM data_quality GROUP BY ALL)"""
                .formatted(QualityCode.sqlCase("warning", false), QualityCode.sqlCase("warning", true)),
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

    /**
     * Children looked after at each 31 March by one column of {@code from} (a query with la, month_end,
     * the column and {@code order}'s columns, one row per child), with each group's share of them.
     */
    private static Figure atThirtyFirstMarch(String id, String title, String from, String column, String label,
                                             String order) {
        return new Figure(id, title, """
                SELECT la, month_end, %1$s, count(*) AS children,
                       round(100.0 * count(*) / sum(count(*)) OVER (PARTITION BY la, month_end), 1) AS share,
                       min(%2$s) AS group_order
                FROM (%3$s) WHERE month(month_end) = 3 GROUP BY la, month_end, %1$s""".formatted(column, order, from),
                List.of(periodDate("month_end", "31 March"), dimension(column, label), count("children", "Children"),
                        derived("share", "% of children looked after", "children")),
                "month_end, group_order");
    }

    /** A month-end count of children by one column of cla_month_end. */
    private static Figure breakdown(String id, String title, String column, String label, String order) {
        return new Figure(id, title, "SELECT la, month_end, %s, count(*) AS children FROM cla_month_end GROUP BY ALL"
                .formatted(column),
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
