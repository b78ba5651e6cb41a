package uk.sufficiency.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sufficiency.warehouse.Warehouse;
import uk.sufficiency.warehouse.forecast.AgeBand;
import uk.sufficiency.warehouse.forecast.FittedRates;
import uk.sufficiency.warehouse.forecast.ForecastState;
import uk.sufficiency.warehouse.forecast.PlacementGroup;

/**
 * The forecast on LAs whose children follow known constant rates ({@link KnownRatesCounty}): the
 * rates fitted from the published warehouse recover the true ones, and the rolling-origin
 * backtest's 90% bands hold the realised stock about 90% of the time.
 */
class ForecastKnownRatesTest {
    private static final int LAS = 4;
    private static final LocalDate FROM = LocalDate.of(2020, 4, 1);
    private static final LocalDate TO = LocalDate.of(2022, 3, 31);
    private static Warehouse warehouse;

    @BeforeAll
    static void runPipeline() throws Exception {
        Path input = Files.createTempDirectory("known-rates-input");
        KnownRatesCounty.write(input, LAS, 20261201L);
        Path warehouseDir = Files.createTempDirectory("known-rates-warehouse");
        // Two-year reference periods, and as many origins as the eight years allow.
        Files.writeString(warehouseDir.resolve("forecast-settings.json"),
                "{\"referenceMonths\": 24, \"runs\": 200, \"backtestOrigins\": 40}");
        PipelineRun.run(TestSpark.session(), new RunOptions(input, warehouseDir, null, null), Progress.SILENT);
        warehouse = Warehouse.openCurrent(warehouseDir);
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    /**
     * Each fitted rate, pooled over age bands (the true rates do not depend on age), is within four
     * standard errors of the truth, the standard error of a Poisson count's rate being
     * sqrt(rate × exposure) / exposure. With 4 LAs × 7 rates, a miss by chance would be rare
     * (two-sided 4σ: 6 in 100,000 per rate), and the seed is fixed.
     */
    @Test
    void fittedRatesRecoverTheTrueRates() {
        for (int la = 1; la <= LAS; la++) {
            FittedRates fitted = FittedRates.fit(warehouse, "Known " + la, FROM, TO);
            long entries = 0;
            for (int s = 0; s < ForecastState.COUNT; s++) {
                entries += fitted.entries(s);
            }
            assertWithinFourErrors("entries of Known " + la, KnownRatesCounty.ENTRIES_PER_DAY, entries,
                    fitted.referenceDays());
            for (int g = 0; g < KnownRatesCounty.GROUPS.length; g++) {
                PlacementGroup from = PlacementGroup.ofId(KnownRatesCounty.GROUPS[g]);
                long left = 0;
                double days = 0;
                for (AgeBand band : AgeBand.values()) {
                    left += fitted.leftCare(ForecastState.of(band, from));
                    days += fitted.childDays(ForecastState.of(band, from));
                }
                assertWithinFourErrors("leaving " + from.id() + " in Known " + la, KnownRatesCounty.LEAVING[g], left,
                        days);
                for (int h = 0; h < KnownRatesCounty.GROUPS.length; h++) {
                    if (KnownRatesCounty.MOVES[g][h] == 0) {
                        continue;
                    }
                    PlacementGroup to = PlacementGroup.ofId(KnownRatesCounty.GROUPS[h]);
                    long moves = 0;
                    for (AgeBand band : AgeBand.values()) {
                        moves += fitted.moves(ForecastState.of(band, from), ForecastState.of(band, to));
                    }
                    assertWithinFourErrors("moves " + from.id() + " to " + to.id() + " in Known " + la,
                            KnownRatesCounty.MOVES[g][h], moves, days);
                }
            }
        }
    }

    private static void assertWithinFourErrors(String what, double trueRate, long events, double exposure) {
        double fitted = events / exposure;
        double error = Math.sqrt(trueRate * exposure) / exposure;
        assertTrue(Math.abs(fitted - trueRate) <= 4 * error, () -> what + ": fitted " + fitted + " (" + events
                + " in " + exposure + "), true " + trueRate + ", standard error " + error);
    }

    /**
     * Every origin, horizon and placement group of every LA where children were looked after: the
     * share of actuals inside the 90% band. Outcomes of one LA at nearby origins are correlated, so
     * "about 90%" is taken as 80% to 98%.
     */
    @Test
    void theNinetyPercentBandHoldsAboutNinetyPercentOfOutcomes() {
        Map<String, Object> coverage = warehouse.query("""
                SELECT count(*) AS outcomes,
                       avg(CASE WHEN actual BETWEEN p05 AND p95 THEN 1.0 ELSE 0 END) AS inside_90,
                       avg(CASE WHEN actual BETWEEN p25 AND p75 THEN 1.0 ELSE 0 END) AS inside_50
                FROM forecast_backtest WHERE placement_group IN ('foster_inhouse', 'foster_ifa', 'home_agency', 'all')
                """).get(0);
        double inside90 = ((Number) coverage.get("inside_90")).doubleValue();
        double inside50 = ((Number) coverage.get("inside_50")).doubleValue();
        // 12 origins, March 2016 to September 2021 (two years of reference after the window opens on
        // 1 April 2014; the 3-month horizon within the window's end, 31 March 2022): all 12 reach 3 and
        // 6 months, 11 reach 12 months (to March 2021), 9 reach 24 (to March 2020); x 4 groups x 4 LAs.
        assertEquals(4L * 4 * (12 + 12 + 11 + 9), ((Number) coverage.get("outcomes")).longValue());
        System.out.printf("Backtest coverage: 90%% band %.3f, 50%% band %.3f%n", inside90, inside50);
        assertTrue(inside90 >= 0.80 && inside90 <= 0.98, "inside the 90% band: " + inside90);
        assertTrue(inside50 >= 0.35 && inside50 <= 0.65, "inside the 50% band: " + inside50);
    }
}
