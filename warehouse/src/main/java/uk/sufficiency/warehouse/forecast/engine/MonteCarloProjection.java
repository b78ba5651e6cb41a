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

    /** {@link #simulate(Function, Ageing, int[], int, int, List, StepObserver)} with constant rates and no ageing. */
    public void simulate(Function<SplittableRandom, FlowRates> ratesForRun, int[] start, int days, int stepDays,
            List<Transfer> transfers, StepObserver observer) {
        simulate(random -> RatePath.constant(ratesForRun.apply(random)), Ageing.none(start.length, days), start, days,
                stepDays, transfers, observer);
    }

    /**
     * Runs the simulation, calling {@code ratesForRun} once per run (so the caller can draw the
     * rates' own uncertainty per run) and {@code observer} with each state's children for day 0
     * and after every step. {@code startCells} holds the children of each of {@code ageing}'s cells.
     * Each run has its own random stream derived from the seed and the run number, so results
     * repeat for a seed and do not depend on the order runs are done in. Each step: the flows,
     * then entries, then the transfers due, then the birthdays due.
     */
    public void simulate(Function<SplittableRandom, RatePath> ratesForRun, Ageing ageing, int[] startCells, int days,
            int stepDays, List<Transfer> transfers, StepObserver observer) {
        int steps = StepShares.stepsIn(days, stepDays);
        int n = ageing.states;
        int cellCount = ageing.cells;
        if (startCells.length != cellCount) {
            throw new IllegalArgumentException("start has " + startCells.length + " cells, the ageing has " + cellCount);
        }
        for (int c = 0; c < cellCount; c++) {
            if (startCells[c] < 0) {
                throw new IllegalArgumentException("start[" + c + "] is " + startCells[c] + "; must be non-negative");
            }
        }
        TransferSchedule schedule = new TransferSchedule(transfers, ageing, days, stepDays);
        IndexPicker[] entryPick = new IndexPicker[n];
        for (int i = 0; i < n; i++) {
            entryPick[i] = ageing.width(i) > 1 ? new IndexPicker(ageing.entryMix[i]) : null;
        }
        int[] cells = new int[cellCount];
        int[] scratch = new int[cellCount];
        int[] beforeMove = new int[cellCount];
        int[] total = new int[n];
        int[] before = new int[n];
        int[] shown = new int[n];
        Arrivals arrivals = new Arrivals();
        for (int run = 0; run < runs; run++) {
            SplittableRandom random = randomForRun(run);
            RatePath rates = ratesForRun.apply(random);
            if (rates.states() != n) {
                throw new IllegalArgumentException("run " + run + " rates have " + rates.states()
                        + " states, start has " + n);
            }
            StepShares[] byStep = rates.sharesByStep(steps, stepDays);
            System.arraycopy(startCells, 0, cells, 0, cellCount);
            ageing.stateTotals(cells, total);
            show(observer, run, 0, total, shown);
            for (int step = 1; step <= steps; step++) {
                StepShares shares = byStep[step];
                int stepEnd = step * stepDays;
                arrivals.size = 0;
                for (int i = 0; i < n; i++) {
                    int stock = total[i];
                    if (stock > 0) {
                        int leavers = RandomDraws.binomial(random, stock, shares.leaving[i]);
                        if (leavers > 0) {
                            sendLeavers(random, shares, ageing, cells, i, stock, leavers, arrivals);
                            total[i] -= leavers;
                        }
                    }
                    if (shares.entries[i] > 0) {
                        for (int e = RandomDraws.poisson(random, shares.entries[i]); e > 0; e--) {
                            int k = entryPick[i] == null ? 0 : entryPick[i].pick(random.nextDouble());
                            arrivals.add(ageing.entryCell(i, k, stepEnd));
                        }
                    }
                }
                for (int a = 0; a < arrivals.size; a++) {
                    int c = arrivals.cells[a];
                    cells[c]++;
                    total[ageing.stateOfCell[c]]++;
                }
                System.arraycopy(total, 0, before, 0, n);
                schedule.endOfStepRandom(step, shares, total, random);
                if (!Arrays.equals(before, total)) {
                    System.arraycopy(cells, 0, beforeMove, 0, cellCount);
                    ageing.transferred(cells, before, total, random);
                    schedule.placedRandom(beforeMove, cells, random);
                    ageing.stateTotals(cells, total);
                }
                int birthdays = ageing.birthdayDaysIn(stepEnd, stepDays);
                for (int b = 0; b < birthdays; b++) {
                    schedule.birthdays();
                    ageing.birthdays(cells, scratch);
                }
                if (birthdays > 0) {
                    ageing.stateTotals(cells, total);
                }
                show(observer, run, stepEnd, total, shown);
            }
        }
    }

    /**
     * Takes state {@code i}'s leavers from its cells at random and shares them among its
     * destinations multinomially; those moving to another state are added to {@code arrivals}.
     */
    private static void sendLeavers(SplittableRandom random, StepShares shares, Ageing ageing, int[] cells, int i,
                                    int stock, int leavers, Arrivals arrivals) {
        int n = ageing.states;
        int[] destinations = shares.destinations[i];
        int left = stock;
        if (leavers < PICK_ONE_BY_ONE) {
            IndexPicker pick = shares.pick[i];
            for (int l = 0; l < leavers; l++) {
                int c = ageing.pick(cells, i, left--, random);
                cells[c]--;
                int to = destinations[pick.pick(random.nextDouble())];
                if (to < n) {
                    arrivals.add(ageing.moved(c, to));
                }
            }
            return;
        }
        // Sequential conditional binomials: each destination's share of the leavers not yet placed.
        double[] split = shares.split[i];
        double shareLeft = 1;
        int last = destinations.length - 1;
        for (int k = 0; k <= last && leavers > 0; k++) {
            int count = k == last ? leavers : RandomDraws.binomial(random, leavers, Math.min(1, split[k] / shareLeft));
            shareLeft -= split[k];
            leavers -= count;
            for (int l = 0; l < count; l++) {
                int c = ageing.pick(cells, i, left--, random);
                cells[c]--;
                if (destinations[k] < n) {
                    arrivals.add(ageing.moved(c, destinations[k]));
                }
            }
        }
    }

    /** Cells children arrive in during a step, applied at its end so that nobody moves twice in a step. */
    private static final class Arrivals {
        int[] cells = new int[64];
        int size;

        void add(int cell) {
            if (size == cells.length) {
                cells = Arrays.copyOf(cells, size * 2);
            }
            cells[size++] = cell;
        }
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
