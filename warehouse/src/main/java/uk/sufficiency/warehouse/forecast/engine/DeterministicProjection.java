package uk.sufficiency.warehouse.forecast.engine;

import java.util.List;

/** The expected stock path of the flow model: every flow is applied as its expected fraction. */
public final class DeterministicProjection {
    private DeterministicProjection() {
    }

    /** {@link #project(RatePath, Ageing, double[], int, int, List)} with constant rates and no ageing. */
    public static double[][] project(FlowRates rates, double[] start, int days, int stepDays, List<Transfer> transfers) {
        return project(RatePath.constant(rates), Ageing.none(rates.states(), days), start, days, stepDays, transfers);
    }

    /**
     * Expected stock of each state after each step: row 0 is the start, row {@code k} is after
     * {@code k} steps of {@code stepDays} (1 or 7) days. {@code days} must be a multiple of
     * {@code stepDays}. {@code startCells} holds the children of each of {@code ageing}'s cells.
     * Each step: the flows, then entries, then the transfers due, then the birthdays due.
     */
    public static double[][] project(RatePath rates, Ageing ageing, double[] startCells, int days, int stepDays,
                                     List<Transfer> transfers) {
        int steps = StepShares.stepsIn(days, stepDays);
        int n = rates.states();
        if (ageing.states != n) {
            throw new IllegalArgumentException("the ageing has " + ageing.states + " states, the rates have " + n);
        }
        checkStart(startCells, ageing.cells);
        StepShares[] byStep = rates.sharesByStep(steps, stepDays);
        TransferSchedule schedule = new TransferSchedule(transfers, ageing, days, stepDays);
        double[][] path = new double[steps + 1][];
        double[] cells = startCells.clone();
        double[] next = new double[ageing.cells];
        double[] beforeMove = new double[ageing.cells];
        path[0] = ageing.stateTotals(cells);
        for (int step = 1; step <= steps; step++) {
            StepShares shares = byStep[step];
            int stepEnd = step * stepDays;
            java.util.Arrays.fill(next, 0);
            for (int i = 0; i < n; i++) {
                double leaving = shares.leaving[i];
                int[] destinations = shares.destinations[i];
                double[] split = shares.split[i];
                for (int c = ageing.offset[i]; c < ageing.offset[i + 1]; c++) {
                    double stock = cells[c];
                    if (stock == 0) {
                        continue;
                    }
                    double leavers = stock * leaving;
                    next[c] += stock - leavers;
                    for (int k = 0; k < destinations.length; k++) {
                        int to = destinations[k];
                        if (to < n) {
                            next[ageing.moved(c, to)] += leavers * split[k];
                        }
                    }
                }
                double entries = shares.entries[i];
                if (entries > 0) {
                    double[] mix = ageing.entryMix[i];
                    for (int k = 0; k < mix.length; k++) {
                        next[ageing.entryCell(i, k, stepEnd)] += entries * mix[k];
                    }
                }
            }
            double[] swap = cells;
            cells = next;
            next = swap;
            // Interventions and the places they hold work on state totals; ageing then gives the
            // children moved the ages of those they were taken from.
            double[] before = ageing.stateTotals(cells);
            double[] after = before.clone();
            schedule.endOfStepExpected(step, shares, after);
            if (!java.util.Arrays.equals(before, after)) {
                System.arraycopy(cells, 0, beforeMove, 0, cells.length);
                ageing.transferred(cells, before, after);
                schedule.placedExpected(beforeMove, cells);
            }
            for (int b = ageing.birthdayDaysIn(stepEnd, stepDays); b > 0; b--) {
                schedule.birthdays();
                ageing.birthdays(cells);
            }
            path[step] = ageing.stateTotals(cells);
        }
        return path;
    }

    private static void checkStart(double[] start, int cells) {
        if (start.length != cells) {
            throw new IllegalArgumentException("start has " + start.length + " states, the rates have " + cells);
        }
        for (int i = 0; i < cells; i++) {
            if (!Double.isFinite(start[i]) || start[i] < 0) {
                throw new IllegalArgumentException("start[" + i + "] is " + start[i] + "; must be finite and non-negative");
            }
        }
    }
}
