package uk.sufficiency.dashboard;

import java.util.ArrayList;
import java.util.List;
import uk.sufficiency.warehouse.forecast.AgeBand;
import uk.sufficiency.warehouse.forecast.PlacementGroup;

/** The Forecast page's charts: all placements and the gap first, scenarios and cost, each major group, then the backtest. */
final class ForecastCharts {
    /** The groups drawn one chart each after the total: the kinds of home sufficiency plans are about. */
    private static final List<PlacementGroup> DRAWN = List.of(PlacementGroup.FOSTER_INHOUSE, PlacementGroup.FOSTER_IFA,
            PlacementGroup.HOME_INHOUSE, PlacementGroup.HOME_AGENCY, PlacementGroup.SUPPORTED);
    private static final String MODEL = "A Markov stock-and-flow model over age band × placement group: entry, leaving and"
            + " move rates fitted on the reference period (held constant or following their damped trend, as the"
            + " method table says), children ageing on their birthdays, simulated many times (the last table has the period and the number of runs)"
            + " from the latest month end with seeded random draws and rate uncertainty. The shading holds the"
            + " middle 50% and 90% of the runs. Each group's range is its own: the groups' medians do not add up to"
            + " the total's. The backtest below says how accurate it has been.";

    private ForecastCharts() {
    }

    /** The question first (how many, where, against which homes, at what cost), then each group, then how accurate. */
    static List<Chart> all() {
        List<Chart> charts = new ArrayList<>();
        charts.add(projection("all", "All placements", MODEL));
        charts.add(Chart.of("forecast-gap", "forecast-gap", Drawing.linesBy("quarter_end", "provision", "gap_p50", "Children")
                        .onlyWhere("scenario", "base"),
                "Base projection: children placed in each provision over (above 0) or under its places, from the start",
                "Each provision is set against the children placed in it: in-house places against the group's children;"
                        + " block beds against the children whose cost line is block-contracted, filling up to the beds"
                        + " as the group grows (the rest of the group is bought outside them, spot, and is no shortfall"
                        + " of block beds); places reported occupied"
                        + " beyond those children are used by others (care leavers, for example) and stay so. The"
                        + " start is the Capacity page's latest row; capacity then stays as recorded, with the places a"
                        + " scenario's interventions add. The table has every scenario and the 95th percentile.")
                .withSummary(GapSummary::of));
        charts.add(Chart.of("forecast-scenarios", "forecast-scenarios", Drawing.linesBy("month_end", "scenario", "p50", "Children")
                        .onlyWhere("placement_group", "all"),
                "Projected children looked after at each 31 March, median of all placements, by scenario",
                "The table has every placement group, the 90% range and each scenario's median against the base."));
        charts.add(Chart.of("forecast-cost", "forecast-cost", Drawing.groupedBars("year", "scenario", "cost_p50", "£")
                        .onlyWhere("placement_group", "all"),
                "Projected spend by financial year, median of all placements, by scenario",
                "Spend = the projected children of each group × the group's average weekly fee over the year before"
                        + " the start, raised by the fee inflation each year. Groups with no costs (often kinship, with"
                        + " parents, adoption) count no spend. The average's sample is every child with a costed day in"
                        + " that year, so it holds more children than are placed on the start day."));
        DRAWN.forEach(group -> charts.add(projection(group.id(), group.label(), null)));
        for (AgeBand band : AgeBand.values()) {
            charts.add(Chart.of("forecast-age-" + band.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    "forecast-age", Drawing.bands("month_end", "Children").onlyWhere("age_band", band.label())
                            .andWhere("placement_group", "all"),
                    "Children looked after aged " + band.label() + ", all placements: history and base projection",
                    band.ordinal() == 0 ? "Each child moves up a band, and leaves care at 18, on its birthday. By"
                            + " group and band, the forecast view has the projection." : null));
        }
        charts.add(Chart.of("forecast-method", null, "The base follows the rates' damped trend or holds them"
                + " constant, whichever erred less on total children at 12 and 24 months in the backtest below"
                + " (unless forecast-settings.json sets \"method\")."));
        charts.add(Chart.of("forecast-accuracy", "forecast-accuracy", Drawing.bars("horizon_months", List.of("mape", "last_value_mape",
                                "trend_mape"), "Mean absolute % error").inPercent().onlyWhere("placement_group", "all"),
                "Backtest: mean absolute % error of all placements by months ahead, the model against naive forecasts",
                "The model is fitted again at earlier month ends (origins six months apart) and its median compared with"
                        + " what happened, beside carrying the last value forward and extending the recent trend. Honest"
                        + " ranges hold about 50% and 90% of outcomes."));
        charts.add(Chart.of("forecast-backtest", null, "Absolute % error = |projected median − actual| ÷ actual."));
        charts.add(Chart.of("forecast-rates", null, "Rates per year: entries are children a year; leaving and"
                + " moves are per child looked after (child-days ÷ 365.25)."));
        charts.add(Chart.of("forecast-settings", null, null));
        return charts;
    }

    private static Chart projection(String group, String label, String note) {
        return Chart.of("forecast-" + group.replace('_', '-'), "forecast-projection",
                Drawing.bands("month_end", "Children").onlyWhere("placement_group", group),
                "Children looked after (" + label + "), history and base projection", note);
    }
}
