package uk.sufficiency.warehouse.forecast.engine;

import java.util.SplittableRandom;

/**
 * Random draws for the Monte Carlo projection. Small means use exact inversion, costing time in
 * proportion to the mean; means above {@value #NORMAL_ABOVE} use a rounded normal approximation,
 * which is close at that size and keeps each draw constant time.
 */
public final class RandomDraws {
    private static final double NORMAL_ABOVE = 50;
    /** 1 / k, as the inversion loops multiply by it every step and a division is several times slower. */
    private static final double[] INVERSE = new double[256];

    static {
        for (int k = 1; k < INVERSE.length; k++) {
            INVERSE[k] = 1.0 / k;
        }
    }

    private RandomDraws() {
    }

    /** Successes in {@code n} trials of probability {@code p}. */
    public static int binomial(SplittableRandom random, int n, double p) {
        if (n < 0 || !(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("binomial needs n >= 0 and p in [0, 1], got n=" + n + ", p=" + p);
        }
        if (n == 0 || p == 0) {
            return 0;
        }
        if (p == 1) {
            return n;
        }
        if (p > 0.5) {
            return n - binomial(random, n, 1 - p); // keeps the inversion loop short
        }
        double mean = n * p;
        if (mean > NORMAL_ABOVE) {
            long draw = Math.round(mean + Math.sqrt(mean * (1 - p)) * random.nextGaussian());
            return (int) Math.max(0, Math.min(n, draw));
        }
        // Inversion: walk up the probabilities P(k), using P(k) = P(k-1) * (n-k+1)/k * p/(1-p).
        double odds = p / (1 - p);
        double probability = Math.pow(1 - p, n);
        double u = random.nextDouble();
        int k = 0;
        while (u > probability && k < n) {
            u -= probability;
            k++;
            probability *= odds * (n - k + 1) * inverse(k);
        }
        return k;
    }

    /** A Poisson count with the given mean. */
    public static int poisson(SplittableRandom random, double mean) {
        if (!(mean >= 0) || Double.isInfinite(mean)) {
            throw new IllegalArgumentException("poisson needs a finite mean >= 0, got " + mean);
        }
        if (mean == 0) {
            return 0;
        }
        if (mean > NORMAL_ABOVE) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double probability = Math.exp(-mean);
        double u = random.nextDouble();
        int k = 0;
        // The cap only guards against rounding leaving u above the summed probabilities.
        while (u > probability && k < 1000) {
            u -= probability;
            k++;
            probability *= mean * inverse(k);
        }
        return k;
    }

    private static double inverse(int k) {
        return k < INVERSE.length ? INVERSE[k] : 1.0 / k;
    }

    /** A gamma draw (Marsaglia and Tsang), mean {@code shape * scale}. */
    public static double gamma(SplittableRandom random, double shape, double scale) {
        if (!(shape > 0) || !(scale > 0) || Double.isInfinite(shape) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("gamma needs finite shape > 0 and scale > 0, got shape=" + shape
                    + ", scale=" + scale);
        }
        if (shape < 1) {
            // The method needs shape >= 1; gamma(shape) = gamma(shape + 1) * U^(1/shape).
            return gamma(random, shape + 1, scale) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v * scale;
            }
        }
    }
}
