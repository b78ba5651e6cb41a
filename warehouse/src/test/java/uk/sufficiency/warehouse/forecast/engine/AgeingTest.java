package uk.sufficiency.warehouse.forecast.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Exact ageing on months of 30 days, each month's birthdays on its 15th (days 15, 45, 75 ...), with
 * no flows unless a test sets them, so the stock moves on birthdays alone: by hand, child by child.
 */
class AgeingTest {
    private static final int DAYS = 360;
    private static final int[] BIRTHDAY_DAYS = new int[12];
    private static final int[] MONTH_ENDS = new int[12];

    static {
        for (int k = 0; k < 12; k++) {
            BIRTHDAY_DAYS[k] = 30 * k + 15;
            MONTH_ENDS[k] = 30 * (k + 1);
        }
    }

    /** States 0 and 1: one group at 10-15 and at 16-17 (leaving at 18); 2 and 3 another group's. */
    private static final Ageing BANDS = new Ageing(new int[] {10, 16, 10, 16}, new int[] {15, 17, 15, 17},
            new int[] {1, -1, 3, -1}, null, BIRTHDAY_DAYS, MONTH_ENDS, DAYS);

    private static FlowRates still(int states) {
        return new FlowRates(new double[states], new double[states][states + 1]);
    }

    private static double[][] expected(Ageing ageing, FlowRates rates, double[] cells, List<Transfer> transfers) {
        return DeterministicProjection.project(RatePath.constant(rates), ageing, cells, DAYS, 1, transfers);
    }

    private static List<int[]> simulated(Ageing ageing, FlowRates rates, int[] cells, List<Transfer> transfers) {
        List<int[]> path = new ArrayList<>();
        new MonteCarloProjection(1, 7).simulate(r -> RatePath.constant(rates), ageing, cells, DAYS, 1, transfers,
                (run, day, stock) -> path.add(stock.clone()));
        return path;
    }

    @Test
    void tenChildrenAgedSeventeenYearsElevenMonthsAreAllGoneAfterTheFirstMonth() {
        double[] cells = new double[BANDS.cells()];
        cells[BANDS.cellIn(1, 17, 0)] = 10; // 17, birthday in the first month
        double[][] path = expected(BANDS, still(4), cells, List.of());
        assertEquals(10, path[14][1]);
        assertEquals(0, path[15][1]); // their 18th birthday, the first month's birthday day
        assertEquals(0, path[30][1]);
        int[] whole = new int[BANDS.cells()];
        whole[BANDS.cellIn(1, 17, 0)] = 10;
        List<int[]> run = simulated(BANDS, still(4), whole, List.of());
        assertArrayEquals(new int[] {0, 10, 0, 0}, run.get(14));
        assertArrayEquals(new int[] {0, 0, 0, 0}, run.get(30));
    }

    @Test
    void aCohortAgedFifteenMovesUpABandInTheMonthOfItsBirthday() {
        double[] cells = new double[BANDS.cells()];
        cells[BANDS.cellIn(0, 15, 4)] = 7; // 15, birthday in the fifth month: day 4 x 30 + 15 = 135
        double[][] path = expected(BANDS, still(4), cells, List.of());
        assertArrayEquals(new double[] {7, 0, 0, 0}, path[134], 1e-12);
        assertArrayEquals(new double[] {0, 7, 0, 0}, path[135], 1e-12);
        // 17 a year later (day 495 is beyond the 360 days): still there at the end
        assertArrayEquals(new double[] {0, 7, 0, 0}, path[DAYS], 1e-12);
        int[] whole = new int[BANDS.cells()];
        whole[BANDS.cellIn(0, 15, 4)] = 7;
        List<int[]> run = simulated(BANDS, still(4), whole, List.of());
        assertArrayEquals(new int[] {7, 0, 0, 0}, run.get(134));
        assertArrayEquals(new int[] {0, 7, 0, 0}, run.get(135));
    }

    @Test
    void entriesAreCountedFromTheMonthTheyEnter() {
        // One child a day enters age 10 (state 0, ages 10 only), each with a birthday the month after entry.
        double[][] mix = {new double[12], null};
        mix[0][1] = 1;
        Ageing single = new Ageing(new int[] {10, 11}, new int[] {10, 17}, new int[] {1, -1}, mix, BIRTHDAY_DAYS,
                MONTH_ENDS, DAYS);
        FlowRates entering = new FlowRates(new double[] {1, 0}, new double[2][3]);
        double[][] path = expected(single, entering, new double[single.cells()], List.of());
        // Month 1's entrants (days 1-30) turn 11 on month 2's birthday day, 45; month 2's wait for day 75.
        assertArrayEquals(new double[] {44, 0}, path[44], 1e-9);
        assertArrayEquals(new double[] {15, 30}, path[45], 1e-9);
        assertArrayEquals(new double[] {44, 30}, path[74], 1e-9);
        assertArrayEquals(new double[] {15, 60}, path[75], 1e-9);
    }

    @Test
    void childrenMovedByATransferKeepTheirBirthdays() {
        double[] cells = new double[BANDS.cells()];
        cells[BANDS.cellIn(0, 15, 2)] = 10; // 16 on day 75
        List<Transfer> moveFour = List.of(new Transfer(4, 10, new int[] {0}, new int[] {2}));
        double[][] path = expected(BANDS, still(4), cells, moveFour);
        assertArrayEquals(new double[] {6, 0, 4, 0}, path[74], 1e-12);
        assertArrayEquals(new double[] {0, 6, 0, 4}, path[75], 1e-12);
        int[] whole = new int[BANDS.cells()];
        whole[BANDS.cellIn(0, 15, 2)] = 10;
        List<int[]> run = simulated(BANDS, still(4), whole, moveFour);
        assertArrayEquals(new int[] {6, 0, 4, 0}, run.get(74));
        assertArrayEquals(new int[] {0, 6, 0, 4}, run.get(75));
    }

    @Test
    void leaversAreTakenFromTheCellsTheyAreIn() {
        // Every child of state 0 moves to state 2 on day 1 (a rate of 1 a day empties the state).
        double[][] moves = new double[4][5];
        moves[0][2] = 1;
        FlowRates allMove = new FlowRates(new double[4], moves);
        int[] whole = new int[BANDS.cells()];
        whole[BANDS.cellIn(0, 12, 0)] = 3;
        whole[BANDS.cellIn(0, 15, 0)] = 2; // 16 on day 15, in state 2's group by then
        List<int[]> run = simulated(BANDS, allMove, whole, List.of());
        assertArrayEquals(new int[] {0, 0, 5, 0}, run.get(1));
        assertArrayEquals(new int[] {0, 0, 3, 2}, run.get(15));
    }
}
