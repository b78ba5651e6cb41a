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
 * in another LA would say what those children cost.
 */
final class CostFigures {
    /** The kind of home of an attributed category, and in-house against agency by contract. */
    static final String KIND = "CASE WHEN category LIKE 'foster\\_%' ESCAPE '\\' THEN 'fostering' "
            + "WHEN category LIKE 'home\\_%' ESCAPE '\\' THEN 'childrens_home' "
            + "WHEN category = 'supported' THEN 'supported' ELSE 'other' END";

    private CostFigures() {
    }

    static List<Figure> all() {
        return List.of(
                new Figure("cost-by-category", "Placements costed, annualised cost and average weekly fee at each month end, "
                        + "by placement category", """
                        SELECT la, month_end, category, sum(placements) AS placements,
                               round(sum(annualised_cost), 2) AS annualised_cost,
                               round(sum(annualised_cost) / 52 / sum(placements), 2) AS avg_weekly_cost
                        FROM placement_cost_month_end GROUP BY ALL""",
                        List.of(periodDate("month_end", "Month end"), dimension("category", "Placement category"),
                                count("placements", "Placements"), derived("annualised_cost", "Annualised cost (£)"),
                                derived("avg_weekly_cost", "Average weekly fee (£)"))),
                new Figure("cost-inhouse-agency", "In-house against agency: placements, annualised cost and average weekly "
                        + "fee at each month end", """
                        SELECT la, month_end, %s AS kind,
                               CASE WHEN contract = 'in_house' THEN 'in_house' ELSE 'agency' END AS sector,
                               sum(placements) AS placements, round(sum(annualised_cost), 2) AS annualised_cost,
                               round(sum(annualised_cost) / 52 / sum(placements), 2) AS avg_weekly_cost
                        FROM placement_cost_month_end GROUP BY ALL""".formatted(KIND),
                        List.of(periodDate("month_end", "Month end"), dimension("kind", "Kind of home"),
                                dimension("sector", "In-house or agency"), count("placements", "Placements"),
                                derived("annualised_cost", "Annualised cost (£)"),
                                derived("avg_weekly_cost", "Average weekly fee (£)"))),
                new Figure("cost-by-contract", "Placements costed at 31 March by kind of home, contract and provider",
                        """
                        SELECT la, month_end, %s AS kind, contract, provider, sum(placements) AS placements,
                               round(sum(annualised_cost), 2) AS annualised_cost,
                               round(sum(annualised_cost) / 52 / sum(placements), 2) AS avg_weekly_cost
                        FROM placement_cost_month_end_provider WHERE month(month_end) = 3 GROUP BY ALL""".formatted(KIND),
                        List.of(periodDate("month_end", "31 March"), dimension("kind", "Kind of home"),
                                dimension("contract", "Contract"), dimension("provider", "Provider (903 code)"),
                                count("placements", "Placements"), derived("annualised_cost", "Annualised cost (£)"),
                                derived("avg_weekly_cost", "Average weekly fee (£)"))),
                new Figure("spend-year", "Spend on placements in the financial year, by placement category", """
                        SELECT la, year, category, sum(children) AS children, round(sum(spend), 2) AS spend
                        FROM placement_spend_year GROUP BY ALL""",
                        List.of(periodYear("year", "Year to 31 March"), dimension("category", "Placement category"),
                                count("children", "Children costed in the year"), derived("spend", "Spend (£)"))),
                new Figure("cost-age-band", "Placements costed and average weekly fee at each month end, by age band", """
                        SELECT la, month_end, age_band, age_band_order, placements, annualised_cost, avg_weekly_cost
                        FROM placement_cost_age_band""",
                        List.of(periodDate("month_end", "Month end"), dimension("age_band", "Age band"),
                                count("placements", "Placements"), derived("annualised_cost", "Annualised cost (£)"),
                                derived("avg_weekly_cost", "Average weekly fee (£)")), "month_end, age_band_order"),
                new Figure("fee-bands", "Placements costed at each month end, by weekly fee band", """
                        SELECT la, month_end, fee_band, fee_band_order, sum(placements) AS placements
                        FROM placement_fee_bands GROUP BY ALL""",
                        List.of(periodDate("month_end", "Month end"), dimension("fee_band", "Weekly fee").withRemainder(),
                                count("placements", "Placements")), "month_end, fee_band_order"),
                new Figure("fee-changes", "Fee changes in each month, by placement category", """
                        SELECT la, month_end, category, fee_changes, increases, decreases, avg_change_pct
                        FROM placement_cost_changes""",
                        List.of(periodDate("month_end", "Month end"),
                                dimension("category", "Placement category").withRemainder(),
                                count("fee_changes", "Fee changes").sumOf("increases", "decreases"),
                                count("increases", "Increases"),
                                count("decreases", "Decreases"), derived("avg_change_pct", "Average change (%)",
                                        "fee_changes"))),
                new Figure("cost-unlinked", "Cost days with no 903 episode to attribute them to (data quality)", """
                        SELECT la, year, children, unlinked_children, cost_days, unlinked_days, unlinked_share, spend,
                               unlinked_spend
                        FROM cost_data_quality""",
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
