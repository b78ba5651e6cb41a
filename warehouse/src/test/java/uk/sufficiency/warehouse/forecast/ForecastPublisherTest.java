package uk.sufficiency.warehouse.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.sufficiency.warehouse.FactTable;
import uk.sufficiency.warehouse.Snapshots;
import uk.sufficiency.warehouse.Warehouse;
import uk.sufficiency.warehouse.runs.RunHistory;
import uk.sufficiency.warehouse.runs.RunRecord;
import uk.sufficiency.warehouse.forecast.Scenario.Intervention;

/**
 * Spend, interventions and the gap against capacity, worked by hand on a snapshot where nobody
 * enters, moves or leaves (no flows), so every run and the expected path agree exactly.
 * At 31 March 2024: 10 children aged 10-15 in IFA fostering, 10 in agency homes. Ageing has a prior
 * (2 birthdays per 2 band widths of child-days): 10^12 child-days at 10-15 in every group, none of
 * them with a birthday, make that 2 / 10^12 a day, so in four years nobody ages (to two decimals).
 * IFA fees in the year to 31 March 2024 (1 April 2023 on): £700 a week for 100 days (1 June to
 * 8 September 2023) and £1,000 for 50 days (1 January to 19 February 2024): (70,000 + 50,000) / 150
 * = £800 a week; a £5,000 line of May 2022 is before the year and does not count.
 * Capacity: 4 in-house home beds (1 January 2024), 5 block home beds (31 December 2023).
 */
class ForecastPublisherTest {
    private static final ForecastSettings SETTINGS = new ForecastSettings(24, 48, 50, 7L, 1, 0.0, 0, 50, null);
    @TempDir
    Path dir;

    private ForecastFixture fixture() {
        ForecastFixture fixture = new ForecastFixture();
        for (PlacementGroup group : PlacementGroup.values()) {
            fixture.stock("2023-06-30", AgeBand.AGE_10_TO_15, group, 0, 1_000_000_000_000L);
        }
        return fixture
                .stock("2024-03-31", AgeBand.AGE_10_TO_15, PlacementGroup.FOSTER_IFA, 10, 310)
                .stock("2024-03-31", AgeBand.AGE_10_TO_15, PlacementGroup.HOME_AGENCY, 10, 310)
                // aged 10 (14 at the end of the four years): nobody leaves the band or ages out
                .ages("2024-03-31", "stock", PlacementGroup.FOSTER_IFA, 10, 0, 10)
                .ages("2024-03-31", "stock", PlacementGroup.HOME_AGENCY, 10, 0, 10)
                .add(FactTable.PLACEMENT_COST_SEGMENTS, ForecastFixture.LA, "c1", "l1", "P1", "Carers", "spot", 700.0,
                        null, null, null, LocalDate.of(2023, 6, 1), LocalDate.of(2023, 9, 8), "foster_ifa", "U4", "PR4")
                .add(FactTable.PLACEMENT_COST_SEGMENTS, ForecastFixture.LA, "c2", "l2", "P1", "Carers", "spot", 1000.0,
                        null, null, null, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 19), "foster_ifa", "U4", "PR4")
                .add(FactTable.PLACEMENT_COST_SEGMENTS, ForecastFixture.LA, "c3", "l3", "P1", "Carers", "spot", 5000.0,
                        null, null, null, LocalDate.of(2022, 5, 1), LocalDate.of(2022, 5, 31), "foster_ifa", "U4", "PR4")
                .add(FactTable.CAPACITY, ForecastFixture.LA, LocalDate.of(2024, 1, 1), "inhouse_home_beds", 4, 4, null, null, null)
                .add(FactTable.CAPACITY, ForecastFixture.LA, LocalDate.of(2023, 12, 31), "block_home_beds", 5, 5, null, null, null);
    }

    private Warehouse publishForecast(List<Scenario> scenarios) {
        Path snapshot = fixture().publish(dir);
        ForecastPublisher.publish(snapshot, SETTINGS, scenarios, message -> { });
        return Warehouse.open(snapshot);
    }

    private static List<List<Object>> rows(Warehouse warehouse, String sql) {
        return warehouse.query(sql).stream().map(r -> (List<Object>) new ArrayList<>(r.values())).toList();
    }

    @Test
    void spendIsChildrenTimesTheAverageFeeForEachDayOfTheYear() {
        try (Warehouse warehouse = publishForecast(List.of())) {
            // 10 x 800 / 7 x 365 days = 417,142.857...; 2027-28 holds 29 February 2028: x 366 = 418,285.714...
            assertEquals(List.of(
                    List.of(2025, 800.0, 417142.86, 417142.86, 417142.86, 417142.86),
                    List.of(2026, 800.0, 417142.86, 417142.86, 417142.86, 417142.86),
                    List.of(2027, 800.0, 417142.86, 417142.86, 417142.86, 417142.86),
                    List.of(2028, 800.0, 418285.71, 418285.71, 418285.71, 418285.71)), rows(warehouse, """
                    SELECT year, weekly_fee, cost_p05, cost_p50, cost_p95, cost_expected FROM forecast_cost_year
                    WHERE placement_group = 'foster_ifa' ORDER BY year"""));
            // agency homes have no cost lines: no fee, no spend, and the total is IFA's alone
            assertEquals(List.of(Arrays.asList(null, null, 417142.86)), rows(warehouse, """
                    SELECT max(weekly_fee) FILTER (WHERE placement_group = 'home_agency'),
                           max(cost_p50) FILTER (WHERE placement_group = 'home_agency'),
                           max(cost_p50) FILTER (WHERE placement_group = 'all' AND year = 2025)
                    FROM forecast_cost_year"""));
        }
    }

    @Test
    void feesRiseDayByDayWithInflation() {
        Path snapshot = fixture().publish(dir);
        try (Warehouse warehouse = Warehouse.open(snapshot)) {
            ForecastPublisher.Baseline baseline = ForecastPublisher.Baseline.of(warehouse, ForecastFixture.LA, SETTINGS);
            Projection projection = baseline.project(new Scenario("Dearer", null, null, null, 0.03), SETTINGS);
            // day d of the year costs 10 x 800 / 7 x 1.03^(d / 365.25): a geometric series with
            // ratio r = 1.03^(1 / 365.25) over days 1 to 365: a r (1 - r^365) / (1 - r).
            double r = Math.pow(1.03, 1 / 365.25);
            double firstYear = 10 * 800 / 7.0 * r * (1 - Math.pow(r, 365)) / (1 - r);
            assertEquals(firstYear, projection.costExpected(0, Projection.ALL), 0.01); // to the penny
        }
    }

    @Test
    void interventionsMoveChildrenAndAddPlacesToTheGap() {
        Scenario homes = new Scenario("Two new homes", null, null, List.of(
                new Intervention("Two 3-bed in-house homes", LocalDate.of(2024, 4, 10), "home_agency", "home_inhouse",
                        null, 6.0, false, 6),
                new Intervention("Step-downs", LocalDate.of(2024, 4, 1), "foster_ifa", "foster_inhouse", null, 8.0,
                        true, null)), null);
        try (Warehouse warehouse = publishForecast(List.of(homes))) {
            // 6 of the 10 agency-home children move on 10 April 2024. Step-downs: 8 a year from 1 April
            // (day 1), one each time another 365.25/8 = 45.66 days have passed: by 31 March 2025
            // (day 365) floor(365 x 8 / 365.25) = 7, by 31 March 2026 the 10 there were.
            assertEquals(List.of(
                    List.of("2024-04-30", "foster_ifa", 10.0, 10.0), List.of("2024-04-30", "foster_inhouse", 0.0, 0.0),
                    List.of("2024-04-30", "home_agency", 4.0, 4.0), List.of("2024-04-30", "home_inhouse", 6.0, 6.0),
                    List.of("2025-03-31", "foster_ifa", 3.0, 3.0), List.of("2025-03-31", "foster_inhouse", 7.0, 7.0),
                    List.of("2026-03-31", "foster_ifa", 0.0, 0.0), List.of("2026-03-31", "foster_inhouse", 10.0, 10.0)),
                    rows(warehouse, """
                            SELECT CAST(date AS VARCHAR), placement_group, expected, p50 FROM forecast_group
                            WHERE scenario = 'Two new homes' AND placement_group <> 'all'
                              AND (expected > 0 OR placement_group LIKE 'foster_i%')
                              AND date IN ('2024-04-30', '2025-03-31', '2026-03-31')
                              AND (date = '2024-04-30' OR placement_group LIKE 'foster%')
                            ORDER BY date, placement_group"""));
            // 30 June 2024 (Q1 of 2024-25): base has 10 in agency homes against 5 block beds (gap 5)
            // and none in in-house homes against 4 beds (-4); the scenario 4 against 5 (-1) and 6 against 4 + 6 (-4).
            assertEquals(List.of(
                    List.of("Two new homes", "home_agency", "block_home_beds", 4.0, 5, -1.0),
                    List.of("Two new homes", "home_inhouse", "inhouse_home_beds", 6.0, 10, -4.0),
                    List.of("base", "home_agency", "block_home_beds", 10.0, 5, 5.0),
                    List.of("base", "home_inhouse", "inhouse_home_beds", 0.0, 4, -4.0)), rows(warehouse, """
                    SELECT scenario, placement_group, provision, demand_p50, capacity, gap_p50 FROM forecast_gap
                    WHERE quarter_end = '2024-06-30' AND quarter = 'Q1' AND year = 2025 ORDER BY scenario, placement_group"""));
        }
    }

    @Test
    void republishingRemakesTheProjectionsFromSavedScenariosAndKeepsTheOtherFacts() throws Exception {
        Path first = fixture().publish(dir);
        ForecastPublisher.publish(first, SETTINGS, List.of(), message -> { });
        Files.writeString(dir.resolve(ForecastSettings.FILE), "{\"runs\": 50, \"backtestOrigins\": 0}");
        new ScenarioStore(dir).save(new Scenario("Fewer entries", "Entries down a tenth", List.of(
                new Scenario.RateChange(Scenario.RateKind.entry, null, null, null, 0.9, null)), null, null));
        RunHistory history = new RunHistory(dir);
        history.finished(RunRecord.succeeded(Instant.parse("2024-04-01T02:00:00Z"), Instant.parse("2024-04-01T02:01:00Z"),
                RunRecord.Trigger.CRON, dir, dir, 40, Map.of(), Map.of(), first, Duration.ofMinutes(1),
                List.of(new RunRecord.FileRead("in/episodes.csv", "episodes", "2024", "Testshire"))));
        Path second = ForecastPublisher.republish(dir, message -> { });
        assertNotEquals(first, second);
        assertEquals(second, new Snapshots(dir).current().orElseThrow());
        // the history says what made the new snapshot, and which files its data came from
        RunRecord remade = history.recent(1).get(0);
        assertEquals(List.of(RunRecord.Trigger.SCENARIO, second.getFileName().toString(), 40L),
                List.of(remade.trigger(), remade.snapshot(), remade.rowsRead()));
        assertEquals("in/episodes.csv", remade.files().get(0).path());
        try (Warehouse warehouse = Warehouse.open(second)) {
            assertEquals(List.of(List.of("Fewer entries"), List.of("base")),
                    rows(warehouse, "SELECT DISTINCT scenario FROM forecast_settings ORDER BY 1"));
            assertEquals(List.of(List.of(2L)), rows(warehouse, "SELECT count(*) FROM capacity"));
        }
        // the other facts, and the backtest (no scenario changes it), are the first snapshot's files
        for (String fact : List.of("capacity", "forecast_backtest")) {
            Path file = second.resolve(fact).resolve("part-00000.parquet");
            assertTrue(Files.isSameFile(file, first.resolve(fact).resolve("part-00000.parquet")), fact);
        }
    }

    @Test
    void anLaWithNoChildrenIsProjectedAtZero() {
        Path snapshot = new ForecastFixture().publish(dir);
        ForecastPublisher.publish(snapshot, SETTINGS, List.of(), message -> { });
        try (Warehouse warehouse = Warehouse.open(snapshot)) {
            // 48 month ends x 45 states, all zero; no fees, so no spend; no capacity, so no gap rows
            assertEquals(List.of(List.of(2160L, 0.0, 0.0)), rows(warehouse,
                    "SELECT count(*), max(expected), max(p95) FROM forecast"));
            assertEquals(List.of(List.of(0L)), rows(warehouse, "SELECT count(*) FROM forecast_gap"));
            assertEquals(List.of(Arrays.asList(null, 0.0)), rows(warehouse,
                    "SELECT max(cost_p50) FILTER (WHERE placement_group <> 'all'), max(cost_p50) FROM forecast_cost_year"));
        }
    }
}
