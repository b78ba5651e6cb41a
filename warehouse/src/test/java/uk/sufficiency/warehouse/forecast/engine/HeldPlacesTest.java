package uk.sufficiency.warehouse.forecast.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Places a transfer holds (new homes a plan opens) stay filled: the 8-place case of issue 10, worked
 * by hand. State 0 is agency homes (the source, nobody leaves), state 1 in-house homes, whose
 * children leave care at 0.01 a day. 20 in agency homes and 10 in-house at the start; on day 1, 8
 * move into 8 new in-house places.
 */
class HeldPlacesTest {
    private static final double EPS = 1e-9;
    private static final FlowRates HOMES = new FlowRates(new double[] {0, 0},
            new double[][] {{0, 0, 0}, {0, 0, 0.01}});
    private static final Transfer EIGHT_PLACES = new Transfer(8, 1, new int[] {0}, new int[] {1}, 8);

    @Test
    void leaversFromThePlacesAreReplacedFromTheSourceUntilItIsEmpty() {
        double[][] base = DeterministicProjection.project(HOMES, new double[] {20, 10}, 200, 1, List.of());
        double[][] path = DeterministicProjection.project(HOMES, new double[] {20, 10}, 200, 1, List.of(EIGHT_PLACES));
        // Day 1: the 10 lose 0.1 (9.9), then 8 move in: 12 and 17.9.
        assertEquals(12, path[1][0], EPS);
        assertEquals(17.9, path[1][1], EPS);
        // Each later day 8 x 0.01 = 0.08 leave the places and 0.08 come from agency homes:
        // agency 12 - 0.08 (t - 1), in-house 10 x 0.99^t + 8, until agency is empty on day 151.
        assertEquals(12 - 0.08 * 99, path[100][0], EPS);
        assertEquals(10 * Math.pow(0.99, 100) + 8, path[100][1], EPS);
        assertEquals(0, path[151][0], EPS);
        assertEquals(10 * Math.pow(0.99, 151) + 8, path[151][1], EPS);
        // Then nobody is left to move: the 8 leave at the in-house rate, 8 x 0.99^(t - 151).
        assertEquals(10 * Math.pow(0.99, 200) + 8 * Math.pow(0.99, 49), path[200][1], EPS);
        for (int day = 0; day <= 200; day++) {
            assertTrue(path[day][1] >= base[day][1] - EPS, "in-house below the base on day " + day);
        }
    }

    @Test
    void aBirthdayInsideThePlacesIsNotALeaver() {
        // Sources 0 (young) and 3 (old) agency homes; places in-house young (1) and old (2); young
        // in-house children turn old at 0.1 a day and nobody leaves: the 8 stay, nobody is refilled.
        FlowRates ageing = new FlowRates(new double[4], new double[][] {
                {0, 0, 0, 0, 0}, {0, 0, 0.1, 0, 0}, {0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}});
        Transfer places = new Transfer(8, 1, new int[] {0, 3}, new int[] {1, 2}, 8);
        double[][] path = DeterministicProjection.project(ageing, new double[] {10, 0, 0, 0}, 50, 1, List.of(places));
        assertEquals(2, path[50][0], EPS);
        assertEquals(8, path[50][1] + path[50][2], EPS);
    }

    @Test
    void simulatedRunsKeepThePlacesFilledOnAverage() {
        // 1,000 in agency homes, none in-house: the in-house homes hold the 8 alone. Expected refills
        // over days 2-365: 8 x 0.01 x 364 = 29.12, so agency ends near 1,000 - 8 - 29.12 = 962.88.
        double[] inHouse = new double[1];
        double[] agency = new double[1];
        int runs = 200;
        new MonteCarloProjection(runs, 11).simulate(random -> HOMES, new int[] {1000, 0}, 365, 1,
                List.of(EIGHT_PLACES), (run, day, stock) -> {
                    if (day == 365) {
                        agency[0] += stock[0] / (double) runs;
                        inHouse[0] += stock[1] / (double) runs;
                    }
                });
        assertEquals(8, inHouse[0], 1);
        assertEquals(962.88, agency[0], 1.5);
    }

    /**
     * Birthdays follow the occupants' own ages. Everyone is 17 (state 0 agency, 1 in-house, nobody
     * leaves or moves); agency holds 1 child whose 18th birthday is on day 2 and 9 five months
     * later, in-house 10 whose birthday is 11 months off. On day 1 one agency child moves into one
     * place: along the expected path 0.1 of the day-2 child and 0.9 of the others. On day 2 the 0.1
     * in the place turns 18 and leaves (in-house 10.9; agency keeps 8.1), and on day 3 it is refilled
     * from agency: 11 and 8. A simulated run moves one whole child: whichever it is, the day-2 child
     * has left by day 3 and the place is filled, so every run has 11 and 8 too.
     */
    @Test
    void anOccupantTurning18LeavesThePlaceOnTheirOwnBirthdayAndIsReplaced() {
        Ageing ageing = new Ageing(new int[] {17, 17}, new int[] {17, 17}, new int[] {-1, -1}, null,
                new int[] {2}, new int[] {31}, 5);
        double[] start = new double[ageing.cells()];
        start[ageing.cellIn(0, 17, 0)] = 1;
        start[ageing.cellIn(0, 17, 5)] = 9;
        start[ageing.cellIn(1, 17, 11)] = 10;
        RatePath still = RatePath.constant(new FlowRates(new double[2], new double[2][3]));
        Transfer one = new Transfer(1, 1, new int[] {0}, new int[] {1}, 1);
        double[][] path = DeterministicProjection.project(still, ageing, start, 5, 1, List.of(one));
        assertEquals(9, path[1][0], EPS);
        assertEquals(11, path[1][1], EPS);
        assertEquals(8.1, path[2][0], EPS);
        assertEquals(10.9, path[2][1], EPS);
        for (int day = 3; day <= 5; day++) {
            assertEquals(8, path[day][0], EPS);
            assertEquals(11, path[day][1], EPS);
        }
        int[] whole = new int[start.length];
        for (int c = 0; c < start.length; c++) {
            whole[c] = (int) start[c];
        }
        new MonteCarloProjection(50, 3).simulate(random -> still, ageing, whole, 5, 1, List.of(one),
                (run, day, stock) -> {
                    if (day >= 3) {
                        assertEquals(8, stock[0], "agency, run " + run + " day " + day);
                        assertEquals(11, stock[1], "in-house, run " + run + " day " + day);
                    }
                });
    }
}
