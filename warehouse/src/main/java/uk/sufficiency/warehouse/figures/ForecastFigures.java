package uk.sufficiency.warehouse.figures;

import static uk.sufficiency.warehouse.figures.FigureColumn.count;
import static uk.sufficiency.warehouse.figures.FigureColumn.derived;
import static uk.sufficiency.warehouse.figures.FigureColumn.dimension;
import static uk.sufficiency.warehouse.figures.FigureColumn.measure;
import static uk.sufficiency.warehouse.figures.FigureColumn.periodDate;
import static uk.sufficiency.warehouse.figures.FigureColumn.periodYear;

import java.util.Arrays;
import java.util.List;
import uk.sufficiency.warehouse.forecast.Scenario;

/**
 * The forecast (docs/forecast.md): projections, their cost and gap against capacity, the backtest
 * and the fitted rates. What the warehouse actually counted (history, backtest actuals, fitted flows,
 * the children a projection starts from) is a count. Projections are model outputs, but a group's
 * projection from a starting stock of 1-4 would echo it, so projected figures hide with the children
 * they start from, and spend also with the children whose fees make its average.
 */
final class ForecastFigures {
    /** Placement groups in PlacementGroup's order, all (the total) last: a macro rendered from PlacementGroup. */
    static final String GROUP_ORDER = "placement_group_order(placement_group)";
    /** The base first, then the saved scenarios by name. */
    private static final String SCENARIO_ORDER = "scenario <> '" + Scenario.BASE_NAME + "', scenario";

    private ForecastFigures() {
    }

    /** The five projected quantiles, hidden with the count of children they grow from. */
    private static List<FigureColumn> quantiles(String grownFrom) {
        return List.of(derived("p05", "Projected: 5th percentile", grownFrom),
                derived("p25", "Projected: 25th percentile", grownFrom),
                derived("p50", "Projected: median", grownFrom),
                derived("p75", "Projected: 75th percentile", grownFrom),
                derived("p95", "Projected: 95th percentile", grownFrom));
    }

    @SafeVarargs
    private static List<FigureColumn> columns(List<FigureColumn>... parts) {
        return Arrays.stream(parts).flatMap(List::stream).toList();
    }

    static List<Figure> all() {
        return List.of(
                // One row per month end and group: history (last three years) and the base projection beside it.
                new Figure("forecast-projection", "Children looked after by placement group: history and the base "
                        + "projection with its 50% and 90% ranges", FigureQueries.of("forecast-projection"),
                        columns(List.of(periodDate("month_end", "Month end"),
                                        dimension("placement_group", "Placement group"),
                                        count("actual", "Children looked after (actual)"),
                                        count("children_at_start", "Children at the start")),
                                quantiles("children_at_start")),
                        "month_end, " + GROUP_ORDER),
                // One row per month end, age band and group (and all groups): history (last three years) and the base.
                new Figure("forecast-age", "Children looked after by age band and placement group: history and the base "
                        + "projection with its 50% and 90% ranges", FigureQueries.of("forecast-age"),
                        columns(List.of(periodDate("month_end", "Month end"), dimension("age_band", "Age band"),
                                        dimension("placement_group", "Placement group"),
                                        count("actual", "Children looked after (actual)"),
                                        count("children_at_start", "Children at the start")),
                                quantiles("children_at_start")),
                        "month_end, " + FigureCatalogue.AGE_BAND_ORDER + ", " + GROUP_ORDER),
                new Figure("forecast-method", "How the base projection's rates go on, and why", FigureQueries.of("forecast-method"),
                        List.of(dimension("method", "Method the base uses"), dimension("chosen_by", "Chosen by"),
                                measure("origins", "Backtest origins"),
                                measure("constant_mape_12", "Constant rates: mean absolute % error at 12 months"),
                                measure("damped_trend_mape_12", "Damped trend: mean absolute % error at 12 months"),
                                measure("constant_mape_24", "Constant rates: mean absolute % error at 24 months"),
                                measure("damped_trend_mape_24", "Damped trend: mean absolute % error at 24 months")),
                        "la"),
                new Figure("forecast-scenarios", "Projected children looked after at each 31 March, by scenario and "
                        + "placement group, against the base", FigureQueries.of("forecast-scenarios"),
                        List.of(dimension("scenario", "Scenario"), periodDate("month_end", "31 March"),
                                dimension("placement_group", "Placement group"),
                                derived("p50", "Projected: median", "children_at_start"),
                                derived("p05", "Projected: 5th percentile", "children_at_start"),
                                derived("p95", "Projected: 95th percentile", "children_at_start"),
                                derived("expected", "Projected: expected", "children_at_start"),
                                // expected paths hold no simulation noise, so their difference is the scenario's effect
                                derived("difference_expected", "Expected against the base", "children_at_start"),
                                count("children_at_start", "Children at the start")),
                        "month_end, " + SCENARIO_ORDER + ", " + GROUP_ORDER),
                // The weekly fee is the average of the group's placements now: another LA's fee of one or two
                // placements would say what they cost, so it hides with the children in the group at the start.
                new Figure("forecast-cost", "Projected spend by financial year, by scenario and placement group", FigureQueries.of("forecast-cost"),
                        List.of(dimension("scenario", "Scenario"), periodYear("year", "Year to 31 March"),
                                dimension("placement_group", "Placement group"),
                                count("children_at_start", "Children at the start"),
                                // children with any costed day in the year, so more than are placed on the start day
                                count("fee_children", "Children with fees in the year to the start (the average's sample)"),
                                // spend is the fee times children: it would give a hidden fee back
                                derived("weekly_fee", "Average weekly fee at the start (£)", "children_at_start",
                                        "fee_children"),
                                derived("cost_p50", "Projected spend: median (£)", "children_at_start", "fee_children"),
                                derived("cost_p05", "Projected spend: 5th percentile (£)", "children_at_start",
                                        "fee_children"),
                                derived("cost_p95", "Projected spend: 95th percentile (£)", "children_at_start",
                                        "fee_children"),
                                derived("cost_expected", "Projected spend: expected (£)", "children_at_start",
                                        "fee_children"),
                                derived("difference_expected", "Expected against the base (£)", "children_at_start",
                                        "fee_children")),
                        "year, " + SCENARIO_ORDER + ", " + GROUP_ORDER),
                // Demand at the start is what the Capacity page counts: another LA's reader sees it (and the gap
                // and placements outside that grow from it) hidden when it is 1 to 4, as there.
                new Figure("forecast-gap", "Looked-after children placed in each provision against its places, at the"
                        + " start and each quarter end, by scenario", FigureQueries.of("forecast-gap"),
                        List.of(dimension("scenario", "Scenario"), periodDate("quarter_end", "Quarter end"),
                                dimension("placement_group", "Placement group"), dimension("provision", "Provision"),
                                derived("demand_p50", "Children placed in it: median", "children_at_start",
                                        "placed_at_start"),
                                derived("demand_p95", "Children placed in it: 95th percentile", "children_at_start",
                                        "placed_at_start"),
                                count("others", "Places used by others (occupied beyond the children placed)"),
                                measure("capacity", "Places or beds"),
                                derived("gap_p50", "Over its places (+) or free places (-): median", "children_at_start",
                                        "placed_at_start", "others"),
                                derived("gap_p95", "Over its places (+) or free places (-): 95th percentile",
                                        "children_at_start", "placed_at_start", "others"),
                                derived("outside_p50", "The group's children placed outside it (spot): median",
                                        "children_at_start", "placed_at_start"),
                                derived("outside_p95", "The group's children placed outside it (spot): 95th percentile",
                                        "children_at_start", "placed_at_start"),
                                count("children_at_start", "Children in the group at the start"),
                                count("placed_at_start", "Children placed in it at the start")),
                        "quarter_end, " + SCENARIO_ORDER + ", provision"),
                // Errors of a few children are unstable and, with one origin, would give the actual back: they
                // hide with the fewest children any origin's outcome had.
                new Figure("forecast-accuracy", "How accurate the forecast has been: backtest errors by horizon and "
                        + "placement group", FigureQueries.of("forecast-accuracy"),
                        List.of(dimension("horizon_months", "Months ahead"), dimension("placement_group", "Placement group"),
                                measure("origins", "Origins tested"),
                                count("fewest_actual", "Fewest children at an outcome"),
                                derived("mape", "Model: mean absolute % error", "fewest_actual"),
                                derived("last_value_mape", "Last value: mean absolute % error", "fewest_actual"),
                                derived("trend_mape", "Trend: mean absolute % error", "fewest_actual"),
                                derived("inside_50", "% of outcomes inside the 50% range", "fewest_actual"),
                                derived("inside_90", "% of outcomes inside the 90% range", "fewest_actual"),
                                derived("best", "Most accurate", "fewest_actual"),
                                dimension("method", "Model's method"),
                                derived("constant_mape", "Constant rates (expected): mean absolute % error", "fewest_actual"),
                                derived("damped_trend_mape", "Damped trend (expected): mean absolute % error",
                                        "fewest_actual")),
                        "horizon_months, " + GROUP_ORDER),
                new Figure("forecast-backtest", "Backtest: each origin's projection against what happened", FigureQueries.of("forecast-backtest"),
                        columns(List.of(periodDate("origin", "Projected from"),
                                        dimension("horizon_months", "Months ahead"),
                                        dimension("placement_group", "Placement group"),
                                        count("actual", "Children (actual)")),
                                // projections from a small starting stock would give it back
                                quantiles("last_value"), List.of(
                                derived("abs_pct_error", "Model: absolute % error", "actual"),
                                count("last_value", "Last value (children at the origin)"),
                                derived("last_value_abs_pct_error", "Last value: absolute % error", "actual", "last_value"),
                                // the trend at two horizons gives the last value back
                                derived("trend_value", "Trend", "last_value"),
                                derived("trend_abs_pct_error", "Trend: absolute % error", "actual"),
                                dimension("method", "Model's method"),
                                derived("constant_value", "Constant rates (expected)", "last_value"),
                                derived("constant_abs_pct_error", "Constant rates: absolute % error", "actual"),
                                derived("damped_trend_value", "Damped trend (expected)", "last_value"),
                                derived("damped_trend_abs_pct_error", "Damped trend: absolute % error", "actual"))),
                        "origin, horizon_months, " + GROUP_ORDER),
                new Figure("forecast-rates", "Rates fitted for the base projection over its reference period", FigureQueries.of("forecast-rates"),
                        List.of(measure("reference_from", "Fitted from"), measure("reference_to", "Fitted to"),
                                dimension("from_age_band", "From age band"), dimension("from_group", "From"),
                                dimension("to_age_band", "To age band"), dimension("to_group", "To"),
                                count("children", "Children who moved"),
                                derived("exposure_days", "Child-days in the state left", "children"),
                                derived("rate_per_year", "Rate per year", "children")),
                        "from_group, from_age_band, to_group, to_age_band"),
                new Figure("forecast-settings", "How each projection was made", FigureQueries.of("forecast-settings"),
                        List.of(dimension("scenario", "Scenario"), measure("start_date", "Projected from"),
                                measure("reference_from", "Rates fitted from"), measure("reference_to", "Rates fitted to"),
                                measure("end_date", "Projected to"), measure("runs", "Simulated runs"),
                                measure("seed", "Seed"), measure("fee_inflation_pct", "Fee inflation (% a year)")),
                        SCENARIO_ORDER));
    }
}
