package uk.sufficiency.warehouse.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DampedTrendTest {
    @Test
    void aFlatSeriesHasNoSlopeAndAMultiplierOfOne() {
        long[] counts = new long[24];
        double[] exposure = new double[24];
        Arrays.fill(counts, 50);
        Arrays.fill(exposure, 30);
        DampedTrend trend = DampedTrend.fit(counts, exposure);
        assertEquals(Math.log(50 / 30.0), trend.level(), 1e-9);
        assertEquals(0, trend.slope(), 1e-9);
        assertEquals(1, trend.multipliers(12, null)[12], 1e-9);
    }

    @Test
    void aSeriesDoublingEachYearIsFollowedAndDamped() {
        // counts exactly 64 x 2^(t / 12) a month on a constant exposure: the Poisson fit finds the line itself
        long[] counts = new long[25];
        double[] exposure = new double[25];
        for (int t = 0; t <= 24; t++) {
            counts[t] = Math.round(64 * Math.pow(2, t / 12.0));
            exposure[t] = 1;
        }
        DampedTrend trend = DampedTrend.fit(counts, exposure);
        assertEquals(Math.log(2) / 12, trend.slope(), 2e-4);
        assertEquals(Math.log(256), trend.level(), 2e-3);
        // 0.85 + 0.85^2 = 1.5725 months of slope two months on; the plateau is 0.85 / 0.15 = 5.67 months
        assertEquals(1.5725, DampedTrend.dampedMonths(2), 1e-12);
        assertEquals(0.85 / 0.15, DampedTrend.dampedMonths(1000), 1e-9);
    }

    @Test
    void tooFewEventsGiveNoTrend() {
        long[] counts = new long[24];
        double[] exposure = new double[24];
        Arrays.fill(counts, 4); // 96 events, under the 100 needed
        Arrays.fill(exposure, 30);
        assertSame(DampedTrend.NONE, DampedTrend.fit(counts, exposure));
    }
}
