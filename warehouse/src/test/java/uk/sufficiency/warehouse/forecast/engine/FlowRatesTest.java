package uk.sufficiency.warehouse.forecast.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FlowRatesTest {

    private static String rejection(double[] entries, double[][] moves) {
        return assertThrows(IllegalArgumentException.class, () -> new FlowRates(entries, moves)).getMessage();
    }

    @Test
    void countsStatesAndAddsUpEachStatesOutflow() {
        FlowRates rates = new FlowRates(new double[] {1, 0}, new double[][] {{0, 0.1, 0.05}, {0.2, 0, 0}});
        assertEquals(2, rates.states());
        assertEquals(0.15, rates.totalOut(0), 1e-12); // 0.1 to state 1 plus 0.05 to outside
        assertEquals(0.2, rates.totalOut(1), 1e-12);
    }

    @Test
    void wrongShapesNameWhatIsWrong() {
        assertTrue(rejection(new double[] {0, 0}, new double[][] {{0, 0, 0}}).contains("1 rows, expected 2"));
        String columns = rejection(new double[] {0, 0}, new double[][] {{0, 0, 0}, {0, 0}});
        assertTrue(columns.contains("movesPerDay[1] has 2 columns, expected 3"), columns);
        assertTrue(rejection(new double[0], new double[0][]).contains("at least one state"));
    }

    @Test
    void negativeOrNonFiniteRatesNameTheState() {
        String negative = rejection(new double[] {0, 0}, new double[][] {{0, 0, 0}, {-0.1, 0, 0}});
        assertTrue(negative.contains("movesPerDay[1][0] is -0.1"), negative);
        String outside = rejection(new double[] {0}, new double[][] {{0, Double.POSITIVE_INFINITY}});
        assertTrue(outside.contains("state 0 to outside"), outside);
        String entries = rejection(new double[] {0, Double.NaN}, new double[][] {{0, 0, 0}, {0, 0, 0}});
        assertTrue(entries.contains("entriesPerDay[1] is NaN"), entries);
    }

    @Test
    void aStateCannotMoveToItself() {
        String message = rejection(new double[] {0, 0}, new double[][] {{0, 0, 0}, {0, 0.3, 0}});
        assertTrue(message.contains("state 1 cannot move to itself"), message);
    }

    @Test
    void laterChangesToTheCallersArraysDoNotReachTheRates() {
        double[] entries = {1};
        double[][] moves = {{0, 0.1}};
        FlowRates rates = new FlowRates(entries, moves);
        entries[0] = -5;
        moves[0][1] = -5;
        rates.movesPerDay()[0][1] = -5;
        assertEquals(1, rates.entriesPerDay()[0]);
        assertEquals(0.1, rates.totalOut(0));
    }
}
