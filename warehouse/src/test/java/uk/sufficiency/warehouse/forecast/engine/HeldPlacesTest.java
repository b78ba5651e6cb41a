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
}
