package uk.sufficiency.warehouse.forecast.engine;

import java.util.List;

/** The expected stock path of the flow model: every flow is applied as its expected fraction. */
public final class DeterministicProjection {
    private DeterministicProjection() {
    }

    /**
     * Expected stock after each step: row 0 is {@code start}, row {@code k} is after {@code k} steps
     * of {@code stepDays} (1 or 7) days. {@code days} must be a multiple of {@code stepDays}.
     */
    public static double[][] project(FlowRates rates, double[] start, int days, int stepDays, List<Transfer> transfers) {
        int steps = StepShares.stepsIn(days, stepDays);
        int n = rates.states();
        checkStart(start, n);
        StepShares shares = new StepShares(rates, stepDays);
        TransferSchedule schedule = new TransferSchedule(transfers, days, stepDays, n);
        double[][] path = new double[steps + 1][];
        path[0] = start.clone();
        for (int step = 1; step <= steps; step++) {
            double[] stock = path[step - 1];
            double[] next = new double[n];
            for (int i = 0; i < n; i++) {
                double leavers = stock[i] * shares.leaving[i];
                next[i] += stock[i] - leavers + shares.entries[i];
                for (int k = 0; k < shares.destinations[i].length; k++) {
                    int to = shares.destinations[i][k];
                    if (to < n) {
                        next[to] += leavers * shares.split[i][k];
                    }
                }
            }
            schedule.endOfStepExpected(step, shares, next);
            path[step] = next;
        }
        return path;
    }

    private static void checkStart(double[] start, int states) {
        if (start.length != states) {
            throw new IllegalArgumentException("start has " + start.length + " states, the rates have " + states);
        }
        for (int i = 0; i < states; i++) {
            if (!Double.isFinite(start[i]) || start[i] < 0) {
                throw new IllegalArgumentException("start[" + i + "] is " + start[i] + "; must be finite and non-negative");
            }
        }
    }
}
