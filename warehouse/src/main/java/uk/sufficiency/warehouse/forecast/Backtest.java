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
 *
 * <p>Both methods of going on from the rates ({@link FittedRates.Method}) are scored on their
 * expected paths; the one whose total children erred less at 12 and 24 months (on average over
 * the two horizons) is the LA's method, unless the settings force one, and its simulated
 * quantiles are the model's columns. The other method stays in the table as a rival.
 */
public final class Backtest {
    public static final int[] HORIZONS = {3, 6, 12, 24};
    /** The horizons whose errors choose the method. */
    private static final int[] CHOOSING = {12, 24};

    private Backtest() {
    }

    /**
     * The method the base projects with, and why: chosen by the backtest's scores ({@code backtest}),
     * forced by the settings ({@code setting}), or constant for want of origins ({@code default}).
     * MAPEs are of the expected paths of total children, null where no origin reached the horizon.
     */
    public record MethodChoice(FittedRates.Method method, String chosenBy, int origins, Double constantMape12,
                               Double dampedMape12, Double constantMape24, Double dampedMape24) {
        static final MethodChoice DEFAULT = new MethodChoice(FittedRates.Method.CONSTANT, "default", 0, null, null,
                null, null);

        /** The row of the {@code forecast_method} fact. */
        Object[] row(String la) {
            return new Object[] {la, method.id(), chosenBy, origins, round(constantMape12), round(dampedMape12),
                    round(constantMape24), round(dampedMape24)};
        }

        MethodChoice forcedBy(ForecastSettings settings) {
            FittedRates.Method forced = settings.forcedMethod();
            return forced == null ? this : new MethodChoice(forced, "setting", origins, constantMape12, dampedMape12,
                    constantMape24, dampedMape24);
        }

        /** The LA's published choice (made by the last pipeline run), with the settings' force. */
        public static MethodChoice published(Warehouse warehouse, String la, ForecastSettings settings) {
            MethodChoice choice = warehouse.query("""
                    SELECT method, chosen_by, origins, constant_mape_12, damped_trend_mape_12, constant_mape_24,
                           damped_trend_mape_24 FROM forecast_method WHERE la = ?""", la).stream().findFirst()
                    .map(r -> new MethodChoice(FittedRates.Method.ofId((String) r.get("method")),
                            (String) r.get("chosen_by"), ((Number) r.get("origins")).intValue(),
                            number(r.get("constant_mape_12")), number(r.get("damped_trend_mape_12")),
                            number(r.get("constant_mape_24")), number(r.get("damped_trend_mape_24"))))
                    .orElse(DEFAULT);
            return choice.forcedBy(settings);
        }

        private static Double number(Object value) {
            return value == null ? null : ((Number) value).doubleValue();
        }

        private static Double round(Double value) {
            return value == null ? null : Math.round(value * 10) / 10.0;
        }
    }

    /** The {@code forecast_backtest} rows of one LA and the method its base projects with. */
    public record Result(List<Object[]> rows, MethodChoice choice) {
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

    /** One origin's fit, stock and the expected paths of both methods. */
    private record Origin(LocalDate date, int months, FittedRates fitted, int[] cells, int[] stock,
                          Projection constant, Projection damped) {
    }

    /** Backtests one LA: both methods' expected paths from every origin, the choice, the chosen one simulated. */
    public static Result run(Warehouse warehouse, String la, LocalDate windowFirst, LocalDate windowLast,
                             ForecastSettings settings) {
        List<Origin> origins = new ArrayList<>();
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
            int[] cells = ForecastInputs.cells(warehouse, la, origin);
            origins.add(new Origin(origin, months, fitted, cells, ForecastInputs.stock(warehouse, la, origin),
                    Projection.expected(fitted, cells, Scenario.BASE, projection, FittedRates.Method.CONSTANT),
                    Projection.expected(fitted, cells, Scenario.BASE, projection, FittedRates.Method.DAMPED_TREND)));
        }
        MethodChoice choice = choose(warehouse, la, origins).forcedBy(settings);
        List<Object[]> rows = new ArrayList<>();
        for (Origin o : origins) {
            LocalDate origin = o.date();
            ProjectionSettings projection = new ProjectionSettings(origin, o.months(), settings.backtestRuns(),
                    settings.seed(), settings.stepDays());
            Projection projected = Projection.run(o.fitted(), o.cells(), Scenario.BASE, projection, Map.of(), 0,
                    choice.method());
            long[] last = ForecastInputs.groupTotals(o.stock());
            LocalDate yearEarlier = ProjectionSettings.monthEnd(origin.minusMonths(12));
            // the window's first month end is a month after it opens: no trend without a year of stock
            boolean trendKnown = yearEarlier.isAfter(windowFirst);
            long[] yearBefore = ForecastInputs.groupStock(warehouse, la, yearEarlier);
            for (int h : HORIZONS) {
                if (h > o.months()) {
                    continue;
                }
                long[] actual = ForecastInputs.groupStock(warehouse, la, ProjectionSettings.monthEnd(origin.plusMonths(h)));
                for (int g = 0; g <= Projection.ALL; g++) {
                    double[] q = projected.groupQuantiles(h - 1, g);
                    Double trend = trendKnown ? Math.max(0, last[g] + (last[g] - yearBefore[g]) * h / 12.0) : null;
                    double constant = o.constant().groupExpected(h - 1, g);
                    double damped = o.damped().groupExpected(h - 1, g);
                    rows.add(new Object[] {la, origin, h, groupId(g), actual[g], q[0], q[1], q[2], q[3], q[4],
                            error(q[2], actual[g]), (double) last[g], error(last[g], actual[g]), trend,
                            trend == null ? null : error(trend, actual[g]), choice.method().id(), constant,
                            error(constant, actual[g]), damped, error(damped, actual[g])});
                    // quantiles are compared with the actual unrounded; the error is rounded in the views
                }
            }
        }
        return new Result(rows, choice);
    }

    /** The method whose expected total erred less at 12 and 24 months (the shorter horizons without those). */
    private static MethodChoice choose(Warehouse warehouse, String la, List<Origin> origins) {
        if (origins.isEmpty()) {
            return MethodChoice.DEFAULT;
        }
        double[][] sums = new double[2][HORIZONS.length];
        int[] counts = new int[HORIZONS.length];
        for (Origin o : origins) {
            for (int k = 0; k < HORIZONS.length; k++) {
                int h = HORIZONS[k];
                if (h > o.months()) {
                    continue;
                }
                long actual = ForecastInputs.groupStock(warehouse, la,
                        ProjectionSettings.monthEnd(o.date().plusMonths(h)))[Projection.ALL];
                if (actual == 0) {
                    continue;
                }
                sums[0][k] += error(o.constant().groupExpected(h - 1, Projection.ALL), actual);
                sums[1][k] += error(o.damped().groupExpected(h - 1, Projection.ALL), actual);
                counts[k]++;
            }
        }
        Double[][] mape = new Double[2][HORIZONS.length];
        for (int m = 0; m < 2; m++) {
            for (int k = 0; k < HORIZONS.length; k++) {
                mape[m][k] = counts[k] == 0 ? null : sums[m][k] / counts[k];
            }
        }
        double[] score = new double[2];
        int scored = 0;
        for (int k = 0; k < HORIZONS.length; k++) {
            boolean choosing = HORIZONS[k] == CHOOSING[0] || HORIZONS[k] == CHOOSING[1];
            if (choosing && counts[k] > 0) {
                score[0] += mape[0][k];
                score[1] += mape[1][k];
                scored++;
            }
        }
        for (int k = 0; scored == 0 && k < HORIZONS.length; k++) {
            if (counts[k] > 0) {
                score[0] += mape[0][k];
                score[1] += mape[1][k];
            }
        }
        FittedRates.Method method = score[1] < score[0] ? FittedRates.Method.DAMPED_TREND : FittedRates.Method.CONSTANT;
        return new MethodChoice(method, "backtest", origins.size(), mape[0][2], mape[1][2], mape[0][3], mape[1][3]);
    }

    static String groupId(int group) {
        return group == Projection.ALL ? "all" : PlacementGroup.values()[group].id();
    }

    private static Double error(double forecast, long actual) {
        return actual == 0 ? null : Math.abs(forecast - actual) * 100.0 / actual;
    }
}
