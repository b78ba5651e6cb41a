package uk.sufficiency.warehouse.forecast.engine;

import java.util.Arrays;

/**
 * Quantiles by linear interpolation between order statistics: R's type 7, Excel's PERCENTILE.INC.
 * With N values, quantile p sits at position h = (N - 1) p of the sorted values.
 */
public final class Quantiles {
    private Quantiles() {
    }

    /**
     * Quantile {@code p} (0 to 1) of values already sorted ascending (not checked, for speed). Note
     * that {@code of(values, 0.5)} with one p calls this method, not the sorting one below.
     */
    public static double of(double[] sortedValues, double p) {
        if (sortedValues.length == 0) {
            throw new IllegalArgumentException("quantile of no values");
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("quantile p is " + p + "; must be between 0 and 1");
        }
        double h = (sortedValues.length - 1) * p;
        int below = (int) Math.floor(h);
        int above = (int) Math.ceil(h);
        return sortedValues[below] + (h - below) * (sortedValues[above] - sortedValues[below]);
    }

    /** Quantiles {@code ps} of values in any order (a sorted copy is used). */
    public static double[] of(double[] values, double... ps) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] quantiles = new double[ps.length];
        for (int k = 0; k < ps.length; k++) {
            quantiles[k] = of(sorted, ps[k]);
        }
        return quantiles;
    }
}
