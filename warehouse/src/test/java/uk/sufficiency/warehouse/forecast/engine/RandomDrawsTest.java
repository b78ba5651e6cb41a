package uk.sufficiency.warehouse.forecast.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Sample means and variances of 200,000 draws against the distributions' own. Tolerances are about
 * five standard errors: the mean's is sqrt(var / 200000); the variance's is var * sqrt(2 / 200000)
 * = 0.3% (more for skewed draws). Seeds are fixed, so the checks cannot fail at random.
 */
class RandomDrawsTest {
    private static final int DRAWS = 200_000;

    /** {mean, variance} of DRAWS draws. */
    private static double[] moments(long seed, ToDoubleFunction<SplittableRandom> draw) {
        SplittableRandom random = new SplittableRandom(seed);
        double sum = 0;
        double sumOfSquares = 0;
        for (int d = 0; d < DRAWS; d++) {
            double x = draw.applyAsDouble(random);
            sum += x;
            sumOfSquares += x * x;
        }
        double mean = sum / DRAWS;
        return new double[] {mean, (sumOfSquares - DRAWS * mean * mean) / (DRAWS - 1)};
    }

    private static void assertMoments(double mean, double variance, double meanTolerance, double varianceShare,
            double[] seen) {
        assertEquals(mean, seen[0], meanTolerance, "mean");
        assertEquals(variance, seen[1], variance * varianceShare, "variance");
    }

    @Test
    void binomialHasMeanNpAndVarianceNpq() {
        // n 20, p 0.3: mean 6, variance 6 * 0.7 = 4.2, mean's standard error 0.0046.
        assertMoments(6, 4.2, 0.025, 0.03, moments(1, r -> RandomDraws.binomial(r, 20, 0.3)));
        // p above a half is drawn as n minus a draw at 1 - p: mean 9, variance 9 * 0.1 = 0.9.
        assertMoments(9, 0.9, 0.012, 0.03, moments(2, r -> RandomDraws.binomial(r, 10, 0.9)));
        // A rare event: mean 1000 * 0.002 = 2, variance 2 * 0.998 = 1.996.
        assertMoments(2, 1.996, 0.016, 0.04, moments(3, r -> RandomDraws.binomial(r, 1000, 0.002)));
        // np = 200 uses the normal approximation: variance 200 * 0.8 = 160, standard error 0.028.
        assertMoments(200, 160, 0.15, 0.03, moments(4, r -> RandomDraws.binomial(r, 1000, 0.2)));
    }

    @Test
    void binomialEdgesAreExact() {
        SplittableRandom random = new SplittableRandom(5);
        assertEquals(0, RandomDraws.binomial(random, 0, 0.4));
        assertEquals(0, RandomDraws.binomial(random, 50, 0));
        assertEquals(50, RandomDraws.binomial(random, 50, 1));
        for (int d = 0; d < 10_000; d++) {
            int draw = RandomDraws.binomial(random, 60, 0.99);
            assertTrue(draw >= 0 && draw <= 60);
        }
    }

    @Test
    void poissonMeanEqualsItsVariance() {
        // Standard errors: sqrt(3.5 / 200000) = 0.0042; sqrt(0.02 / 200000) = 0.0003; sqrt(120 / 200000) = 0.024.
        assertMoments(3.5, 3.5, 0.021, 0.03, moments(6, r -> RandomDraws.poisson(r, 3.5)));
        assertMoments(0.02, 0.02, 0.0016, 0.08, moments(7, r -> RandomDraws.poisson(r, 0.02)));
        assertMoments(120, 120, 0.12, 0.03, moments(8, r -> RandomDraws.poisson(r, 120)));
        assertEquals(0, RandomDraws.poisson(new SplittableRandom(9), 0));
    }

    @Test
    void gammaHasMeanShapeTimesScale() {
        // Shape 2.5, scale 2: mean 5, variance 2.5 * 2^2 = 10, standard error 0.007.
        assertMoments(5, 10, 0.035, 0.04, moments(10, r -> RandomDraws.gamma(r, 2.5, 2)));
        // Shape 0.5 (the boosted path), scale 3: mean 1.5, variance 0.5 * 9 = 4.5, standard error 0.0047.
        assertMoments(1.5, 4.5, 0.024, 0.05, moments(11, r -> RandomDraws.gamma(r, 0.5, 3)));
        SplittableRandom random = new SplittableRandom(12);
        for (int d = 0; d < 10_000; d++) {
            assertTrue(RandomDraws.gamma(random, 0.2, 1) >= 0);
        }
    }

    @Test
    void impossibleParametersAreRejected() {
        SplittableRandom random = new SplittableRandom(13);
        assertThrows(IllegalArgumentException.class, () -> RandomDraws.binomial(random, -1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> RandomDraws.binomial(random, 5, 1.5));
        assertThrows(IllegalArgumentException.class, () -> RandomDraws.binomial(random, 5, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> RandomDraws.poisson(random, -1));
        assertThrows(IllegalArgumentException.class, () -> RandomDraws.gamma(random, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> RandomDraws.gamma(random, 1, -2));
    }
}
