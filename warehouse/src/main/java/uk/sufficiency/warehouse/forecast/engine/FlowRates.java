package uk.sufficiency.warehouse.forecast.engine;

/**
 * Daily rates of a stock-and-flow model over {@code n} states plus "outside".
 *
 * @param entriesPerDay expected children arriving from outside into state {@code i} per day (length n)
 * @param movesPerDay {@code n} rows by {@code n + 1} columns: the daily share of state {@code i}'s
 *     children moving to state {@code j}; column {@code n} is leaving to outside; the diagonal is 0
 */
public record FlowRates(double[] entriesPerDay, double[][] movesPerDay) {

    public FlowRates {
        if (entriesPerDay == null || movesPerDay == null) {
            throw new IllegalArgumentException("entriesPerDay and movesPerDay are required");
        }
        int n = entriesPerDay.length;
        if (n == 0) {
            throw new IllegalArgumentException("at least one state is needed");
        }
        if (movesPerDay.length != n) {
            throw new IllegalArgumentException("movesPerDay has " + movesPerDay.length
                    + " rows, expected " + n + " (one per state, as in entriesPerDay)");
        }
        // Copies, so that a caller changing its arrays later cannot undo this validation.
        entriesPerDay = entriesPerDay.clone();
        movesPerDay = copy(movesPerDay);
        for (int i = 0; i < n; i++) {
            checkRate(entriesPerDay[i], "entriesPerDay[" + i + "]");
            double[] row = movesPerDay[i];
            if (row == null || row.length != n + 1) {
                throw new IllegalArgumentException("movesPerDay[" + i + "] has "
                        + (row == null ? "no" : row.length) + " columns, expected " + (n + 1)
                        + " (one per state plus outside)");
            }
            for (int j = 0; j <= n; j++) {
                checkRate(row[j], "movesPerDay[" + i + "][" + j + "]" + (j == n ? " (state " + i + " to outside)" : ""));
            }
            if (row[i] != 0) {
                throw new IllegalArgumentException("movesPerDay[" + i + "][" + i + "] is " + row[i]
                        + " but must be 0: state " + i + " cannot move to itself");
            }
        }
    }

    private static void checkRate(double rate, String name) {
        if (!Double.isFinite(rate) || rate < 0) {
            throw new IllegalArgumentException(name + " is " + rate + "; rates must be finite and non-negative");
        }
    }

    private static double[][] copy(double[][] rows) {
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i] == null ? null : rows[i].clone();
        }
        return copy;
    }

    /** A copy, so the rates stay as validated. */
    @Override
    public double[] entriesPerDay() {
        return entriesPerDay.clone();
    }

    /** A copy, so the rates stay as validated. */
    @Override
    public double[][] movesPerDay() {
        return copy(movesPerDay);
    }

    /** Number of states, not counting outside. */
    public int states() {
        return entriesPerDay.length;
    }

    /** Expected entries into state {@code i} per day. */
    public double entries(int i) {
        return entriesPerDay[i];
    }

    /** Daily share of state {@code i} moving to {@code j} ({@code j == states()} is outside). */
    public double move(int i, int j) {
        return movesPerDay[i][j];
    }

    /** Daily share of state {@code i} moving anywhere, outside included. */
    public double totalOut(int i) {
        double total = 0;
        for (double rate : movesPerDay[i]) {
            total += rate;
        }
        return total;
    }
}
