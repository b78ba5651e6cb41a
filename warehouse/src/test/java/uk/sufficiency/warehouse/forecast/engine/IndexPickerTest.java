package uk.sufficiency.warehouse.forecast.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IndexPickerTest {

    @Test
    void eachIndexTakesItsShareOfZeroToOne() {
        // Weights 1, 2, 7 of 10: index 0 for u below 0.1, index 1 below 0.3, index 2 from there.
        IndexPicker picker = new IndexPicker(new double[] {1, 2, 7});
        assertEquals(0, picker.pick(0));
        assertEquals(0, picker.pick(0.0999));
        assertEquals(1, picker.pick(0.1));
        assertEquals(1, picker.pick(0.2999));
        assertEquals(2, picker.pick(0.3));
        assertEquals(2, picker.pick(Math.nextDown(1.0)));
    }

    @Test
    void agreesWithScanningTheRunningTotals() {
        double[] weights = {0.004, 0.0005, 0.009, 0.001, 0.0072, 0.003, 0.0061};
        double total = 0.0308; // the weights' sum
        IndexPicker picker = new IndexPicker(weights);
        SplittableRandom random = new SplittableRandom(3);
        for (int d = 0; d < 100_000; d++) {
            double u = random.nextDouble();
            int expected = 0;
            double running = weights[0] / total;
            while (u >= running && expected < weights.length - 1) {
                running += weights[++expected] / total;
            }
            // Rounding can differ only for u within a hair of a boundary, which 100,000 draws do not hit.
            assertEquals(expected, picker.pick(u), "u = " + u);
        }
    }

    @Test
    void aSingleIndexIsAlwaysPicked() {
        IndexPicker picker = new IndexPicker(new double[] {0.3});
        assertEquals(0, picker.pick(0));
        assertEquals(0, picker.pick(0.7));
    }
}
