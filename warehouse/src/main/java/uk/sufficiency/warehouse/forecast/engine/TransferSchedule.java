package uk.sufficiency.warehouse.forecast.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Which transfers apply at the end of which step (transfers after the last day are dropped), and
 * the places they hold. A projection calls {@link #endOfStepExpected} or {@link #endOfStepRandom}
 * once at the end of each step, after the step's flows and entries, on the states' totals; then,
 * once {@link Ageing#transferred} has given the children moved their cells, {@link #placedExpected}
 * or {@link #placedRandom}; and {@link #birthdays} on each birthday day. Step 1 starts a new run
 * with the places empty.
 *
 * <p>The occupants of a transfer's places are followed apart from the rest of its to-states, cell
 * by cell (state, single year of age and months to birthday, as {@link Ageing}'s): each step they
 * leave their cells at their states' rates and keep their age in the state they move to, as every
 * child does, and on a birthday day they age as every child does. Those who stay in the to-states
 * (a move up an age band, say) keep their places; those who leave the to-states or care (at 18)
 * leave them, the expected share along the expected path and binomial draws in a simulated run.
 * Then the places left empty are filled from the from-states, as far as they hold children; the
 * children moved in take their cells from the cells the to-states gained in the move.
 */
final class TransferSchedule {
    private final Map<Integer, List<Transfer>> byStep = new HashMap<>();
    private final List<HeldPlaces> held = new ArrayList<>();

    TransferSchedule(List<Transfer> transfers, Ageing ageing, int days, int stepDays) {
        for (Transfer transfer : transfers) {
            transfer.checkStates(ageing.states);
            if (transfer.day() <= days) {
                int step = (transfer.day() + stepDays - 1) / stepDays; // step k holds days (k-1)*stepDays+1 .. k*stepDays
                byStep.computeIfAbsent(step, s -> new ArrayList<>()).add(transfer);
                if (transfer.places() > 0) {
                    held.add(new HeldPlaces(transfer, step, ageing));
                }
            }
        }
    }

    /** Transfers to apply at the end of {@code step} (counting from 1), in the order given. */
    private List<Transfer> endOf(int step) {
        return byStep.getOrDefault(step, List.of());
    }

    /** The end of a step on the expected path, {@code after} the stock at its end. */
    void endOfStepExpected(int step, StepShares shares, double[] after) {
        for (HeldPlaces places : held) {
            places.step(step, shares, null);
        }
        for (Transfer transfer : endOf(step)) {
            double[] was = toStock(transfer, after);
            transfer.applyExpected(after);
            fill(transfer, was, toStock(transfer, after));
        }
        for (HeldPlaces places : held) {
            if (places.from <= step) {
                double[] was = toStock(places.transfer, after);
                places.transfer.moveExpected(after, places.transfer.places() - places.total());
                places.add(was, toStock(places.transfer, after));
            }
        }
    }

    /** The end of a step of a simulated run, in whole children. */
    void endOfStepRandom(int step, StepShares shares, int[] after, SplittableRandom random) {
        for (HeldPlaces places : held) {
            places.step(step, shares, random);
        }
        for (Transfer transfer : endOf(step)) {
            double[] was = toStock(transfer, after);
            transfer.applyRandom(after, random);
            fill(transfer, was, toStock(transfer, after));
        }
        for (HeldPlaces places : held) {
            if (places.from <= step) {
                double[] was = toStock(places.transfer, after);
                places.transfer.moveRandom(after, Math.round(places.transfer.places() - places.total()), random);
                places.add(was, toStock(places.transfer, after));
            }
        }
    }

    /**
     * After {@link Ageing#transferred} took the cells from {@code before} to {@code after}: the
     * children this step's moves put in the places take the cells their to-states gained, in
     * proportion.
     */
    void placedExpected(double[] before, double[] after) {
        for (HeldPlaces places : held) {
            places.placedExpected(before, after);
        }
    }

    /** As {@link #placedExpected} for whole children, each taking a cell gained, picked at random. */
    void placedRandom(int[] before, int[] after, SplittableRandom random) {
        for (HeldPlaces places : held) {
            places.placedRandom(before, after, random);
        }
    }

    /**
     * A birthday day: the places' occupants age as every child does ({@link Ageing#afterBirthday});
     * one who moves up a band within the to-states keeps the place, one who turns 18 or moves to a
     * band outside them leaves it, and it is refilled at the next step's end.
     */
    void birthdays() {
        for (HeldPlaces places : held) {
            places.birthdays();
        }
    }

    /** The children a transfer moved fill its places first. */
    private void fill(Transfer transfer, double[] was, double[] after) {
        for (HeldPlaces places : held) {
            if (places.transfer == transfer) {
                places.add(was, after);
            }
        }
    }

    /** The stock of each of a transfer's to-states, in its order. */
    private static double[] toStock(Transfer transfer, double[] stock) {
        int[] to = transfer.to();
        double[] values = new double[to.length];
        for (int k = 0; k < to.length; k++) {
            values[k] = stock[to[k]];
        }
        return values;
    }

    private static double[] toStock(Transfer transfer, int[] stock) {
        int[] to = transfer.to();
        double[] values = new double[to.length];
        for (int k = 0; k < to.length; k++) {
            values[k] = stock[to[k]];
        }
        return values;
    }

    /** One transfer's places: how many of its occupants are in each cell of its to-states. */
    private static final class HeldPlaces {
        final Transfer transfer;
        /** The step at whose end the places open. */
        final int from;
        final int[] to;
        final Ageing ageing;
        /** Occupants by cell (whole numbers in a simulated run); zero outside the to-states. */
        final double[] occupants;
        final double[] next;
        /** Children this step's moves put in the places, by state, not yet given cells. */
        final double[] pending;
        /** Whether each state is one of the to-states. */
        final boolean[] isTo;
        double total;

        HeldPlaces(Transfer transfer, int from, Ageing ageing) {
            this.transfer = transfer;
            this.from = from;
            this.to = transfer.to();
            this.ageing = ageing;
            this.occupants = new double[ageing.cells];
            this.next = new double[ageing.cells];
            this.pending = new double[ageing.states];
            this.isTo = new boolean[ageing.states];
            for (int state : to) {
                isTo[state] = true;
            }
        }

        /** Occupants, including those placed this step. */
        double total() {
            return total;
        }

        /** Makes {@code next} the occupants and counts them (only the to-states' cells can hold any). */
        private void takeNext() {
            total = 0;
            for (int i = 0; i < isTo.length; i++) {
                if (isTo[i]) {
                    for (int c = ageing.offset[i]; c < ageing.offset[i + 1]; c++) {
                        occupants[c] = next[c];
                        total += next[c];
                        next[c] = 0;
                    }
                }
            }
        }

        /** The occupants' changes of state over a step (none before the places open); step 1 empties them. */
        void step(int step, StepShares shares, SplittableRandom random) {
            if (step == 1) {
                Arrays.fill(occupants, 0);
                Arrays.fill(next, 0);
                Arrays.fill(pending, 0);
                total = 0;
            }
            if (from >= step) {
                return;
            }
            int n = ageing.states;
            for (int c = 0; c < occupants.length; c++) {
                if (occupants[c] == 0) {
                    continue; // every cell outside the to-states
                }
                int state = ageing.stateOfCell[c];
                int[] destinations = shares.destinations[state];
                if (random == null) {
                    double leavers = occupants[c] * shares.leaving[state];
                    next[c] += occupants[c] - leavers;
                    for (int d = 0; d < destinations.length; d++) {
                        if (destinations[d] < n && isTo[destinations[d]]) {
                            next[ageing.moved(c, destinations[d])] += leavers * shares.split[state][d];
                        }
                    }
                } else {
                    int children = (int) occupants[c];
                    int leavers = RandomDraws.binomial(random, children, shares.leaving[state]);
                    next[c] += children - leavers;
                    for (int l = 0; l < leavers; l++) {
                        int destination = destinations[shares.pick[state].pick(random.nextDouble())];
                        if (destination < n && isTo[destination]) {
                            next[ageing.moved(c, destination)]++;
                        }
                    }
                }
            }
            takeNext();
        }

        void birthdays() {
            for (int c = 0; c < occupants.length; c++) {
                int older = ageing.afterBirthday[c];
                if (occupants[c] != 0 && older >= 0 && isTo[ageing.stateOfCell[older]]) {
                    next[older] += occupants[c];
                }
            }
            takeNext();
        }

        /** Children moved into the to-states (their stock {@code was} before the move, {@code now} after) fill empty places. */
        void add(double[] was, double[] now) {
            double room = transfer.places() - total();
            for (int k = 0; k < to.length && room > 0; k++) {
                double moved = Math.min(room, Math.max(0, now[k] - was[k]));
                pending[to[k]] += moved;
                total += moved;
                room -= moved;
            }
        }

        void placedExpected(double[] before, double[] after) {
            for (int i = 0; i < pending.length; i++) {
                if (pending[i] == 0) {
                    continue;
                }
                double gained = 0;
                for (int c = ageing.offset[i]; c < ageing.offset[i + 1]; c++) {
                    gained += Math.max(0, after[c] - before[c]);
                }
                for (int c = ageing.offset[i]; c < ageing.offset[i + 1] && gained > 0; c++) {
                    occupants[c] += pending[i] * Math.max(0, after[c] - before[c]) / gained;
                }
                if (gained == 0) {
                    total -= pending[i]; // nobody arrived to place: the places stay empty, refilled next step
                }
                pending[i] = 0;
            }
        }

        void placedRandom(int[] before, int[] after, SplittableRandom random) {
            for (int i = 0; i < pending.length; i++) {
                if (pending[i] == 0) {
                    continue;
                }
                int gained = 0;
                for (int c = ageing.offset[i]; c < ageing.offset[i + 1]; c++) {
                    gained += Math.max(0, after[c] - before[c]);
                }
                // each child placed takes one of the children the state gained (next[c]: those not yet taken)
                for (int c = ageing.offset[i]; c < ageing.offset[i + 1]; c++) {
                    next[c] = Math.max(0, after[c] - before[c]);
                }
                int k = (int) pending[i];
                for (; k > 0 && gained > 0; k--, gained--) {
                    int r = random.nextInt(gained);
                    int c = ageing.offset[i];
                    while (r >= next[c]) {
                        r -= (int) next[c];
                        c++;
                    }
                    next[c]--;
                    occupants[c]++;
                }
                total -= k;
                pending[i] = 0;
                Arrays.fill(next, ageing.offset[i], ageing.offset[i + 1], 0);
            }
        }
    }
}
