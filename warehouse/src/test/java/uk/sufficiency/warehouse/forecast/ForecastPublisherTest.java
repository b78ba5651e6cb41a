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
 * Agency homes: a1-a10 placed since 1 January 2023; a1-a4's cost lines, £4,000 a week from 1 October
 * 2023, are block-contracted: the agency fee is £4,000.
 * Capacity: 4 in-house home beds (1 January 2024); 5 block home beds, 4 occupied (31 December 2023),
 * which hold a1-a4 (block by CONTRACT): 4 of the 10 agency children; 20 block supported beds, 15
 * occupied by young people the 903 does not count (31 March 2024).
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
        fixture
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
                .add(FactTable.CAPACITY, ForecastFixture.LA, LocalDate.of(2024, 1, 1), "inhouse_home_beds", 4, null, null, null, null)
                .add(FactTable.CAPACITY, ForecastFixture.LA, LocalDate.of(2023, 12, 31), "block_home_beds", 5, 4, null, null, null)
                .add(FactTable.CAPACITY, ForecastFixture.LA, LocalDate.of(2024, 3, 31), "block_supported_beds", 20, 15, null, null, null);
        for (int a = 1; a <= 10; a++) {
            fixture.add(FactTable.EPISODES, ForecastFixture.LA, "a" + a, LocalDate.of(2023, 1, 1), null, null, "P", "C2",
                    "R1", "PR4", "home_agency", 2023, null);
            if (a <= 4) {
                fixture.add(FactTable.PLACEMENT_COST_SEGMENTS, ForecastFixture.LA, "a" + a, "b" + a, "H1", "Homes", "block",
                        4000.0, LocalDate.of(2023, 10, 1), null, null, LocalDate.of(2023, 10, 1), LocalDate.of(2024, 3, 31),
                        "home_agency", "R1", "PR4");
            }
        }
        return fixture;
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
            // agency homes: 10 x 4,000 / 7 x 365 = 2,085,714.29; the total adds IFA's; in-house homes have
            // no cost lines: no fee, no spend
            assertEquals(List.of(Arrays.asList(4000.0, 2085714.29, 2502857.14, null)), rows(warehouse, """
                    SELECT max(weekly_fee) FILTER (WHERE placement_group = 'home_agency'),
                           max(cost_p50) FILTER (WHERE placement_group = 'home_agency' AND year = 2025),
                           max(cost_p50) FILTER (WHERE placement_group = 'all' AND year = 2025),
                           max(cost_p50) FILTER (WHERE placement_group = 'home_inhouse')
                    FROM forecast_cost_year"""));
            // fee_children counts the children with costed days in the 365 days to the start, not those
            // placed at the start: c1 and c2 (c3's line is of May 2022) and a1-a4; the start has 20.
            assertEquals(List.of(List.of("all", 6L), List.of("foster_ifa", 2L), List.of("home_agency", 4L)), rows(warehouse, """
                    SELECT placement_group, fee_children FROM forecast_cost_year
                    WHERE year = 2025 AND fee_children > 0 ORDER BY placement_group"""));
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
            assertEquals(firstYear, projection.costExpected(0, PlacementGroup.FOSTER_IFA.ordinal()), 0.01); // to the penny
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
            // At the start (31 March 2024, Q4 of 2023-24), as the Capacity page has it: 4 children in the
            // 5 block home beds, the other 6 agency children spot-purchased outside them; no child in the 4
            // in-house beds; 15 of 20 block supported beds used by others. 30 June 2024: the base keeps
            // these (block beds hold 4 of every 10 agency children); the scenario has 4 agency children
            // (1.6 in block beds, 2.4 outside) and 6 in 4 + 6 in-house beds.
            assertEquals(List.of(
                    List.of("2024-03-31", "base", "block_home_beds", 4.0, 0L, 5, -1.0, 6.0),
                    List.of("2024-03-31", "base", "block_supported_beds", 0.0, 15L, 20, -5.0, 0.0),
                    List.of("2024-03-31", "base", "inhouse_home_beds", 0.0, 0L, 4, -4.0, 0.0),
                    List.of("2024-06-30", "Two new homes", "block_home_beds", 1.6, 0L, 5, -3.4, 2.4),
                    List.of("2024-06-30", "Two new homes", "block_supported_beds", 0.0, 15L, 20, -5.0, 0.0),
                    List.of("2024-06-30", "Two new homes", "inhouse_home_beds", 6.0, 0L, 10, -4.0, 0.0),
                    List.of("2024-06-30", "base", "block_home_beds", 4.0, 0L, 5, -1.0, 6.0),
                    List.of("2024-06-30", "base", "block_supported_beds", 0.0, 15L, 20, -5.0, 0.0),
                    List.of("2024-06-30", "base", "inhouse_home_beds", 0.0, 0L, 4, -4.0, 0.0)), rows(warehouse, """
                    SELECT CAST(quarter_end AS VARCHAR), scenario, provision, demand_p50, others, capacity, gap_p50,
                           outside_p50
                    FROM forecast_gap
                    WHERE (quarter_end = '2024-03-31' AND quarter = 'Q4' AND year = 2024 AND scenario = 'base')
                       OR (quarter_end = '2024-06-30' AND quarter = 'Q1' AND year = 2025)
                    ORDER BY quarter_end, scenario, provision"""));
            // the scenario's start rows are the base's
            assertEquals(List.of(List.of(3L)), rows(warehouse, """
                    SELECT count(*) FROM forecast_gap g JOIN forecast_gap b USING (la, quarter_end, provision)
                    WHERE g.scenario = 'Two new homes' AND b.scenario = 'base' AND quarter_end = '2024-03-31'
                      AND g.gap_p50 = b.gap_p50 AND g.outside_p50 = b.outside_p50"""));
        }
    }

    @Test
    void blockBedsFillUpAndTheAgencyChildrenBeyondThemAreBoughtOutsideNotAShortfall() {
        // 40 more agency entries a year: about 10 + 40 x 91 / 365.25 = 20 agency children by 30 June 2024.
        // 40% of them would be 8 in the 5 block beds: the beds fill (gap 0) and the rest are outside them.
        Scenario more = new Scenario("More agency entries", null, List.of(
                new Scenario.RateChange(Scenario.RateKind.entry, "home_agency", null, null, null, 40.0)), null, null);
        try (Warehouse warehouse = publishForecast(List.of(more))) {
            assertEquals(List.of(List.of(5.0, 0.0, true)), rows(warehouse, """
                    SELECT g.demand_p50, g.gap_p50, g.outside_p50 = f.p50 - 5 AND f.p50 >= 13
                    FROM forecast_gap g JOIN forecast_group f ON f.scenario = g.scenario AND f.la = g.la
                         AND f.date = g.quarter_end AND f.placement_group = g.placement_group
                    WHERE g.scenario = 'More agency entries' AND g.provision = 'block_home_beds'
                      AND g.quarter_end = '2024-06-30'"""));
        }
    }

    /**
     * Issue 10's 8-place case with children leaving: 10 children aged 10-15 in in-house homes over
     * 3,650 child-days, 10 of whom left care (1 in 365 a day), and 100 in agency homes, who neither
     * leave nor move (10^12 child-days). 8 move once into 8 new in-house places on 1 April 2024. The
     * places stay full: along the expected path in-house homes hold exactly 8 more than the base at
     * every month end for four years (the agency homes never run out: about 8 / 365 a day refill
     * them, some 32 children by 2028), and the simulated median is never below the base's.
     */
    @Test
    void eightNewInHousePlacesStayFilledForTheWholeProjection() {
        ForecastFixture fixture = new ForecastFixture();
        for (PlacementGroup group : PlacementGroup.values()) {
            fixture.stock("2023-06-30", AgeBand.AGE_10_TO_15, group, 0,
                    group == PlacementGroup.HOME_INHOUSE ? 0 : 1_000_000_000_000L);
        }
        fixture.stock("2024-03-31", AgeBand.AGE_10_TO_15, PlacementGroup.HOME_INHOUSE, 10, 3650)
                .stock("2024-03-31", AgeBand.AGE_10_TO_15, PlacementGroup.HOME_AGENCY, 100, 0)
                .flow("2024-03-31", AgeBand.AGE_10_TO_15, "home_inhouse", null, "left_care", 10);
        Scenario places = new Scenario("Eight places", null, null, List.of(new Intervention("Eight new in-house places",
                LocalDate.of(2024, 4, 1), "home_agency", "home_inhouse", null, 8.0, false, 8)), null);
        try (Warehouse warehouse = fixture.open(dir)) {
            ForecastPublisher.Baseline baseline = ForecastPublisher.Baseline.of(warehouse, ForecastFixture.LA, SETTINGS);
            Projection base = baseline.project(Scenario.BASE, SETTINGS);
            Projection scenario = baseline.project(places, SETTINGS);
            int inHouse = PlacementGroup.HOME_INHOUSE.ordinal();
            int agency = PlacementGroup.HOME_AGENCY.ordinal();
            assertEquals(48, base.dates().size());
            for (int d = 0; d < base.dates().size(); d++) {
                String date = base.dates().get(d).toString();
                assertEquals(base.groupExpected(d, inHouse) + 8, scenario.groupExpected(d, inHouse), 1e-6, date);
                if (d > 0) {
                    // agency homes, which the places are refilled from, lose the 8 and the refills but never run out
                    assertTrue(scenario.groupExpected(d, agency) > 0, date);
                    assertTrue(scenario.groupExpected(d, agency) < base.groupExpected(d, agency) - 8, date);
                }
                assertTrue(scenario.groupQuantiles(d, inHouse)[2] >= base.groupQuantiles(d, inHouse)[2], date);
            }
            // the children who left the places were replaced from agency homes, which lost them: beyond the 8,
            // more than another 8 (agency children also turn 18, so base and scenario both lose some that way)
            double refilled = base.groupExpected(47, agency) - 8 - scenario.groupExpected(47, agency);
            assertTrue(refilled > 8, "refilled " + refilled);
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
                List.of(new RunRecord.FileRead("in/episodes.csv", "episodes", "2024", "Testshire")),
                List.of("episodes.csv line 7: the file ends in the middle of a row")));
        Path second = ForecastPublisher.republish(dir, message -> { });
        assertNotEquals(first, second);
        assertEquals(second, new Snapshots(dir).current().orElseThrow());
        // the history says what made the new snapshot, and which files its data came from
        RunRecord remade = history.recent(1).get(0);
        assertEquals(List.of(RunRecord.Trigger.SCENARIO, second.getFileName().toString(), 40L),
                List.of(remade.trigger(), remade.snapshot(), remade.rowsRead()));
        assertEquals("in/episodes.csv", remade.files().get(0).path());
        assertEquals(List.of("episodes.csv line 7: the file ends in the middle of a row"), remade.notices());
        try (Warehouse warehouse = Warehouse.open(second)) {
            assertEquals(List.of(List.of("Fewer entries"), List.of("base")),
                    rows(warehouse, "SELECT DISTINCT scenario FROM forecast_settings ORDER BY 1"));
            assertEquals(List.of(List.of(3L)), rows(warehouse, "SELECT count(*) FROM capacity"));
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
