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
 * once at the end of each step, after the step's flows and entries; step 1 starts a new run with
 * the places empty.
 *
 * <p>The occupants of a transfer's places are followed apart from the rest of its to-states, state
 * by state: each step they change state at the step's rates, as every child does. Those who move
 * to another of the to-states (a birthday, say) stay in the places; those who leave the to-states or
 * care leave them, the expected share along the expected path and binomial draws in a simulated run.
 * Then the places left empty are filled from the from-states, as far as they hold children.
 */
final class TransferSchedule {
    private final Map<Integer, List<Transfer>> byStep = new HashMap<>();
    private final List<HeldPlaces> held = new ArrayList<>();

    TransferSchedule(List<Transfer> transfers, int days, int stepDays, int states) {
        for (Transfer transfer : transfers) {
            transfer.checkStates(states);
            if (transfer.day() <= days) {
                int step = (transfer.day() + stepDays - 1) / stepDays; // step k holds days (k-1)*stepDays+1 .. k*stepDays
                byStep.computeIfAbsent(step, s -> new ArrayList<>()).add(transfer);
                if (transfer.places() > 0) {
                    held.add(new HeldPlaces(transfer, step));
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

    /** Whether any places are held, so a projection need not follow birthdays for them. */
    boolean holdsPlaces() {
        return !held.isEmpty();
    }

    /**
     * A birthday day: the places' occupants move as their states' children do ({@code shares} from
     * {@link Ageing#birthdayShares}); one who moves up a band in the group keeps the place, one who
     * turns 18 leaves it, and it is refilled at the next step's end.
     */
    void birthdays(double[][] shares) {
        for (HeldPlaces places : held) {
            places.birthdays(shares);
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

    /** One transfer's places: how many of its occupants are in each of its to-states. */
    private static final class HeldPlaces {
        final Transfer transfer;
        /** The step at whose end the places open. */
        final int from;
        final int[] to;
        final double[] occupants;

        HeldPlaces(Transfer transfer, int from) {
            this.transfer = transfer;
            this.from = from;
            this.to = transfer.to();
            this.occupants = new double[to.length];
        }

        double total() {
            double total = 0;
            for (double o : occupants) {
                total += o;
            }
            return total;
        }

        /** The occupants' changes of state over a step (none before the places open); step 1 empties them. */
        void step(int step, StepShares shares, SplittableRandom random) {
            if (step == 1) {
                Arrays.fill(occupants, 0);
            }
            if (from >= step) {
                return;
            }
            double[] next = new double[to.length];
            for (int k = 0; k < to.length; k++) {
                int state = to[k];
                int[] destinations = shares.destinations[state];
                if (random == null) {
                    double leavers = occupants[k] * shares.leaving[state];
                    next[k] += occupants[k] - leavers;
                    for (int d = 0; d < destinations.length; d++) {
                        int j = slot(destinations[d]);
                        if (j >= 0) {
                            next[j] += leavers * shares.split[state][d];
                        }
                    }
                } else {
                    int children = (int) Math.round(occupants[k]);
                    int leavers = RandomDraws.binomial(random, children, shares.leaving[state]);
                    next[k] += children - leavers;
                    for (int c = 0; c < leavers; c++) {
                        int j = slot(destinations[shares.pick[state].pick(random.nextDouble())]);
                        if (j >= 0) {
                            next[j]++;
                        }
                    }
                }
            }
            System.arraycopy(next, 0, occupants, 0, to.length);
        }

        void birthdays(double[][] shares) {
            double[] next = new double[to.length];
            for (int k = 0; k < to.length; k++) {
                for (int j = 0; j < to.length; j++) {
                    next[j] += occupants[k] * shares[to[k]][to[j]];
                }
            }
            System.arraycopy(next, 0, occupants, 0, to.length);
        }

        /** Children moved into the to-states (their stock {@code was} before the move, {@code now} after) fill empty places. */
        void add(double[] was, double[] now) {
            double room = transfer.places() - total();
            for (int k = 0; k < to.length && room > 0; k++) {
                double moved = Math.min(room, Math.max(0, now[k] - was[k]));
                occupants[k] += moved;
                room -= moved;
            }
        }

        /** The position of a state among the to-states, or -1 outside them (and for leaving care). */
        private int slot(int state) {
            for (int k = 0; k < to.length; k++) {
                if (to[k] == state) {
                    return k;
                }
            }
            return -1;
        }
    }
}
