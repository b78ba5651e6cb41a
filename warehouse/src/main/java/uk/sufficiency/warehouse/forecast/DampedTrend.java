package uk.sufficiency.warehouse.forecast;

import java.util.SplittableRandom;

/**
 * A damped trend in one monthly rate (children entering a group, or moving from one group to
 * another, per day of exposure), fitted beside the constant rate. The log of the rate is a
 * straight line in time, fitted by Poisson maximum likelihood with each month's weight halving
 * every {@link #HALF_LIFE_MONTHS} months back from the end of the reference period, so the level
 * and slope are the recent ones. Ahead, the slope is damped by {@link #DAMPING} a month: h
 * months on, the log rate is the level plus the slope times φ + φ² + ... + φ^h, so a trend that
 * has carried on for years bends to a plateau instead of growing for ever.
 *
 * <p>A projection uses it as a multiplier of the constant rate: the trend's rate h months on over
 * the reference period's average. A simulated run draws the level and slope from their
 * estimates' normal approximation, so the bands carry the trend's uncertainty.
 *
 * @param level  log rate at the last month of the reference period
 * @param slope  change in the log rate a month
 * @param cov    covariance of (level, slope): {vLevel, cLevelSlope, vSlope}
 * @param logAverage log of the reference period's average rate (events over exposure)
 */
public record DampedTrend(double level, double slope, double[] cov, double logAverage) {
    /** Monthly damping of the slope ahead. */
    public static final double DAMPING = 0.85;
    /** Months back over which a month's weight in the fit halves. */
    public static final double HALF_LIFE_MONTHS = 12;
    /** Fewer events than this over the reference period give no trend (the constant rate). */
    public static final long MIN_EVENTS = 100;

    /** No trend: a multiplier of 1. */
    public static final DampedTrend NONE = new DampedTrend(0, 0, new double[3], 0);

    /**
     * Fits counts[t] ~ Poisson(exposure[t] × exp(level + slope × (t - last))) over the months
     * t = 0 .. last, weighted; {@link #NONE} when there are too few events to fit.
     */
    public static DampedTrend fit(long[] counts, double[] exposure) {
        int months = counts.length;
        long events = 0;
        double totalExposure = 0;
        for (int t = 0; t < months; t++) {
            events += counts[t];
            totalExposure += exposure[t];
        }
        if (events < MIN_EVENTS || months < 12 || totalExposure <= 0) {
            return NONE;
        }
        double logAverage = Math.log(events / totalExposure);
        double[] weight = new double[months];
        for (int t = 0; t < months; t++) {
            weight[t] = Math.pow(0.5, (months - 1 - t) / HALF_LIFE_MONTHS);
        }
        double a = logAverage;
        double b = 0;
        for (int iteration = 0; iteration < 50; iteration++) {
            double u0 = 0, u1 = 0, h00 = 0, h01 = 0, h11 = 0;
            for (int t = 0; t < months; t++) {
                if (exposure[t] <= 0) {
                    continue;
                }
                double x = t - (months - 1);
                double mu = exposure[t] * Math.exp(a + b * x);
                double w = weight[t];
                u0 += w * (counts[t] - mu);
                u1 += w * (counts[t] - mu) * x;
                h00 += w * mu;
                h01 += w * mu * x;
                h11 += w * mu * x * x;
            }
            double det = h00 * h11 - h01 * h01;
            if (!(det > 0)) {
                return NONE;
            }
            double da = (h11 * u0 - h01 * u1) / det;
            double db = (h00 * u1 - h01 * u0) / det;
            a += da;
            b += db;
            if (Math.abs(da) < 1e-10 && Math.abs(db) < 1e-10) {
                break;
            }
        }
        // Sandwich covariance of the weighted fit: H^-1 J H^-1 with J the weights squared.
        double h00 = 0, h01 = 0, h11 = 0, j00 = 0, j01 = 0, j11 = 0;
        for (int t = 0; t < months; t++) {
            if (exposure[t] <= 0) {
                continue;
            }
            double x = t - (months - 1);
            double mu = exposure[t] * Math.exp(a + b * x);
            double w = weight[t];
            h00 += w * mu;
            h01 += w * mu * x;
            h11 += w * mu * x * x;
            j00 += w * w * mu;
            j01 += w * w * mu * x;
            j11 += w * w * mu * x * x;
        }
        double det = h00 * h11 - h01 * h01;
        if (!(det > 0) || !Double.isFinite(a) || !Double.isFinite(b)) {
            return NONE;
        }
        // inverse of H
        double i00 = h11 / det, i01 = -h01 / det, i11 = h00 / det;
        // (H^-1 J) then (H^-1 J) H^-1
        double m00 = i00 * j00 + i01 * j01, m01 = i00 * j01 + i01 * j11;
        double m10 = i01 * j00 + i11 * j01, m11 = i01 * j01 + i11 * j11;
        double v00 = m00 * i00 + m01 * i01;
        double v01 = m00 * i01 + m01 * i11;
        double v11 = m10 * i01 + m11 * i11;
        return new DampedTrend(a, b, new double[] {v00, v01, v11}, logAverage);
    }

    /** φ + φ² + ... + φ^h: the months of slope carried h months on. */
    static double dampedMonths(int h) {
        return DAMPING * (1 - Math.pow(DAMPING, h)) / (1 - DAMPING);
    }

    /** The rate h months on over the reference period's average, for a level and slope. */
    static double multiplier(double level, double slope, double logAverage, int h) {
        return Math.exp(level + slope * dampedMonths(h) - logAverage);
    }

    /** Multipliers for months 1 .. months ahead, at the estimates or, with {@code random}, at a draw. */
    double[] multipliers(int months, SplittableRandom random) {
        double a = level;
        double b = slope;
        if (random != null && this != NONE) {
            // bivariate normal by Cholesky
            double z0 = random.nextGaussian();
            double z1 = random.nextGaussian();
            double l00 = Math.sqrt(Math.max(0, cov[0]));
            double l10 = l00 > 0 ? cov[1] / l00 : 0;
            double l11 = Math.sqrt(Math.max(0, cov[2] - l10 * l10));
            a += l00 * z0;
            b += l10 * z0 + l11 * z1;
        }
        double[] m = new double[months + 1];
        for (int h = 1; h <= months; h++) {
            m[h] = this == NONE ? 1 : multiplier(a, b, logAverage, h);
        }
        return m;
    }
}
