package uk.sufficiency.warehouse.forecast.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeterministicProjectionTest {
    private static final double EPS = 1e-9;

    /** One state whose children leave to outside at 0.1 a day, nobody arriving. */
    private static final FlowRates DRAIN = new FlowRates(new double[] {0}, new double[][] {{0, 0.1}});

    /** A and B with A to B at 0.1 and B to A at 0.2 a day, nobody arriving or leaving. */
    private static final FlowRates TWO_WAY = new FlowRates(new double[] {0, 0},
            new double[][] {{0, 0.1, 0}, {0.2, 0, 0}});

    /** Two children's homes (0, 1) and foster care (2), with no flows, to see transfers alone. */
    private static final FlowRates STILL = new FlowRates(new double[] {0, 0, 0},
            new double[][] {{0, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}});

    private static double[][] daily(FlowRates rates, double[] start, int days, Transfer... transfers) {
        return DeterministicProjection.project(rates, start, days, 1, List.of(transfers));
    }

    @Test
    void aDrainingStateLosesTheSameShareEachDay() {
        double[][] path = daily(DRAIN, new double[] {100}, 4);
        // 100 * 0.9 = 90, * 0.9 = 81, * 0.9 = 72.9, * 0.9 = 65.61
        assertArrayEquals(new double[] {100, 90, 81, 72.9, 65.61}, column(path, 0), EPS);
    }

    @Test
    void aWeeklyStepCompoundsTheDailyShare() {
        double[][] path = DeterministicProjection.project(DRAIN, new double[] {100}, 7, 7, List.of());
        assertEquals(2, path.length);
        // 0.9^7 = 0.81 * 0.81 * 0.81 * 0.9 = 0.531441 * 0.9 = 0.4782969
        assertEquals(47.82969, path[1][0], EPS);
    }

    @Test
    void twoWayFlowsMoveFromTheStartOfDayStock() {
        double[][] path = daily(TWO_WAY, new double[] {100, 0}, 2);
        // Day 1: A sends 10 to B. Day 2: A sends 9 and gets 0.2 * 10 = 2 back.
        assertArrayEquals(new double[] {90, 10}, path[1], EPS);
        assertArrayEquals(new double[] {90 - 9 + 2, 10 + 9 - 2}, path[2], EPS);
    }

    @Test
    void twoWayFlowsSettleWhereTheFlowsBalanceAndKeepTheTotal() {
        double[][] path = daily(TWO_WAY, new double[] {100, 0}, 200);
        for (double[] day : path) {
            assertEquals(100, day[0] + day[1], EPS);
        }
        // Balance: 0.1 A = 0.2 B and A + B = 100, so A = 200/3, B = 100/3. The gap shrinks by 0.7 a day.
        assertArrayEquals(new double[] {200.0 / 3, 100.0 / 3}, path[200], EPS);
    }

    @Test
    void weeklyTwoWayFlowsMoveEachChildAtMostOnce() {
        double[][] path = DeterministicProjection.project(TWO_WAY, new double[] {100, 0}, 7, 7, List.of());
        // A keeps 0.9^7 = 0.4782969 of its 100; the rest reach B, which started empty so sends nothing back.
        assertArrayEquals(new double[] {47.82969, 52.17031}, path[1], EPS);
    }

    @Test
    void ageingOutWithSteadyEntriesSettlesAtEntriesTimesStay() {
        FlowRates sixteenPlus = new FlowRates(new double[] {1}, new double[][] {{0, 1.0 / 730}});
        // From empty: x(k) = 730 (1 - (729/730)^k); day 3 = 3 - 3/730 + 1/730^2 = 3 - 0.0041096 + 0.0000019.
        assertEquals(2.9958923, daily(sixteenPlus, new double[] {0}, 3)[3][0], 1e-7);
        // At 730: 730 * 729/730 + 1 = 730 again.
        double[][] steady = daily(sixteenPlus, new double[] {730}, 100);
        assertEquals(730, steady[100][0], 1e-9);
    }

    @Test
    void aChainOfAgeStatesHoldsItsSteadyState() {
        // Under 16 (entries 1 a day, ageing on at 1/365) feeds 16 and over (leaving at 1/730):
        // under 16 settles at 1 / (1/365) = 365, which sends 1 a day on, so 16 and over settles at 730.
        FlowRates chain = new FlowRates(new double[] {1, 0}, new double[][] {{0, 1.0 / 365, 0}, {0, 0, 1.0 / 730}});
        double[][] path = daily(chain, new double[] {365, 730}, 50);
        assertArrayEquals(new double[] {365, 730}, path[50], 1e-9);
    }

    @Test
    void ratesAddingUpToMoreThanOneEmptyTheStateInProportion() {
        FlowRates rates = new FlowRates(new double[] {0, 0}, new double[][] {{0, 0.8, 0.7}, {0, 0, 0}});
        double[][] path = daily(rates, new double[] {100, 0}, 5);
        // Everyone leaves on day 1; 0.8 / 1.5 of them reach B, the rest leave to outside.
        assertEquals(0, path[1][0], EPS);
        assertEquals(100 * 0.8 / 1.5, path[1][1], EPS);
        for (double[] day : path) {
            assertTrue(day[0] >= 0 && day[1] >= 0);
        }
    }

    @Test
    void entriesArriveAtTheEndOfTheStep() {
        FlowRates rates = new FlowRates(new double[] {2}, new double[][] {{0, 0.5}});
        double[][] path = daily(rates, new double[] {0}, 3);
        // Day 1: 2 arrive. Day 2: half of 2 stay, 2 arrive: 3. Day 3: 1.5 + 2 = 3.5.
        assertArrayEquals(new double[] {0, 2, 3, 3.5}, column(path, 0), EPS);
    }

    @Test
    void weeklyEntriesAreSevenDaysWorth() {
        FlowRates rates = new FlowRates(new double[] {2}, new double[][] {{0, 0.5}});
        double[][] path = DeterministicProjection.project(rates, new double[] {0}, 7, 7, List.of());
        assertEquals(14, path[1][0], EPS);
    }

    @Test
    void aTransferIsSharedByStockOnItsDay() {
        Transfer stepDown = new Transfer(8, 2, new int[] {0, 1}, new int[] {2, 2});
        double[][] path = daily(STILL, new double[] {30, 10, 0}, 3, stepDown);
        assertArrayEquals(new double[] {30, 10, 0}, path[1], EPS);
        // 30 of the 40 are in home 0, so it gives 8 * 30/40 = 6 and home 1 gives 2.
        assertArrayEquals(new double[] {24, 8, 8}, path[2], EPS);
        assertArrayEquals(new double[] {24, 8, 8}, path[3], EPS);
    }

    @Test
    void aTransferMovesNoMoreThanTheFromStatesHold() {
        Transfer tooMany = new Transfer(100, 1, new int[] {0, 1}, new int[] {2, 2});
        assertArrayEquals(new double[] {0, 0, 40}, daily(STILL, new double[] {30, 10, 0}, 1, tooMany)[1], EPS);
    }

    @Test
    void aTransferFollowsTheStepsFlowsAndEntries() {
        // Weekly: a day-3 transfer applies at the end of the first week, after 100 * 0.9^7 = 47.82969 remain.
        FlowRates drainAndStill = new FlowRates(new double[] {0, 0}, new double[][] {{0, 0, 0.1}, {0, 0, 0}});
        Transfer onDay3 = new Transfer(10, 3, new int[] {0}, new int[] {1});
        double[][] weekly = DeterministicProjection.project(drainAndStill, new double[] {100, 0}, 14, 7,
                List.of(onDay3));
        assertArrayEquals(new double[] {37.82969, 10}, weekly[1], EPS);
        // An empty state with 2 entries a day can hand on only those 2 on day 1.
        FlowRates arriving = new FlowRates(new double[] {2, 0}, new double[][] {{0, 0, 0}, {0, 0, 0}});
        Transfer five = new Transfer(5, 1, new int[] {0}, new int[] {1});
        assertArrayEquals(new double[] {0, 2}, daily(arriving, new double[] {0, 0}, 1, five)[1], EPS);
    }

    @Test
    void aTransferAfterTheLastDayIsIgnored() {
        Transfer late = new Transfer(5, 10, new int[] {0}, new int[] {2});
        assertArrayEquals(new double[] {30, 10, 0}, daily(STILL, new double[] {30, 10, 0}, 5, late)[5], EPS);
    }

    @Test
    void badStepsDaysAndStatesAreRejectedClearly() {
        assertTrue(reject(() -> DeterministicProjection.project(DRAIN, new double[] {1}, 6, 3, List.of()))
                .contains("stepDays is 3; must be 1 (daily) or 7 (weekly)"));
        assertTrue(reject(() -> DeterministicProjection.project(DRAIN, new double[] {1}, 10, 7, List.of()))
                .contains("days is 10; must be a non-negative multiple of stepDays (7)"));
        assertTrue(reject(() -> daily(DRAIN, new double[] {1, 2}, 1)).contains("start has 2 states"));
        assertTrue(reject(() -> daily(DRAIN, new double[] {-1}, 1)).contains("start[0] is -1.0"));
        assertTrue(reject(() -> daily(DRAIN, new double[] {1}, 1, new Transfer(1, 1, new int[] {0}, new int[] {1})))
                .contains("moves 0 -> 1 but states run from 0 to 0"));
        assertTrue(reject(() -> new Transfer(1, 0, new int[] {0}, new int[] {1})).contains("day is 0"));
        assertTrue(reject(() -> new Transfer(1, 1, new int[] {0, 0}, new int[] {1, 2})).contains("listed twice"));
        assertTrue(reject(() -> new Transfer(1, 1, new int[] {0}, new int[] {1, 2})).contains("same"));
    }

    static String reject(Runnable call) {
        return assertThrows(IllegalArgumentException.class, call::run).getMessage();
    }

    private static double[] column(double[][] path, int state) {
        double[] column = new double[path.length];
        for (int k = 0; k < path.length; k++) {
            column[k] = path[k][state];
        }
        return column;
    }
}
