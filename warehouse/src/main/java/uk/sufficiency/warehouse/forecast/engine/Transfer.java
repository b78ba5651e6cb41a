package uk.sufficiency.warehouse.forecast.engine;

import java.util.SplittableRandom;

/**
 * A one-off planned move (an intervention, such as children stepping down from children's homes to
 * foster care) of {@code children} on {@code day}, applied at the end of the step containing that
 * day, after that step's flows and entries. Pair {@code k} moves children from {@code from[k]} to
 * {@code to[k]}; the children are taken from the from-states in proportion to their stock.
 *
 * <p>A transfer may also hold {@code places} in the to-states from its day (new homes the plan
 * opens): the children it moves fill them first, and at the end of every later step those who have
 * left the places (left the to-states or care, at the to-states' rates) are replaced, and empty
 * places filled, by children moved from the from-states while any remain ({@link TransferSchedule}).
 *
 * @param children how many children to move; fewer move if the from-states hold fewer
 * @param day day of the move, from 1 (day 0 is the start stock, which the caller sets directly)
 * @param places places held in the to-states from {@code day}, refilled from the from-states; 0 for none
 */
public record Transfer(double children, int day, int[] from, int[] to, int places) {

    /** A move that holds no places. */
    public Transfer(double children, int day, int[] from, int[] to) {
        this(children, day, from, to, 0);
    }

    public Transfer {
        if (places < 0) {
            throw new IllegalArgumentException("transfer places is " + places + "; must be 0 or more");
        }
        if (!Double.isFinite(children) || children < 0) {
            throw new IllegalArgumentException("transfer children is " + children + "; must be finite and non-negative");
        }
        if (day < 1) {
            throw new IllegalArgumentException("transfer day is " + day + "; must be 1 or later");
        }
        if (from == null || to == null || from.length == 0 || from.length != to.length) {
            throw new IllegalArgumentException("transfer needs from and to states of the same, non-zero length");
        }
        from = from.clone();
        to = to.clone();
        for (int k = 0; k < from.length; k++) {
            for (int m = 0; m < k; m++) {
                // A repeated from-state would count its stock twice when sharing out the move.
                if (from[m] == from[k]) {
                    throw new IllegalArgumentException("transfer from-state " + from[k] + " is listed twice");
                }
            }
        }
    }

    @Override
    public int[] from() {
        return from.clone();
    }

    @Override
    public int[] to() {
        return to.clone();
    }

    /** Throws unless every state index is below {@code states}. */
    void checkStates(int states) {
        for (int k = 0; k < from.length; k++) {
            if (from[k] < 0 || from[k] >= states || to[k] < 0 || to[k] >= states) {
                throw new IllegalArgumentException("transfer on day " + day + " moves " + from[k] + " -> " + to[k]
                        + " but states run from 0 to " + (states - 1));
            }
        }
    }

    /** Moves the expected amount, shared by current stock and capped at what the from-states hold. */
    double applyExpected(double[] stock) {
        return moveExpected(stock, children);
    }

    /** Moves {@code children} as {@link #applyExpected} does; returns how many moved. */
    double moveExpected(double[] stock, double children) {
        double available = 0;
        for (int state : from) {
            available += stock[state];
        }
        if (available <= 0 || children <= 0) {
            return 0;
        }
        double amount = Math.min(children, available);
        // All shares are worked out before any is moved, in case a to-state is also a from-state.
        double[] moved = new double[from.length];
        for (int k = 0; k < from.length; k++) {
            moved[k] = Math.min(stock[from[k]], amount * stock[from[k]] / available);
        }
        for (int k = 0; k < from.length; k++) {
            stock[from[k]] = Math.max(0, stock[from[k]] - moved[k]);
            stock[to[k]] += moved[k];
        }
        return amount;
    }

    /** Moves {@code round(children)} children one at a time, each from a from-state picked by stock. */
    long applyRandom(int[] stock, SplittableRandom random) {
        return moveRandom(stock, Math.round(children), random);
    }

    /** Moves {@code children} as {@link #applyRandom} does; returns how many moved. */
    long moveRandom(int[] stock, long children, SplittableRandom random) {
        long remaining = children;
        for (; remaining > 0; remaining--) {
            long available = 0;
            for (int state : from) {
                available += stock[state];
            }
            if (available == 0) {
                return children - remaining;
            }
            long pick = random.nextLong(available);
            int k = 0;
            while (pick >= stock[from[k]]) {
                pick -= stock[from[k]];
                k++;
            }
            stock[from[k]]--;
            stock[to[k]]++;
        }
        return children;
    }
}
