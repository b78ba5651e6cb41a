package uk.sufficiency.pipeline.synthetic;

import java.time.LocalDate;

/**
 * What one kind of placement costs a week: the price agreed for a new placement of a reference
 * child on a date (straight lines between dated anchors, extended along the nearest segment's
 * slope), a factor by age band at the start (0-4, 5-10, 11-15, 16+), a spread between placements
 * (log-normal, median 1) and the uplift applied to an ongoing placement each 1 April.
 */
record Tariff(LocalDate[] dates, double[] prices, double[] ageFactors, double spread, double uplift) {
    static Tariff of(double uplift, double spread, double[] ageFactors, Object... datesAndPrices) {
        int n = datesAndPrices.length / 2;
        LocalDate[] dates = new LocalDate[n];
        double[] prices = new double[n];
        for (int i = 0; i < n; i++) {
            dates[i] = LocalDate.parse((String) datesAndPrices[2 * i]);
            prices[i] = ((Number) datesAndPrices[2 * i + 1]).doubleValue();
        }
        return new Tariff(dates, prices, ageFactors, spread, uplift);
    }

    /** The reference price of a placement starting on the date. */
    double price(LocalDate date) {
        if (dates.length == 1) {
            return prices[0];
        }
        long d = date.toEpochDay();
        int i = 0;
        while (i < dates.length - 2 && d > dates[i + 1].toEpochDay()) {
            i++;
        }
        double x0 = dates[i].toEpochDay();
        double x1 = dates[i + 1].toEpochDay();
        double p = prices[i] + (prices[i + 1] - prices[i]) * (d - x0) / (x1 - x0);
        return Math.max(0.2 * prices[0], p);
    }

    double ageFactor(double age) {
        return ageFactors[age < 5 ? 0 : age < 11 ? 1 : age < 16 ? 2 : 3];
    }

    /** The first weekly fee of a placement starting on the date for a child of the given age. */
    double firstFee(LocalDate start, double age, Draw draw) {
        double noise = spread > 0 ? draw.logNormal(1, spread) : 1;
        return Dates.pence(price(start) * ageFactor(age) * noise);
    }
}
