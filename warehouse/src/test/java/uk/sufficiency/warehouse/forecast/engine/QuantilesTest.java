package uk.sufficiency.warehouse.forecast.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class QuantilesTest {
    private static final double[] ONE_TO_FOUR = {1, 2, 3, 4};

    @Test
    void interpolatesBetweenOrderStatistics() {
        // h = 3 * 0.5 = 1.5: halfway from 2 to 3. h = 3 * 0.25 = 0.75: 1 + 0.75. h = 3 * 0.9 = 2.7: 3 + 0.7.
        assertEquals(2.5, Quantiles.of(ONE_TO_FOUR, 0.5), 1e-12);
        assertEquals(1.75, Quantiles.of(ONE_TO_FOUR, 0.25), 1e-12);
        assertEquals(3.7, Quantiles.of(ONE_TO_FOUR, 0.9), 1e-12);
    }

    @Test
    void theEndsAreTheSmallestAndLargest() {
        assertEquals(1, Quantiles.of(ONE_TO_FOUR, 0));
        assertEquals(4, Quantiles.of(ONE_TO_FOUR, 1));
    }

    @Test
    void aSingleValueIsEveryQuantile() {
        double[] seven = {7};
        assertEquals(7, Quantiles.of(seven, 0));
        assertEquals(7, Quantiles.of(seven, 0.3));
        assertEquals(7, Quantiles.of(seven, 1));
    }

    @Test
    void unsortedValuesAreSortedInACopy() {
        double[] values = {4, 1, 3, 2};
        assertArrayEquals(new double[] {1.75, 2.5}, Quantiles.of(values, 0.25, 0.5), 1e-12);
        assertArrayEquals(new double[] {4, 1, 3, 2}, values);
    }

    @Test
    void noValuesOrPOutsideZeroToOneAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Quantiles.of(new double[0], 0.5));
        assertThrows(IllegalArgumentException.class, () -> Quantiles.of(ONE_TO_FOUR, 1.5));
        assertThrows(IllegalArgumentException.class, () -> Quantiles.of(ONE_TO_FOUR, Double.NaN));
    }
}
