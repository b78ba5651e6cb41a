package uk.sufficiency.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.sufficiency.pipeline.FixtureWarehouse.list;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.sufficiency.warehouse.FactTable;
import uk.sufficiency.warehouse.Warehouse;

/**
 * Reference data and the views built on it, on a hand-made LA in fixtures/reference (run with
 * {@code --la TESTSHIRE}; one return, 2021-22, so the window is April 2021 to March 2022).
 * <pre>
 * child  episodes                                        DOB         category
 * 1-10   01/01/2020..open                                 see header  1 7 foster_inhouse (U4 PR1), 3 (U5 PR1);
 *                                                                     2 5 6 foster_ifa (U4 PR4), 4 (U6 PR5);
 *                                                                     8 foster_kinship; 9 with_parents; 10 home_inhouse
 * 11     15/10/2021..20/12/2021 X1 (IFA), ..15/02/2022 E13 01/03/2015  foster_ifa, then foster_inhouse
 * 12     05/04/2021..20/04/2021 E4A, 05/01/2022..25/01/2022 E41        never in care at a month end
 * 13     01/10/2021..10/10/2021 X1, ..20/10/2021 E11                   never in care at a month end
 * </pre>
 * So every month end has children 1-10 (fostering 8, with parents 1, homes 1 of 10), and
 * October-January child 11 as well (9, 1, 1 of 11). Population 2021: 2,000, so 10 at 31 March 2022
 * is a rate of 50.0; started 3 (11, 12, 13) and ceased 3 (11 E13, 12 E41, 13 E11), 15.0 each.
 *
 * <p>dfe/ holds a DfE-format benchmarks file (England, regions North Test and South Test, LAs 901
 * Testshire, 902 Alpha, 903 Beta, 904 Gamma, 905 Delta, 906 Epsilon, 907 "Zeta, City of"
 * (suppressed {@code c}), 908 Eta; 31 March rates 2022: 45, 40, 50, 60, 50, 30, c, 88), the two
 * DfE neighbour model layouts (2025 and 2021, the latter with a BOM, repeated SNP columns and a
 * trailing comma) and a one-row ONS population file naming code 997 Theta.
 */
class ReferenceDataTest {
    private static final FixtureWarehouse REFERENCE = FixtureWarehouse.of("reference", "TESTSHIRE");

    private static List<List<Object>> rows(String sql, Object... parameters) {
        return REFERENCE.rows(sql, parameters);
    }

    private static List<List<Object>> rows(Warehouse w, String sql, Object... parameters) {
        return FixtureWarehouse.rows(w, sql, parameters);
    }

    private static List<Object> row(String sql, Object... parameters) {
        return REFERENCE.row(sql, parameters);
    }

    // ---- benchmark_rates ----

    @Test
    void dfeBenchmarksAreReadAsTheyCome() {
        assertEquals(list("Testshire", "901", "E06000901", "la", "North Test", 9L, 45.0, null, 2000L),
                row("""
                        SELECT area, area_code_old, area_code_new, area_type, region, children, rate_per_10000, marker,
                               population_0_17
                        FROM benchmark_rates WHERE area = 'Testshire' AND area_type = 'la' AND year = 2022
                          AND measure = 'looked_after_31_march'"""));
        assertEquals(list("England", null, "E92000001", "england", null, 82090L, 70.0),
                row("""
                        SELECT area, area_code_old, area_code_new, area_type, region, children, rate_per_10000
                        FROM benchmark_rates WHERE area_type = 'england' AND year = 2022 AND measure = 'looked_after_31_march'"""));
        assertEquals(list("North Test", "E12000091", "region", 20.0), row("""
                SELECT area, area_code_new, area_type, rate_per_10000 FROM benchmark_rates
                WHERE area_type = 'region' AND year = 2022 AND measure = 'started'"""));
        assertEquals(list("ceased", 29410L, 25.0), row("""
                SELECT measure, children, rate_per_10000 FROM benchmark_rates
                WHERE area = 'England' AND year = 2022 AND measure = 'ceased'"""));
    }

    @Test
    void suppressedDfeValuesAreNullWithTheirMarker() {
        // The name is quoted because it holds a comma; count and rate are published as "c".
        assertEquals(list("907", null, null, "c", 900L), row("""
                SELECT area_code_old, children, rate_per_10000, marker, population_0_17 FROM benchmark_rates
                WHERE area = 'Zeta, City of' AND year = 2022"""));
        // Eta 2021: population "x", count and rate "z".
        assertEquals(list(null, null, "z", null), row("""
                SELECT children, rate_per_10000, marker, population_0_17 FROM benchmark_rates
                WHERE area = 'Eta' AND year = 2021"""));
    }

    @Test
    void simpleBenchmarksFillOlderYearsAndDfeWinsWhereBothGiveAFigure() {
        // England 2010/11: the count row and the rate row merge into one figure; benchmarks_revised.csv,
        // a later file, gives the rate as 57 (benchmarks_older.csv: 58).
        assertEquals(list(65000L, 57.0), row("""
                SELECT children, rate_per_10000 FROM benchmark_rates WHERE area_type = 'england' AND year = 2011"""));
        assertEquals(list(53.0), row("""
                SELECT rate_per_10000 FROM benchmark_rates WHERE area = 'Testshire' AND area_type = 'la' AND year = 2011"""));
        // Given by its code 901: named from DfE's file.
        assertEquals(list("Testshire", "901", 54.0), row("""
                SELECT area, area_code_old, rate_per_10000 FROM benchmark_rates WHERE area_type = 'la' AND year = 2012"""));
        assertEquals(list(null, "c"), row("""
                SELECT rate_per_10000, marker FROM benchmark_rates WHERE area_type = 'la' AND year = 2013"""));
        // North Test 2021-22 is 99 in the simple file and 48 in DfE's: DfE's published figure wins.
        assertEquals(list(48.0), row("""
                SELECT rate_per_10000 FROM benchmark_rates WHERE area = 'North Test' AND year = 2022
                AND measure = 'looked_after_31_march'"""));
        assertEquals(list("Testshire", 56.8), row("""
                SELECT area, rate_per_10000 FROM benchmark_rates WHERE area_type = 'statistical_neighbours'"""));
        // An unknown area type and an unknown measure are reported, not published.
        assertEquals(list(list(null, "benchmarks", "unknown_area_type", 1L), list(null, "benchmarks", "unknown_measure", 1L)),
                rows("SELECT la, source, warning, count FROM data_quality WHERE source = 'benchmarks' ORDER BY warning"));
    }

    @Test
    void theSimpleFilesRegionColumnGivesAnLaItsRegion() {
        // benchmarks_regions.csv: Kappa, an LA DfE's file does not know, has only a marker for 2022
        // (accepted: no published rate of its own) and its region North Test.
        assertEquals(list("Kappa", null, "North Test", null, null, "z"), row("""
                SELECT area, area_code_old, region, children, rate_per_10000, marker FROM benchmark_rates
                WHERE area = 'Kappa' AND year = 2022"""));
        // 2021: the rate row gives South Test, the later count row no region; merged, the region stays.
        assertEquals(list("South Test", 700L, 70.0), row("""
                SELECT region, children, rate_per_10000 FROM benchmark_rates WHERE area = 'Kappa' AND year = 2021"""));
        // Testshire 2022 is 99 in South Test in the simple file; DfE's row wins, region and all.
        assertEquals(list("North Test", 45.0, "cla_number_and_rate_per_10k_children.csv"), row("""
                SELECT region, rate_per_10000, regexp_extract(source, '[^/]+$') FROM benchmark_rates
                WHERE area = 'Testshire' AND area_type = 'la' AND year = 2022 AND measure = 'looked_after_31_march'"""));
        // REGION on a row that is not an LA's is ignored.
        assertEquals(list("England", null, 60.0), row("""
                SELECT area, region, rate_per_10000 FROM benchmark_rates WHERE area_type = 'england' AND year = 2015"""));
    }

    // ---- statistical_neighbours ----

    @Test
    void model2025NeighboursAreNamedFromTheBenchmarksOrTheModelItself() {
        assertEquals(List.of(
                list(1, "902", "Alpha", "Very close"), list(2, "903", "Beta", "Very close"),
                list(3, "904", "Gamma", "Close"), list(4, "905", "Delta", "Close"), list(5, "906", "Epsilon", "Close"),
                list(6, "907", "Zeta, City of", "Close"), list(7, "908", "Eta", "Somewhat close"),
                list(8, "911", "Iota", "Somewhat close"), list(9, "912", null, "Not close"),
                list(10, "913", null, "Not close")),
                rows("""
                        SELECT rank, neighbour_code, neighbour_name, closeness FROM statistical_neighbours
                        WHERE la_code = '901' AND model = '2025' ORDER BY rank"""));
        assertEquals(list("911", "Iota", "901", "Testshire"), row("""
                SELECT la_code, la_name, neighbour_code, neighbour_name FROM statistical_neighbours WHERE la_code = '911'"""));
    }

    @Test
    void model2021WithRepeatedSnpColumnsKeepsEachClosenessWithItsNeighbour() {
        assertEquals(List.of(
                list("TESTSHIRE", 1, "903", "Beta", "Very Close"), list("TESTSHIRE", 2, "902", "Alpha", "Close"),
                list("TESTSHIRE", 3, "904", "Gamma", "Close"), list("TESTSHIRE", 4, "905", "Delta", "Somewhat close"),
                list("TESTSHIRE", 5, "906", "Epsilon", "Somewhat close"), list("TESTSHIRE", 6, "908", "Eta", "Not Close"),
                // 997 is named only by the ONS population file, 999 only by the model's own row, 998 nowhere.
                list("TESTSHIRE", 7, "997", "Theta", "Not Close"),
                list("TESTSHIRE", 8, "999", "Old Shire (Pre LG)", "Not Close"),
                list("TESTSHIRE", 9, "998", null, "Not Close"),
                list("TESTSHIRE", 10, "907", "Zeta, City of", "Not Close")),
                rows("""
                        SELECT la_name, rank, neighbour_code, neighbour_name, closeness FROM statistical_neighbours
                        WHERE la_code = '901' AND model = '2021' ORDER BY rank"""));
        // The pre-LG row has one neighbour; its blank SN2..SN10 are no neighbours.
        assertEquals(list(list(1, "901")), rows("SELECT rank, neighbour_code FROM statistical_neighbours WHERE la_code = '999'"));
    }

    @Test
    void simpleNeighbourListsResolveNamesAndCodes() {
        assertEquals(List.of(list("902", "Alpha", 1, "903", "Beta"), list("902", "Alpha", 2, "905", "Delta")),
                rows("""
                        SELECT la_code, la_name, rank, neighbour_code, neighbour_name FROM statistical_neighbours
                        WHERE model = 'neighbours.csv' ORDER BY rank"""));
        assertEquals(list(null, 1L), row("""
                SELECT la, count FROM data_quality WHERE source = 'statistical_neighbours' AND warning = 'bad_rank'"""));
    }

    // ---- kpi_targets ----

    @Test
    void targetsBelongToTheirLaAndThereAreNoDefaults() {
        // Rows without an LA belong to the run's --la (TESTSHIRE); its own later row (spelt testshire)
        // replaces the earlier children's homes row; the step_down_started row (polarity "sideways") is
        // reported and left out, and no default stands in for it or for block supported beds.
        assertEquals(List.of(
                list("testshire", "childrens_homes_share", "2021-06-30", 10.5, "2021-08-31", 8.5, "down", 1.0, "targets.csv"),
                list("TESTSHIRE", "fostering_share", "2021-06-30", 79.0, "2021-08-31", 83.0, "up", 1.0, "targets.csv"),
                list("TESTSHIRE", "with_parents_share", "2021-06-30", 12.0, "2021-08-31", 8.0, "down", 1.0, "targets.csv")),
                rows("""
                        SELECT la, kpi, CAST(baseline_date AS VARCHAR), baseline_value, CAST(target_date AS VARCHAR),
                               target_value, polarity, tolerance, source
                        FROM kpi_targets ORDER BY kpi, la"""));
        assertEquals(list("TESTSHIRE", 1L), row("SELECT la, count FROM data_quality WHERE warning = 'bad_target'"));
        assertEquals(list(10.5, 8.5), row("""
                SELECT baseline_value, target_value FROM kpi_targets_by_la
                WHERE la = 'TESTSHIRE' AND kpi = 'childrens_homes_share'"""));
    }

    // ---- kpi_month ----

    private static List<List<Object>> kpi(String kpi, String... monthEnds) {
        List<List<Object>> out = new ArrayList<>();
        for (String monthEnd : monthEnds) {
            out.add(row("""
                    SELECT value, trajectory_value, rag FROM kpi_month
                    WHERE la = 'TESTSHIRE' AND kpi = ? AND period_end = CAST(? AS DATE)""", kpi, monthEnd));
        }
        return out;
    }

    @Test
    void kpiMonthHasEveryMonthEndOfTheWindowForTheThree903Kpis() {
        assertEquals(List.of(list("childrens_homes_share", 12L), list("fostering_share", 12L), list("with_parents_share", 12L)),
                rows("SELECT kpi, count(*) FROM kpi_month GROUP BY kpi ORDER BY kpi"));
        // October to January child 11 is the eleventh child: 9 of 11 fostered = 81.8, 1 of 11 = 9.1.
        assertEquals(List.of(list("childrens_homes_share", 9.1, 1L, 11L), list("fostering_share", 81.8, 9L, 11L),
                        list("with_parents_share", 9.1, 1L, 11L)),
                rows("""
                        SELECT kpi, value, children, looked_after FROM kpi_month
                        WHERE period_end = DATE '2021-11-30' ORDER BY kpi"""));
        // The baseline is TESTSHIRE's own fostering share on the baseline date, 30 June 2021 (80.0), not the
        // 79 the file states.
        assertEquals(list("2021-08-31", 80.0, 79.0, "data", 83.0, "up", 1.0, "targets.csv"), row("""
                SELECT CAST(target_date AS VARCHAR), baseline_value, stated_baseline_value, baseline_source,
                       target_value, polarity, tolerance, target_source
                FROM kpi_month WHERE kpi = 'fostering_share' AND period_end = DATE '2021-04-30'"""));
    }

    @Test
    void trajectoryAndRagForAKpiWhereUpIsBetter() {
        // From the LA's own 80.0 at 30/06/2021 to 83 at 31/08/2021 (62 days): halfway (31/07, 31 days) is
        // 81.5; the value is 80.
        assertEquals(List.of(
                list(80.0, 80.0, "green"),   // before the baseline: held at the baseline
                list(80.0, 80.0, "green"),   // at the baseline
                list(80.0, 81.5, "red"),     // halfway: worse by 1.5, more than the tolerance (1 point)
                list(80.0, 83.0, "red"),     // at the target: worse by 3
                list(81.8, 83.0, "red")),    // after the target: held at the target, worse by 1.2
                kpi("fostering_share", "2021-04-30", "2021-06-30", "2021-07-31", "2021-08-31", "2021-10-31"));
    }

    @Test
    void trajectoryAndRagForKpisWhereDownIsBetter() {
        // With parents: from the LA's own 10.0 at 30/06/2021 (the file states 12) to 8 over the same dates.
        assertEquals(List.of(
                list(10.0, 10.0, "green"),   // at the baseline, on the trajectory
                list(10.0, 9.0, "amber"),    // halfway: worse by exactly the tolerance
                list(10.0, 8.0, "red"),      // at the target, worse by 2
                list(9.1, 8.0, "red")),      // after the target, worse by 1.1
                kpi("with_parents_share", "2021-06-30", "2021-07-31", "2021-08-31", "2021-10-31"));
        // Children's homes, the LA's own target row (8.5), from its own 10.0: halfway 9.25 -> 9.3 against 10,
        // worse by 0.7.
        assertEquals(List.of(list(10.0, 10.0, "green"), list(10.0, 9.3, "amber"), list(10.0, 8.5, "red"),
                        list(10.0, 8.5, "red")),
                kpi("childrens_homes_share", "2021-06-30", "2021-07-31", "2021-08-31", "2022-03-31"));
    }

    @Test
    void kpiStatusSaysWhichKpisAreNotLoadedYet() {
        List<List<Object>> status = rows("SELECT kpi, loaded, target_source FROM kpi_status WHERE la = 'TESTSHIRE' ORDER BY position");
        assertEquals(List.of(list("with_parents_share", true, "targets.csv"), list("fostering_share", true, "targets.csv"),
                list("step_down_started", false, null), list("childrens_homes_share", true, "targets.csv"),
                list("block_supported_high_priority_share", false, null)), status);
        String reason = (String) row("SELECT reason FROM kpi_status WHERE kpi = 'step_down_started'").get(0);
        assertTrue(reason.startsWith("not loaded yet: needs placement requests"), reason);
        assertEquals(0, rows("SELECT * FROM kpi_month WHERE kpi IN ('step_down_started', 'block_supported_high_priority_share')").size());
    }

    // ---- cla_ceased_reason ----

    @Test
    void ceasedReasonIsTheLastQualifyingEpisodesRec() {
        // Child 12 ceased twice (E4A in April, E41 in January): counted once, as E41. X1 never counts.
        assertEquals(List.of(list(2022, "E11", "adopted", 1L, 33.3), list(2022, "E13", "other", 1L, 33.3),
                        list(2022, "E41", "child_arrangement_order", 1L, 33.3)),
                rows("SELECT year, reason, reason_group, children, share FROM cla_ceased_reason ORDER BY reason"));
        assertEquals(list(3L, 3L), row("""
                SELECT (SELECT CAST(sum(children) AS BIGINT) FROM cla_ceased_reason), ceased FROM cla_year WHERE year = 2022"""));
    }

    // ---- fostering_quarter ----

    private static List<List<Object>> quarter(String quarterEnd) {
        return rows("""
                SELECT age_group, inhouse, ifa, ifa_share, kinship FROM fostering_quarter
                WHERE la = 'TESTSHIRE' AND quarter_end = CAST(? AS DATE) ORDER BY age_group_order""", quarterEnd);
    }

    @Test
    void fosteringByAgeBandAtQuarterEnds() {
        assertEquals(List.of("2021-06-30", "2021-09-30", "2021-12-31", "2022-03-31"),
                rows("SELECT DISTINCT CAST(quarter_end AS VARCHAR) FROM fostering_quarter ORDER BY 1").stream()
                        .map(r -> r.get(0)).toList());
        // 30/06/2021: 0-5 children 1 (in-house) and 2 (IFA); 6-10 children 3, 4 and 8 (kinship, 10);
        // 11+ children 7 (in-house), 5 and 6 (IFA).
        assertEquals(List.of(list("0-5", 1L, 1L, 50.0, 0L), list("6-10", 1L, 1L, 50.0, 1L), list("11+", 1L, 2L, 66.7, 0L),
                        list("All", 3L, 4L, 57.1, 1L)),
                quarter("2021-06-30"));
        // Child 8 turns 11 on 30/09/2021, the quarter end itself.
        assertEquals(List.of(list("0-5", 1L, 1L, 50.0, 0L), list("6-10", 1L, 1L, 50.0, 0L), list("11+", 1L, 2L, 66.7, 1L),
                        list("All", 3L, 4L, 57.1, 1L)),
                quarter("2021-09-30"));
        // 31/12/2021: child 11 (6) is with in-house carers: 6-10 IFA share 1 / (2 + 1) = 33.3.
        assertEquals(list("6-10", 2L, 1L, 33.3, 0L), quarter("2021-12-31").get(1));
    }

    // ---- benchmark_comparison ----

    @Test
    void theLaAgainstEnglandItsRegionAndItsNeighbours() {
        // Own rate 10 / 2,000 = 50.0 (DfE published 45). Neighbours in the 2025 model with a 2022 rate:
        // 40, 50, 60, 50, 30, 88 (Zeta suppressed, 911-913 unpublished): mean 318 / 6 = 53.0, median 50.0.
        assertEquals(list(50.0, 45.0, 70.0, "North Test", 48.0, 53.0, 50.0, 6L, "2025", 56.8), row("""
                SELECT la_rate, dfe_la_rate, england_rate, region, region_rate, sn_mean, sn_median, sn_count, sn_model,
                       sn_published_rate
                FROM benchmark_comparison WHERE la = 'TESTSHIRE' AND year = 2022 AND measure = 'looked_after_31_march'"""));
    }

    @Test
    void rankAndQuartileBandWithTies() {
        // Published 2022 rates of the other LAs: 30, 40, 50, 50, 60, 88 (Zeta suppressed, so not ranked).
        // 50.0 ties with Beta and Delta: rank 1 + 2 lower = 3 of 7; (3 - 1) / 7 = 0.29 is band B.
        assertEquals(list("down", 3, 7, "B"), row("""
                SELECT polarity, rank, las_ranked, quartile_band FROM benchmark_comparison
                WHERE la = 'TESTSHIRE' AND year = 2022 AND measure = 'looked_after_31_march'"""));
        // Started: 3 / 2,000 = 15.0 against Alpha 10 and Beta 20: rank 2 of 3, band B; neighbours 10 and 20.
        assertEquals(list(15.0, 26.0, 20.0, 15.0, 15.0, 2L, 2, 3, "B"), row("""
                SELECT la_rate, england_rate, region_rate, sn_mean, sn_median, sn_count, rank, las_ranked, quartile_band
                FROM benchmark_comparison WHERE la = 'TESTSHIRE' AND year = 2022 AND measure = 'started'"""));
        // Ceased: England only; no LA publishes a ceased rate, so no rank.
        assertEquals(list(15.0, 25.0, null, null, null, 0L), row("""
                SELECT la_rate, england_rate, region_rate, rank, quartile_band, sn_count
                FROM benchmark_comparison WHERE la = 'TESTSHIRE' AND year = 2022 AND measure = 'ceased'"""));
    }

    // ---- the run ----

    @Test
    void referenceFilesAreRecognisedByTheirColumns() {
        Map<String, String> tables = new LinkedHashMap<>();
        REFERENCE.summary().files().forEach(f -> tables.put(Path.of(f.path()).getFileName().toString(), f.table()));
        assertEquals("benchmarks", tables.get("cla_number_and_rate_per_10k_children.csv"));
        assertEquals("benchmarks", tables.get("benchmarks_older.csv"));
        assertEquals("benchmarks", tables.get("benchmarks_revised.csv"));
        assertEquals("benchmarks", tables.get("benchmarks_regions.csv"));
        assertEquals("statistical neighbours", tables.get("sn_model_2025_wide.csv"));
        assertEquals("statistical neighbours", tables.get("New_Statistical_Neighbour_Groupings_April_2021.csv"));
        assertEquals("statistical neighbours", tables.get("neighbours.csv"));
        assertEquals("kpi targets", tables.get("targets.csv"));
        assertEquals("population", tables.get("ons_population_sample.csv"));
        assertEquals(1L, REFERENCE.summary().warningsByType().get("bad_target"));
    }

    @Test
    void aReferenceFileMissingARequiredColumnFailsTheRunNamingIt(@TempDir Path temp) throws Exception {
        // Like any table (counting-rules §2): recognised by TARGET_VALUE, so it must carry POLARITY too.
        InputProblem problem = FixtureWarehouse.problemRunningOneEpisodeWith(temp, "targets.csv",
                "KPI,BASELINE_DATE,BASELINE_VALUE,TARGET_DATE,TARGET_VALUE\nfostering_share,31/03/2020,62.3,31/03/2024,70\n");
        assertEquals("targets.csv: looks like a kpi targets table but lacks the required column POLARITY",
                problem.getMessage());
    }

    @Test
    void aSnapshotWrittenBeforeTheReferenceFactsStillOpens(@TempDir Path temp) throws Exception {
        Path copy = temp.resolve("old-snapshot");
        try (Stream<Path> files = Files.walk(REFERENCE.warehouse().snapshot())) {
            for (Path p : files.toList()) {
                Files.copy(p, copy.resolve(REFERENCE.warehouse().snapshot().relativize(p).toString()));
            }
        }
        for (FactTable table : FactTable.values()) {
            if (table.addedLater()) {
                try (Stream<Path> files = Files.walk(copy.resolve(table.directory()))) {
                    files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
                }
            }
        }
        try (Warehouse old = Warehouse.open(copy)) {
            assertEquals(0, rows(old, "SELECT * FROM benchmark_rates").size());
            assertEquals(list(50.0, null, null), rows(old, """
                    SELECT la_rate, england_rate, rank FROM benchmark_comparison
                    WHERE year = 2022 AND measure = 'looked_after_31_march'""").get(0));
            assertEquals(list(null, null), rows(old, """
                    SELECT trajectory_value, rag FROM kpi_month WHERE period_end = DATE '2022-03-31'""").get(0));
        }
    }
}
