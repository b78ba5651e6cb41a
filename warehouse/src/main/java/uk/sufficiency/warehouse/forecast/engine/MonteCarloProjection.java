package uk.sufficiency.warehouse.forecast.engine;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Simulated stock paths of the flow model in whole children: per step and state the leavers are
 * binomial, split among destinations multinomially, and entries are Poisson.
 */
public final class MonteCarloProjection {
    /** Below this many leavers, destinations are picked child by child (cheaper than a binomial each). */
    private static final int PICK_ONE_BY_ONE = 32;

    private final int runs;
    private final long seed;

    public MonteCarloProjection(int runs, long seed) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs is " + runs + "; must be at least 1");
        }
        this.runs = runs;
        this.seed = seed;
    }

    /**
     * Runs the simulation, calling {@code ratesForRun} once per run (so the caller can draw the
     * rates' own uncertainty per run) and {@code observer} for day 0 and after every step. Each run
     * has its own random stream derived from the seed and the run number, so results repeat for a
     * seed and do not depend on the order runs are done in.
     */
    public void simulate(Function<SplittableRandom, FlowRates> ratesForRun, int[] start, int days, int stepDays,
            List<Transfer> transfers, StepObserver observer) {
        int steps = StepShares.stepsIn(days, stepDays);
        int n = start.length;
        for (int i = 0; i < n; i++) {
            if (start[i] < 0) {
                throw new IllegalArgumentException("start[" + i + "] is " + start[i] + "; must be non-negative");
            }
        }
        TransferSchedule schedule = new TransferSchedule(transfers, days, stepDays, n);
        // One slot more than the states: leavers to outside are counted there and then dropped,
        // which saves a test on every leaver.
        int[] stock = new int[n + 1];
        int[] next = new int[n + 1];
        int[] shown = new int[n];
        for (int run = 0; run < runs; run++) {
            SplittableRandom random = randomForRun(run);
            FlowRates rates = ratesForRun.apply(random);
            if (rates.states() != n) {
                throw new IllegalArgumentException("run " + run + " rates have " + rates.states()
                        + " states, start has " + n);
            }
            StepShares shares = new StepShares(rates, stepDays);
            System.arraycopy(start, 0, stock, 0, n);
            show(observer, run, 0, stock, shown);
            for (int step = 1; step <= steps; step++) {
                Arrays.fill(next, 0);
                for (int i = 0; i < n; i++) {
                    int leavers = RandomDraws.binomial(random, stock[i], shares.leaving[i]);
                    next[i] += stock[i] - leavers;
                    if (leavers > 0) {
                        sendLeavers(random, shares, i, leavers, next);
                    }
                    if (shares.entries[i] > 0) {
                        next[i] += RandomDraws.poisson(random, shares.entries[i]);
                    }
                }
                schedule.endOfStepRandom(step, shares, next, random);
                int[] swap = stock;
                stock = next;
                next = swap;
                show(observer, run, step * stepDays, stock, shown);
            }
        }
    }

    /** Shares state {@code i}'s leavers among its destinations multinomially. */
    private static void sendLeavers(SplittableRandom random, StepShares shares, int i, int leavers, int[] next) {
        int[] destinations = shares.destinations[i];
        if (leavers < PICK_ONE_BY_ONE) {
            IndexPicker pick = shares.pick[i];
            for (int c = 0; c < leavers; c++) {
                next[destinations[pick.pick(random.nextDouble())]]++;
            }
            return;
        }
        // Sequential conditional binomials: each destination's share of the leavers not yet placed.
        double[] split = shares.split[i];
        double shareLeft = 1;
        int last = destinations.length - 1;
        for (int k = 0; k < last && leavers > 0; k++) {
            int count = RandomDraws.binomial(random, leavers, Math.min(1, split[k] / shareLeft));
            shareLeft -= split[k];
            leavers -= count;
            next[destinations[k]] += count;
        }
        next[destinations[last]] += leavers;
    }

    private static void show(StepObserver observer, int run, int day, int[] stock, int[] shown) {
        System.arraycopy(stock, 0, shown, 0, shown.length);
        observer.step(run, day, shown);
    }

    /** Run {@code run}'s stream: the seed and run number mixed (SplitMix64's finaliser) into a new seed. */
    private SplittableRandom randomForRun(int run) {
        long z = seed + (run + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new SplittableRandom(z ^ (z >>> 31));
    }
}
