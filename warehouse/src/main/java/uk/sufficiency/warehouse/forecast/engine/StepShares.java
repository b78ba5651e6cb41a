package uk.sufficiency.warehouse.forecast.engine;

/**
 * Daily {@link FlowRates} turned into what happens over one step of 1 or 7 days, shared by the
 * deterministic and Monte Carlo projections so both follow the same step rules.
 *
 * <p>A state's total daily rate is capped at 1 (rates that would drain it past zero empty it, split
 * in proportion to the rates). The share leaving over a step is {@code 1 - (1 - q)^stepDays}, all
 * taken from the stock at the start of the step, so a child moves at most once per step. Entries
 * arrive at the end of the step.
 */
final class StepShares {
    /** Share of state i's stock at the start of a step that leaves it during the step. */
    final double[] leaving;
    /** Expected entries into state i over a step. */
    final double[] entries;
    /** State i's destinations with a non-zero rate, in column order ({@code states} is outside). */
    final int[][] destinations;
    /** Share of state i's leavers going to each of its destinations; sums to 1. */
    final double[][] split;
    /** Picks one of state i's destinations, weighted by {@link #split}; null if it has none. */
    final IndexPicker[] pick;

    StepShares(FlowRates rates, int stepDays) {
        checkStep(stepDays);
        int n = rates.states();
        leaving = new double[n];
        entries = new double[n];
        destinations = new int[n][];
        split = new double[n][];
        pick = new IndexPicker[n];
        for (int i = 0; i < n; i++) {
            entries[i] = stepDays * rates.entries(i);
            double total = rates.totalOut(i);
            double q = Math.min(1, total);
            leaving[i] = 1 - Math.pow(1 - q, stepDays);
            int count = 0;
            for (int j = 0; j <= n; j++) {
                if (rates.move(i, j) > 0) {
                    count++;
                }
            }
            destinations[i] = new int[count];
            split[i] = new double[count];
            int k = 0;
            for (int j = 0; j <= n; j++) {
                if (rates.move(i, j) > 0) {
                    destinations[i][k] = j;
                    split[i][k] = rates.move(i, j) / total;
                    k++;
                }
            }
            pick[i] = count == 0 ? null : new IndexPicker(split[i]);
        }
    }

    static void checkStep(int stepDays) {
        if (stepDays != 1 && stepDays != 7) {
            throw new IllegalArgumentException("stepDays is " + stepDays + "; must be 1 (daily) or 7 (weekly)");
        }
    }

    /** Number of steps in {@code days}, which must be a non-negative multiple of {@code stepDays}. */
    static int stepsIn(int days, int stepDays) {
        checkStep(stepDays);
        if (days < 0 || days % stepDays != 0) {
            throw new IllegalArgumentException("days is " + days
                    + "; must be a non-negative multiple of stepDays (" + stepDays + ")");
        }
        return days / stepDays;
    }
}
