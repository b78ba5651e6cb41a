package uk.sufficiency.warehouse.forecast.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.sufficiency.warehouse.forecast.engine.DeterministicProjectionTest.reject;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MonteCarloProjectionTest {

    /** 1000 children leaving at 0.01 a day with 5 arriving a day: the expected stock heads for 5 / 0.01 = 500. */
    private static final FlowRates LARGE = new FlowRates(new double[] {5}, new double[][] {{0, 0.01}});

    /** Every run's stock on every step: [run][step][state]. */
    private static int[][][] paths(int runs, long seed, FlowRates rates, int[] start, int days, int stepDays,
            Transfer... transfers) {
        int[][][] paths = new int[runs][days / stepDays + 1][];
        new MonteCarloProjection(runs, seed).simulate(random -> rates, start, days, stepDays, List.of(transfers),
                (run, day, stock) -> paths[run][day / stepDays] = stock.clone());
        return paths;
    }

    /** One state's stock on one step, across runs. */
    private static double[] across(int[][][] paths, int step, int state) {
        return Arrays.stream(paths).mapToDouble(run -> run[step][state]).toArray();
    }

    @Test
    void theSameSeedRepeatsAndAnotherSeedDiffers() {
        int[][][] first = paths(20, 42, LARGE, new int[] {1000}, 60, 1);
        int[][][] again = paths(20, 42, LARGE, new int[] {1000}, 60, 1);
        int[][][] other = paths(20, 43, LARGE, new int[] {1000}, 60, 1);
        assertTrue(Arrays.deepEquals(first, again));
        assertFalse(Arrays.deepEquals(first, other));
    }

    @Test
    void aRunDoesNotDependOnHowManyRunsThereAre() {
        int[][][] five = paths(5, 7, LARGE, new int[] {1000}, 30, 1);
        int[][][] ten = paths(10, 7, LARGE, new int[] {1000}, 30, 1);
        assertTrue(Arrays.deepEquals(five[3], ten[3]));
        assertFalse(Arrays.deepEquals(ten[3], ten[4]), "runs get different streams");
    }

    @Test
    void theObserverSeesTheStartAndEveryStep() {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger rateCalls = new AtomicInteger();
        new MonteCarloProjection(3, 1).simulate(random -> {
            rateCalls.incrementAndGet();
            return LARGE;
        }, new int[] {10}, 28, 7, List.of(), (run, day, stock) -> {
            assertEquals(calls.get() % 5 * 7, day); // days 0, 7, 14, 21, 28 in each run
            assertEquals(calls.getAndIncrement() / 5, run);
            stock[0] = -99; // the simulation must not see this
        });
        assertEquals(15, calls.get());
        assertEquals(3, rateCalls.get());
    }

    @Test
    void theMedianFollowsTheExpectedPath() {
        int[][][] paths = paths(500, 2024, LARGE, new int[] {1000}, 365, 1);
        double[][] expected = DeterministicProjection.project(LARGE, new double[] {1000}, 365, 1, List.of());
        for (int day : new int[] {30, 90, 180, 365}) {
            // x(k) = 0.99 x(k-1) + 5 has fixed point 500, so x(k) = 500 + (1000 - 500) 0.99^k.
            double byHand = 500 + 500 * Math.pow(0.99, day);
            assertEquals(byHand, expected[day][0], 1e-9);
            double[] stocks = across(paths, day, 0);
            Arrays.sort(stocks);
            double median = Quantiles.of(stocks, 0.5);
            assertEquals(byHand, median, byHand * 0.01, "day " + day);
        }
    }

    @Test
    void theNinetyPercentRangeHoldsNinetyPercentAndIsAsWideAsTheory() {
        double[] finals = across(paths(500, 99, LARGE, new int[] {1000}, 365, 1), 365, 0);
        double[] range = Quantiles.of(finals, 0.05, 0.95);
        long inside = Arrays.stream(finals).filter(x -> x >= range[0] && x <= range[1]).count();
        // Ties at the ends of whole-number stocks can add a few runs beyond 450 of 500.
        assertTrue(inside >= 440 && inside <= 470, inside + " of 500 inside");
        // Theory on day 365: each of the 1000 is still there with chance 0.99^365 = 0.0255 (binomial
        // variance 1000 * 0.0255 * 0.9745 = 24.9); those who arrived and stayed are Poisson with mean
        // 5 (1 - 0.99^365) / 0.01 = 487.2. Variance 512, sd 22.6, 90% range 2 * 1.645 * 22.6 = 74.4.
        assertEquals(74.4, range[1] - range[0], 74.4 * 0.15);
    }

    @Test
    void twoWayFlowsAverageToTheExpectedPath() {
        FlowRates twoWay = new FlowRates(new double[] {0, 0}, new double[][] {{0, 0.1, 0}, {0.2, 0, 0}});
        int[][][] paths = paths(2000, 5, twoWay, new int[] {100, 0}, 2, 1);
        for (int[][] run : paths) {
            assertEquals(100, run[2][0] + run[2][1], "no entries or exits");
        }
        // Day 1: A sends Binomial(100, 0.1) to B: mean 10, sd 3, so the mean of 2000 runs has sd 0.07.
        assertEquals(90, mean(across(paths, 1, 0)), 0.35);
        // Day 2, as the deterministic path: A = 90 - 9 + 2 = 83.
        assertEquals(83, mean(across(paths, 2, 0)), 0.4);
    }

    @Test
    void aWeeklyStepAveragesToTheWeeklyExpectedPath() {
        int[][][] paths = paths(500, 21, LARGE, new int[] {1000}, 7, 7);
        // 0.99^7 = 0.9801^3 * 0.99 = 0.932065 of the 1000 stay, and 7 * 5 = 35 arrive: 967.07. A run's
        // sd is sqrt(1000 * 0.932 * 0.068 + 35) = 9.9, so the mean of 500 runs has sd 0.44.
        assertEquals(967.07, mean(across(paths, 1, 0)), 2);
    }

    @Test
    void manyLeaversAreSplitByTheRates() {
        // 10,000 children, half leave on day 1: 0.2/0.5 of them to B, 0.2/0.5 to C, the rest outside.
        FlowRates rates = new FlowRates(new double[] {0, 0, 0},
                new double[][] {{0, 0.2, 0.2, 0.1}, {0, 0, 0, 0}, {0, 0, 0, 0}});
        int[][][] paths = paths(200, 11, rates, new int[] {10_000, 0, 0}, 1, 1);
        // Each of B and C is Binomial(10000, 0.2): mean 2000, sd 40, so the mean of 200 runs has sd 2.8.
        assertEquals(5000, mean(across(paths, 1, 0)), 15);
        assertEquals(2000, mean(across(paths, 1, 1)), 15);
        assertEquals(2000, mean(across(paths, 1, 2)), 15);
    }

    @Test
    void ratesThatWouldDrainPastZeroEmptyTheStateAndNeverGoBelow() {
        FlowRates rates = new FlowRates(new double[] {0.5, 0}, new double[][] {{0, 0.8, 0.7}, {0.1, 0, 0.05}});
        for (int[][] run : paths(200, 3, rates, new int[] {100, 0}, 14, 1)) {
            assertTrue(run[1][0] <= 3, "only the day's few entries remain"); // Poisson(0.5) > 3 is rare but possible
            assertTrue(run[1][1] <= 100);
            for (int[] day : run) {
                assertTrue(day[0] >= 0 && day[1] >= 0);
            }
        }
    }

    @Test
    void transfersMoveWholeChildrenAndStopAtEmpty() {
        FlowRates still = new FlowRates(new double[] {0, 0, 0},
                new double[][] {{0, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}});
        Transfer stepDown = new Transfer(8.4, 1, new int[] {0, 1}, new int[] {2, 2}); // rounds to 8
        int homeZeroGave = 0;
        for (int[][] run : paths(200, 17, still, new int[] {30, 10, 0}, 1, 1, stepDown)) {
            assertEquals(8, run[1][2]);
            assertEquals(32, run[1][0] + run[1][1]);
            assertTrue(run[1][0] <= 30 && run[1][1] <= 10 && run[1][1] >= 0);
            homeZeroGave += 30 - run[1][0];
        }
        // Picked by stock, home 0 gives about 30/40 of the 8, 6 a run: 1200 in all (sd about 30).
        assertEquals(1200, homeZeroGave, 120);
        Transfer tooMany = new Transfer(100, 1, new int[] {0, 1}, new int[] {2, 2});
        for (int[][] run : paths(5, 17, still, new int[] {30, 10, 0}, 1, 1, tooMany)) {
            assertArrayEquals(new int[] {0, 0, 40}, run[1]);
        }
    }

    @Test
    void badArgumentsAreRejectedClearly() {
        assertTrue(reject(() -> new MonteCarloProjection(0, 1)).contains("runs is 0"));
        MonteCarloProjection monteCarlo = new MonteCarloProjection(1, 1);
        StepObserver ignore = (run, day, stock) -> { };
        assertTrue(reject(() -> monteCarlo.simulate(r -> LARGE, new int[] {1}, 9, 3, List.of(), ignore))
                .contains("stepDays is 3"));
        assertTrue(reject(() -> monteCarlo.simulate(r -> LARGE, new int[] {1}, 10, 7, List.of(), ignore))
                .contains("days is 10"));
        assertTrue(reject(() -> monteCarlo.simulate(r -> LARGE, new int[] {1, 1}, 7, 7, List.of(), ignore))
                .contains("run 0 rates have 1 states, start has 2"));
        assertTrue(reject(() -> monteCarlo.simulate(r -> LARGE, new int[] {-1}, 7, 7, List.of(), ignore))
                .contains("start[0] is -1"));
    }

    @Test
    void aFullSizeModelStaysNonNegativeAndAveragesToTheExpectedPath() {
        // Four years, daily, over 45 states with about 10 destinations each: the size the product runs
        // (with 500 runs, a few seconds; 100 here keep the test quick).
        int n = 45;
        SplittableRandom setUp = new SplittableRandom(8);
        double[] entries = new double[n];
        double[][] moves = new double[n][n + 1];
        int[] start = new int[n];
        for (int i = 0; i < n; i++) {
            entries[i] = setUp.nextDouble(0.5);
            start[i] = setUp.nextInt(301);
            for (int d = 0; d < 10; d++) {
                int to = setUp.nextInt(n + 1);
                if (to != i) {
                    moves[i][to] = setUp.nextDouble(0.0005, 0.01);
                }
            }
        }
        FlowRates rates = new FlowRates(entries, moves);
        long[] finalTotal = new long[1];
        new MonteCarloProjection(100, 1).simulate(r -> rates, start, 1461, 1, List.of(), (run, day, stock) -> {
            for (int x : stock) {
                assertTrue(x >= 0);
                if (day == 1461) {
                    finalTotal[0] += x;
                }
            }
        });
        double[] expected = DeterministicProjection.project(rates, toDouble(start), 1461, 1, List.of())[1461];
        double expectedTotal = Arrays.stream(expected).sum();
        // The total is roughly Poisson, sd about sqrt(7400) = 86 a run, so 9 for the mean of 100 runs.
        assertEquals(expectedTotal, finalTotal[0] / 100.0, expectedTotal * 0.01);
    }

    private static double[] toDouble(int[] values) {
        return Arrays.stream(values).asDoubleStream().toArray();
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }
}
