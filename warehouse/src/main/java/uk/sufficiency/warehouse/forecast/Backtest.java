package uk.sufficiency.warehouse.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.sufficiency.warehouse.Warehouse;

/**
 * Rolling-origin backtest: from each origin (a March or September month end with a full reference
 * period before it), fit on the reference period that ends there, project, and compare each
 * placement group's median with the children actually looked after 3, 6, 12 and 24 months on,
 * beside two naive forecasts: the last value, and the last value plus the trailing year's change
 * carried forward. Errors are absolute percentage errors of the actual; an actual of 0 has none.
 */
public final class Backtest {
    public static final int[] HORIZONS = {3, 6, 12, 24};

    private Backtest() {
    }

    /** The origins for a data window [first, last]: newest first, at most {@code max}, at least the shortest horizon before the end. */
    public static List<LocalDate> origins(LocalDate windowFirst, LocalDate windowLast, int referenceMonths, int max) {
        List<LocalDate> origins = new ArrayList<>();
        LocalDate earliest = ProjectionSettings.monthEnd(windowFirst.minusDays(1).plusMonths(referenceMonths));
        LocalDate origin = ProjectionSettings.monthEnd(windowLast.minusMonths(HORIZONS[0]));
        while (origin.getMonthValue() != 3 && origin.getMonthValue() != 9) {
            origin = ProjectionSettings.monthEnd(origin.minusMonths(1));
        }
        while (!origin.isBefore(earliest) && origins.size() < max) {
            origins.add(origin);
            origin = ProjectionSettings.monthEnd(origin.minusMonths(6));
        }
        return origins;
    }

    /** Rows of the {@code forecast_backtest} fact for one LA. */
    public static List<Object[]> rows(Warehouse warehouse, String la, LocalDate windowFirst, LocalDate windowLast,
                                      ForecastSettings settings) {
        List<Object[]> rows = new ArrayList<>();
        for (LocalDate origin : origins(windowFirst, windowLast, settings.referenceMonths(), settings.backtestOrigins())) {
            int months = 0;
            for (int h : HORIZONS) {
                if (!ProjectionSettings.monthEnd(origin.plusMonths(h)).isAfter(windowLast)) {
                    months = h;
                }
            }
            LocalDate from = origin.plusDays(1).minusMonths(settings.referenceMonths());
            FittedRates fitted = FittedRates.fit(warehouse, la, from, origin);
            ProjectionSettings projection = new ProjectionSettings(origin, months, settings.backtestRuns(),
                    settings.seed(), settings.stepDays());
            int[] start = ForecastInputs.stock(warehouse, la, origin);
            Projection projected = Projection.run(fitted, start, Scenario.BASE, projection, Map.of(), 0);
            long[] last = ForecastInputs.groupTotals(start);
            LocalDate yearEarlier = ProjectionSettings.monthEnd(origin.minusMonths(12));
            // the window's first month end is a month after it opens: no trend without a year of stock
            boolean trendKnown = yearEarlier.isAfter(windowFirst);
            long[] yearBefore = ForecastInputs.groupStock(warehouse, la, yearEarlier);
            for (int h : HORIZONS) {
                if (h > months) {
                    continue;
                }
                long[] actual = ForecastInputs.groupStock(warehouse, la, ProjectionSettings.monthEnd(origin.plusMonths(h)));
                for (int g = 0; g <= Projection.ALL; g++) {
                    double[] q = projected.groupQuantiles(h - 1, g);
                    Double trend = trendKnown ? Math.max(0, last[g] + (last[g] - yearBefore[g]) * h / 12.0) : null;
                    rows.add(new Object[] {la, origin, h, groupId(g), actual[g], q[0], q[1], q[2], q[3], q[4],
                            error(q[2], actual[g]), (double) last[g], error(last[g], actual[g]), trend,
                            trend == null ? null : error(trend, actual[g])});
                    // quantiles are compared with the actual unrounded; the error is rounded in the views
                }
            }
        }
        return rows;
    }

    static String groupId(int group) {
        return group == Projection.ALL ? "all" : PlacementGroup.values()[group].id();
    }

    private static Double error(double forecast, long actual) {
        return actual == 0 ? null : Math.abs(forecast - actual) * 100.0 / actual;
    }
}
