package uk.sufficiency.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sufficiency.warehouse.Warehouse;

/**
 * The forecast on LAs with a non-stationary history ({@link NonStationaryCounty}: entries rising
 * then falling, fostering shifting from in-house to IFAs, more 13-17s in children's homes), by the
 * rolling-origin backtest with the default settings (36-month reference periods, 8 origins). Its
 * figures are the ones docs/forecast.md reports (the goal for them is not yet met).
 */
class ForecastTrendBacktestTest {
    private static final int LAS = 3;
    private static Warehouse warehouse;

    @BeforeAll
    static void runPipeline() throws Exception {
        Path input = Files.createTempDirectory("non-stationary-input");
        NonStationaryCounty.write(input, LAS, 20261204L);
        Path warehouseDir = Files.createTempDirectory("non-stationary-warehouse");
        Files.writeString(warehouseDir.resolve("forecast-settings.json"), "{\"runs\": 50}");
        PipelineRun.run(TestSpark.session(), new RunOptions(input, warehouseDir, null, null), Progress.SILENT);
        warehouse = Warehouse.openCurrent(warehouseDir);
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    private static double number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).doubleValue();
    }

    /**
     * Mean absolute % error of total children over every LA's origins, at 12 months (origins March
     * 2018 to March 2021: 7 per LA) and 24 (March 2018 to March 2020: 5 per LA), of the base and
     * of each rival: last value, last value plus trend, and both methods' expected paths. The
     * issue's goal (the base below every rival at both horizons) is not met: the figures are
     * printed for docs/forecast.md, and the test holds what the method choice does achieve.
     */
    @Test
    void eachLaProjectsWithTheMethodThatErredLess() {
        for (Map<String, Object> row : warehouse.query("""
                SELECT horizon_months, count(*) AS outcomes, avg(abs_pct_error) AS model,
                       avg(last_value_abs_pct_error) AS last_value, avg(trend_abs_pct_error) AS trend,
                       avg(constant_abs_pct_error) AS constant, avg(damped_trend_abs_pct_error) AS damped
                FROM forecast_backtest WHERE placement_group = 'all' AND horizon_months IN (12, 24)
                GROUP BY ALL ORDER BY horizon_months""")) {
            int horizon = ((Number) row.get("horizon_months")).intValue();
            System.out.printf("Non-stationary backtest, all children, %d months (%s outcomes): model %.2f%%, last value"
                            + " %.2f%%, trend %.2f%%, constant rates %.2f%%, damped trend %.2f%%%n", horizon,
                    row.get("outcomes"), number(row, "model"), number(row, "last_value"), number(row, "trend"),
                    number(row, "constant"), number(row, "damped"));
            assertEquals(LAS * (horizon == 12 ? 7L : 5L), ((Number) row.get("outcomes")).longValue());
        }
        List<Map<String, Object>> methods = warehouse.query("""
                SELECT la, method, chosen_by, constant_mape_12 + constant_mape_24 AS constant,
                       damped_trend_mape_12 + damped_trend_mape_24 AS damped
                FROM forecast_method ORDER BY la""");
        System.out.println("Methods: " + methods);
        assertEquals(LAS, methods.size());
        for (Map<String, Object> row : methods) {
            assertEquals("backtest", row.get("chosen_by"));
            // scores are published to one decimal: a near tie could round either way
            String better = number(row, "damped") < number(row, "constant") - 0.15 ? "damped_trend"
                    : number(row, "constant") < number(row, "damped") - 0.15 ? "constant" : (String) row.get("method");
            assertEquals(better, row.get("method"), row.toString());
        }
    }

    /**
     * Every origin, horizon and simulated group of every LA: the share of outcomes inside each band.
     * The issue asks for 85-95% and 40-60%; on this county the bands are too narrow (the figures are
     * printed for docs/forecast.md). The test holds that they are at least not hopeless: the 90% band
     * holds more than the 50% band, and more than half of the outcomes.
     */
    @Test
    void theBandsHoldTheShareOfOutcomesReportedInTheDocs() {
        Map<String, Object> coverage = warehouse.query("""
                SELECT count(*) AS outcomes,
                       avg(CASE WHEN actual BETWEEN p05 AND p95 THEN 1.0 ELSE 0 END) AS inside_90,
                       avg(CASE WHEN actual BETWEEN p25 AND p75 THEN 1.0 ELSE 0 END) AS inside_50
                FROM forecast_backtest WHERE placement_group IN ('foster_inhouse', 'foster_ifa', 'home_agency', 'all')
                """).get(0);
        double inside90 = number(coverage, "inside_90");
        double inside50 = number(coverage, "inside_50");
        System.out.printf("Non-stationary backtest coverage (%s outcomes): 90%% band %.3f, 50%% band %.3f%n",
                coverage.get("outcomes"), inside90, inside50);
        assertTrue(inside90 > 0.5 && inside90 > inside50, "inside the 90% band: " + inside90 + ", 50%: " + inside50);
    }
}
