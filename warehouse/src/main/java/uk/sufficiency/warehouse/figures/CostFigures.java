package uk.sufficiency.warehouse.figures;

import static uk.sufficiency.warehouse.figures.FigureColumn.count;
import static uk.sufficiency.warehouse.figures.FigureColumn.derived;
import static uk.sufficiency.warehouse.figures.FigureColumn.dimension;
import static uk.sufficiency.warehouse.figures.FigureColumn.periodDate;
import static uk.sufficiency.warehouse.figures.FigureColumn.periodYear;

import java.util.List;

/**
 * Placement costs (inputs.md §2) as finance reads them: placements costed at each month end with
 * their annualised cost (Σ weekly fee × 52) and average weekly fee. Money is computed from the
 * placements counted beside it, so it is suppressed with them: the fee of one or two placements
 * in another LA would say what those children cost. The kind of home is the home_kind macro
 * (sql/macros/home_kind.sql).
 */
final class CostFigures {
    private CostFigures() {
    }

    static List<Figure> all() {
        return List.of(
                new Figure("cost-by-category", "Placements costed, annualised cost and average weekly fee at each month end, "
                        + "by placement category", FigureQueries.of("cost-by-category"),
                        List.of(periodDate("month_end", "Month end"), dimension("category", "Placement category"),
                                count("placements", "Placements"), derived("annualised_cost", "Annualised cost (£)"),
                                derived("avg_weekly_cost", "Average weekly fee (£)"))),
                new Figure("cost-inhouse-agency", "In-house against agency: placements, annualised cost and average weekly "
                        + "fee at each month end", FigureQueries.of("cost-inhouse-agency"),
                        List.of(periodDate("month_end", "Month end"), dimension("kind", "Kind of home"),
                                dimension("sector", "In-house or agency"), count("placements", "Placements"),
                                derived("annualised_cost", "Annualised cost (£)"),
                                derived("avg_weekly_cost", "Average weekly fee (£)"))),
                new Figure("cost-by-contract", "Placements costed at 31 March by kind of home, contract and provider",
                        FigureQueries.of("cost-by-contract"),
                        List.of(periodDate("month_end", "31 March"), dimension("kind", "Kind of home"),
                                dimension("contract", "Contract"), dimension("provider", "Provider (903 code)"),
                                count("placements", "Placements"), derived("annualised_cost", "Annualised cost (£)"),
                                derived("avg_weekly_cost", "Average weekly fee (£)"))),
                new Figure("spend-year", "Spend on placements in the financial year, by placement category", FigureQueries.of("spend-year"),
                        List.of(periodYear("year", "Year to 31 March"), dimension("category", "Placement category"),
                                count("children", "Children costed in the year"), derived("spend", "Spend (£)"))),
                new Figure("cost-age-band", "Placements costed and average weekly fee at each month end, by age band", FigureQueries.of("cost-age-band"),
                        List.of(periodDate("month_end", "Month end"), dimension("age_band", "Age band"),
                                count("placements", "Placements"), derived("annualised_cost", "Annualised cost (£)"),
                                derived("avg_weekly_cost", "Average weekly fee (£)")), "month_end, age_band_order"),
                new Figure("fee-bands", "Placements costed at each month end, by weekly fee band", FigureQueries.of("fee-bands"),
                        List.of(periodDate("month_end", "Month end"), dimension("fee_band", "Weekly fee").withRemainder(),
                                count("placements", "Placements")), "month_end, fee_band_order"),
                new Figure("fee-changes", "Fee changes in each month, by placement category", FigureQueries.of("fee-changes"),
                        List.of(periodDate("month_end", "Month end"),
                                dimension("category", "Placement category").withRemainder(),
                                count("fee_changes", "Fee changes").sumOf("increases", "decreases"),
                                count("increases", "Increases"),
                                count("decreases", "Decreases"), derived("avg_change_pct", "Average change (%)",
                                        "fee_changes"))),
                new Figure("cost-unlinked", "Cost days with no 903 episode to attribute them to (data quality)", FigureQueries.of("cost-unlinked"),
                        // Days and money of a few children say what those children cost: they hide with them.
                        List.of(periodYear("year", "Year to 31 March"), count("children", "Children costed"),
                                count("unlinked_children", "Children with unlinked days"),
                                derived("cost_days", "Days costed", "children"),
                                derived("unlinked_days", "Days unlinked", "unlinked_children"),
                                derived("unlinked_share", "% unlinked", "children", "unlinked_children"),
                                derived("spend", "Spend (£)", "children"),
                                derived("unlinked_spend", "Spend unlinked (£)", "unlinked_children"))));
    }
}
