package uk.sufficiency.warehouse.forecast;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.sufficiency.warehouse.forecast.engine.Ageing;
import uk.sufficiency.warehouse.forecast.engine.DeterministicProjection;
import uk.sufficiency.warehouse.forecast.engine.FlowRates;
import uk.sufficiency.warehouse.forecast.engine.MonteCarloProjection;
import uk.sufficiency.warehouse.forecast.engine.Quantiles;
import uk.sufficiency.warehouse.forecast.engine.Transfer;

/**
 * One LA's projection under one scenario: children by state at each month end (the expected path
 * and quantiles over the simulated runs), totals by placement group, and spend by financial year.
 * Each run draws its rates from their estimates' uncertainty and then simulates children one by
 * one, so the bands hold both; a quantile of a total is taken over the runs' totals, never summed.
 */
public final class Projection {
    /** The quantiles published: p05, p25, p50, p75, p95. */
    public static final double[] LEVELS = {0.05, 0.25, 0.5, 0.75, 0.95};
    private static final double[] COST_LEVELS = {0.05, 0.5, 0.95};
    private static final int N = ForecastState.COUNT;
    private static final int BANDS = AgeBand.values().length;
    /** Index of the all-groups total in the group arrays. */
    public static final int ALL = ForecastState.GROUPS;

    private final List<LocalDate> dates;
    private final double[][] stateExpected;
    private final double[][][] stateQuantiles;
    private final double[][] groupExpected;
    private final double[][][] groupQuantiles;
    private double[][] bandExpected;
    private double[][][] bandQuantiles;
    private final List<Integer> years;
    private final double[][][] costQuantiles;
    private final double[][] costExpected;
    private final Double[] weeklyFees;

    private Projection(List<LocalDate> dates, double[][] stateExpected, double[][][] stateQuantiles,
                       double[][] groupExpected, double[][][] groupQuantiles, List<Integer> years,
                       double[][][] costQuantiles, double[][] costExpected, Double[] weeklyFees) {
        this.dates = dates;
        this.stateExpected = stateExpected;
        this.stateQuantiles = stateQuantiles;
        this.groupExpected = groupExpected;
        this.groupQuantiles = groupQuantiles;
        this.years = years;
        this.costQuantiles = costQuantiles;
        this.costExpected = costExpected;
        this.weeklyFees = weeklyFees;
    }

    /**
     * Projects from the stock at the settings' start.
     *
     * @param weeklyFees   average weekly fee per group; a group without one has no cost
     * @param feeInflation yearly fee rise from the start, compounded by day (0.03 = 3%)
     */
    public static Projection run(FittedRates fitted, int[] startCells, Scenario scenario, ProjectionSettings settings,
                                 Map<PlacementGroup, Double> weeklyFees, double feeInflation, FittedRates.Method method) {
        return run(fitted, startCells, scenario, settings, weeklyFees, feeInflation, method, true);
    }

    /** The expected path alone (no simulated runs, so no quantiles and no spend quantiles). */
    public static Projection expected(FittedRates fitted, int[] startCells, Scenario scenario,
                                      ProjectionSettings settings, FittedRates.Method method) {
        return run(fitted, startCells, scenario, settings, Map.of(), 0, method, false);
    }

    private static Projection run(FittedRates fitted, int[] startCells, Scenario scenario, ProjectionSettings settings,
                                  Map<PlacementGroup, Double> weeklyFees, double feeInflation, FittedRates.Method method,
                                  boolean simulate) {
        LocalDate start = settings.start();
        int step = settings.stepDays();
        // Weekly steps stop at the last whole week: no step reaches past the end.
        int days = (int) ChronoUnit.DAYS.between(start, settings.end()) / step * step;
        List<LocalDate> dates = new ArrayList<>();
        int[] reportOfDay = new int[days + 1];
        java.util.Arrays.fill(reportOfDay, -1);
        for (int m = 1; m <= settings.months(); m++) {
            LocalDate date = ProjectionSettings.monthEnd(start.plusMonths(m));
            int day = (int) ChronoUnit.DAYS.between(start, date) / step * step;
            reportOfDay[day] = dates.size();
            dates.add(date);
        }
        List<Integer> years = new ArrayList<>();
        int[] yearOfDay = new int[days + 1];
        double[] inflation = new double[days + 1];
        for (int d = 1; d <= days; d++) {
            int year = financialYear(start.plusDays(d));
            if (years.isEmpty() || years.get(years.size() - 1) != year) {
                years.add(year);
            }
            yearOfDay[d] = years.size() - 1;
            inflation[d] = Math.pow(1 + feeInflation, d / 365.25);
        }
        Double[] fees = new Double[ForecastState.GROUPS];
        for (PlacementGroup group : PlacementGroup.values()) {
            fees[group.ordinal()] = weeklyFees.get(group);
        }

        List<Transfer> transfers = InterventionSchedule.transfers(scenario.interventions(), start, days);
        // Month k's rates from its first day; its birthdays on its 15th (the middle, on average).
        int months = settings.months();
        int[] monthFromDays = new int[months];
        int[] birthdayDays = new int[months];
        int[] monthEndDays = new int[months];
        for (int k = 0; k < months; k++) {
            LocalDate monthEnd = ProjectionSettings.monthEnd(start.plusMonths(k + 1));
            monthFromDays[k] = k == 0 ? 1 : monthEndDays[k - 1] + 1;
            birthdayDays[k] = (int) ChronoUnit.DAYS.between(start, monthEnd.withDayOfMonth(15));
            monthEndDays[k] = (int) ChronoUnit.DAYS.between(start, monthEnd);
        }
        Ageing ageing = ForecastState.ageing(fitted.entryMix(), birthdayDays, monthEndDays, days);
        double[] startDoubles = new double[startCells.length];
        for (int c = 0; c < startCells.length; c++) {
            startDoubles[c] = startCells[c];
        }
        double[][] path = DeterministicProjection.project(fitted.ratePath(scenario, null, method, monthFromDays), ageing,
                startDoubles, days, step, transfers);
        double[][] stateExpected = new double[dates.size()][];
        double[][] groupExpected = new double[dates.size()][];
        double[][] costExpected = new double[years.size()][ALL + 1];
        for (int d = 0; d <= days; d += step) {
            int r = reportOfDay[d];
            if (r >= 0) {
                stateExpected[r] = path[d / step].clone();
                groupExpected[r] = groupTotals(path[d / step]);
            }
            if (d > 0) {
                addSpend(costExpected, yearOfDay, inflation, d, step, path[d / step], fees);
            }
        }

        if (!simulate) {
            return new Projection(List.copyOf(dates), stateExpected, null, groupExpected, null, List.copyOf(years), null,
                    costExpected, fees);
        }
        int runs = settings.runs();
        double[][][] stock = new double[dates.size()][N][runs];
        double[][][] groupStock = new double[dates.size()][ALL + 1][runs];
        double[][][] bandStock = new double[dates.size()][BANDS][runs];
        double[][][] cost = new double[runs][years.size()][ALL + 1];
        double[] runStock = new double[N];
        new MonteCarloProjection(runs, settings.seed()).simulate(
                random -> fitted.ratePath(scenario, random, method, monthFromDays), ageing,
                startCells, days, step, transfers, (run, day, children) -> {
                    int r = reportOfDay[day];
                    for (int i = 0; i < N; i++) {
                        runStock[i] = children[i];
                        if (r >= 0) {
                            stock[r][i][run] = children[i];
                            groupStock[r][ForecastState.group(i).ordinal()][run] += children[i];
                            groupStock[r][ALL][run] += children[i];
                            bandStock[r][ForecastState.band(i).ordinal()][run] += children[i];
                        }
                    }
                    if (day > 0) {
                        addSpend(cost[run], yearOfDay, inflation, day, step, runStock, fees);
                    }
                });
        double[][][] stateQuantiles = new double[dates.size()][N][];
        double[][][] groupQuantiles = new double[dates.size()][ALL + 1][];
        for (int r = 0; r < dates.size(); r++) {
            for (int i = 0; i < N; i++) {
                stateQuantiles[r][i] = Quantiles.of(stock[r][i], LEVELS);
            }
            for (int g = 0; g <= ALL; g++) {
                groupQuantiles[r][g] = Quantiles.of(groupStock[r][g], LEVELS);
            }
        }
        double[][][] bandQuantiles = new double[dates.size()][BANDS][];
        for (int r = 0; r < dates.size(); r++) {
            for (int b = 0; b < BANDS; b++) {
                bandQuantiles[r][b] = Quantiles.of(bandStock[r][b], LEVELS);
            }
        }
        double[][][] costQuantiles = new double[years.size()][ALL + 1][];
        for (int y = 0; y < years.size(); y++) {
            for (int g = 0; g <= ALL; g++) {
                boolean priced = g == ALL || fees[g] != null;
                double[] spend = new double[runs];
                for (int run = 0; run < runs; run++) {
                    spend[run] = cost[run][y][g];
                }
                costQuantiles[y][g] = priced ? Quantiles.of(spend, COST_LEVELS) : null;
            }
        }
        Projection projection = new Projection(List.copyOf(dates), stateExpected, stateQuantiles, groupExpected,
                groupQuantiles, List.copyOf(years), costQuantiles, costExpected, fees);
        projection.bandQuantiles = bandQuantiles;
        projection.bandExpected = new double[dates.size()][BANDS];
        for (int r = 0; r < dates.size(); r++) {
            for (int i = 0; i < N; i++) {
                projection.bandExpected[r][ForecastState.band(i).ordinal()] += stateExpected[r][i];
            }
        }
        return projection;
    }

    /**
     * Adds the spend of the step ending on {@code day} (children at its end × weekly fee ÷ 7 ×
     * inflation, for each of its days) to the financial years its days fall in, by group.
     */
    private static void addSpend(double[][] yearCost, int[] yearOfDay, double[] inflation, int day, int step,
                                 double[] stock, Double[] fees) {
        for (int d = day - step + 1; d <= day; d++) {
            double[] year = yearCost[yearOfDay[d]];
            for (int i = 0; i < N; i++) {
                Double fee = fees[ForecastState.group(i).ordinal()];
                if (fee != null && stock[i] > 0) {
                    double spend = stock[i] * fee / 7 * inflation[d];
                    year[ForecastState.group(i).ordinal()] += spend;
                    year[ALL] += spend;
                }
            }
        }
    }

    private static double[] groupTotals(double[] stock) {
        double[] totals = new double[ALL + 1];
        for (int i = 0; i < N; i++) {
            totals[ForecastState.group(i).ordinal()] += stock[i];
            totals[ALL] += stock[i];
        }
        return totals;
    }

    /** The financial (collection) year ending 31 March that holds a date. */
    static int financialYear(LocalDate date) {
        return date.getMonthValue() >= 4 ? date.getYear() + 1 : date.getYear();
    }

    /** The month ends reported, the first a month after the start. */
    public List<LocalDate> dates() {
        return dates;
    }

    public double stateExpected(int date, int state) {
        return stateExpected[date][state];
    }

    /** p05, p25, p50, p75, p95 of a state at a reported date. */
    public double[] stateQuantiles(int date, int state) {
        return stateQuantiles[date][state];
    }

    /** Expected children of a group ({@link #ALL} for every group) at a reported date. */
    public double groupExpected(int date, int group) {
        return groupExpected[date][group];
    }

    public double[] groupQuantiles(int date, int group) {
        return groupQuantiles[date][group];
    }

    /** Expected children of an age band in all groups at a reported date. */
    public double bandExpected(int date, AgeBand band) {
        return bandExpected[date][band.ordinal()];
    }

    /** p05, p25, p50, p75, p95 of an age band's children in all groups (over the runs' totals). */
    public double[] bandQuantiles(int date, AgeBand band) {
        return bandQuantiles[date][band.ordinal()];
    }

    /** The financial years the projection reaches into (the first and last may be part years). */
    public List<Integer> years() {
        return years;
    }

    /** p05, p50, p95 of spend in a year on a group ({@link #ALL} = total); null for a group without a fee. */
    public double[] costQuantiles(int year, int group) {
        return costQuantiles[year][group];
    }

    /** Spend in a year on a group ({@link #ALL} = total) along the expected path; 0 for a group without a fee. */
    public double costExpected(int year, int group) {
        return costExpected[year][group];
    }

    public Double weeklyFee(PlacementGroup group) {
        return weeklyFees[group.ordinal()];
    }
}
