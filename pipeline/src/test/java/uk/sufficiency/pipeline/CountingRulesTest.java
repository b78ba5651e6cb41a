package uk.sufficiency.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The counting rules on a hand-made LA, "Testshire", with returns for 2021 and 2022 (data window
 * 1 April 2020 to 31 March 2022). Each child in fixtures/rules shows one rule:
 * <pre>
 * child  episodes (DECOM..DEC)                         rule shown
 * 1      01/01/2021..31/01/2021 E11                    ends on a month end: never counted at 31/01
 * 2      15/10/2020..31/10/2020 X1, 31/10/2020..open   placement change on a month end: counted once, new home
 * 3      01/06/2020..open, LS V3                       short breaks never count, never "started"
 * 4      01/05/2020..30/09/2020, 31/08/2020..open      overlap: first closed at 31/08/2020 (closed_at_next)
 * 5      01/02/2021..open, 15/03/2021..open            open then a later one: first closed at 15/03/2021
 * 6      01/07/2020..open, only in the 2021 return     missing from the next return: closed 31/03/2021; no Header row
 * 7      01/01/2020..open, DOB 29/02/2008              29 February birthday: 12 on 28/02/2021, 13 on 31/03/2021
 * 8      05/05/2021..open, codes " c2", " u4 ", "pr4 " lower-case codes with spaces: C2, U4, PR4 = foster_ifa
 * 9      PLACE Q9                                      bad code: rejected
 * 10     01/06/21..30/11/21 E4A, DOB 15/03/05          two-digit years: 2021 and 2005
 * 11     01/12/2020 open in 2021, closed 31/12/2021    the latest return's copy wins
 * 12     DECOM 31/02/2021; blank CHILD; 14 DEC < DECOM rejected: bad_date, missing_key, dec_before_decom
 * 13     2021-12-10..open, DOB 2021-12-01, SEX F       ISO dates, under 1, female
 * </pre>
 */
class CountingRulesTest {
    private static final FixtureWarehouse RULES = FixtureWarehouse.of("rules", "Testshire");

    private static long count(String sql, Object... parameters) {
        return ((Number) RULES.query(sql, parameters).get(0).values().iterator().next()).longValue();
    }

    private static Map<String, Long> pairs(String sql) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Map<String, Object> row : RULES.query(sql)) {
            var values = row.values().iterator();
            out.put(String.valueOf(values.next()), ((Number) values.next()).longValue());
        }
        return out;
    }

    @Test
    void monthEndStockFollowsTheHandWorkedSeries() {
        // Children counted at each month end (decom <= D < dec), from the table above.
        Map<String, Long> expected = new LinkedHashMap<>();
        long[] counts = {1, 2, 2, 3, 3, 3, 4, 4, 5, 5, 6, 5, 5, 6, 7, 7, 7, 7, 7, 6, 6, 6, 6, 6};
        String[] monthEnds = {"2020-04-30", "2020-05-31", "2020-06-30", "2020-07-31", "2020-08-31", "2020-09-30",
                "2020-10-31", "2020-11-30", "2020-12-31", "2021-01-31", "2021-02-28", "2021-03-31", "2021-04-30",
                "2021-05-31", "2021-06-30", "2021-07-31", "2021-08-31", "2021-09-30", "2021-10-31", "2021-11-30",
                "2021-12-31", "2022-01-31", "2022-02-28", "2022-03-31"};
        for (int i = 0; i < counts.length; i++) {
            expected.put(monthEnds[i], counts[i]);
        }
        assertEquals(expected, pairs("SELECT CAST(month_end AS VARCHAR), count(*) FROM cla_month_end GROUP BY 1 ORDER BY 1"));
    }

    @Test
    void aChildIsCountedOnceAtEachMonthEnd() {
        assertEquals(0, count("SELECT count(*) FROM (SELECT month_end, child FROM cla_month_end GROUP BY ALL HAVING count(*) > 1)"));
    }

    @Test
    void placementChangeOnAMonthEndCountsTheNewHome() {
        assertEquals(Map.of("home_inhouse", 1L), pairs("""
                SELECT m.category, count(*) FROM cla_month_end m JOIN episodes e USING (la, child)
                WHERE m.month_end = DATE '2020-10-31' AND e.decom = DATE '2020-10-15' GROUP BY 1"""));
    }

    @Test
    void categoriesAt31March() {
        assertEquals(Map.of("foster_inhouse", 2L, "home_agency", 1L, "home_inhouse", 1L, "with_parents", 1L),
                pairs("SELECT category, count(*) FROM cla_month_end WHERE month_end = DATE '2021-03-31' GROUP BY 1"));
        assertEquals(Map.of("foster_ifa", 2L, "foster_inhouse", 1L, "home_agency", 1L, "home_inhouse", 1L,
                        "with_parents", 1L),
                pairs("SELECT category, count(*) FROM cla_month_end WHERE month_end = DATE '2022-03-31' GROUP BY 1"));
    }

    @Test
    void twentyNinthOfFebruaryBirthdayTurnsOnFirstOfMarch() {
        // Child 7 (DOB 29/02/2008) is the only child born in February 2008.
        Map<String, Long> ages = pairs("""
                SELECT CAST(m.month_end AS VARCHAR), m.age FROM cla_month_end m JOIN children c USING (la, child)
                WHERE c.dob = DATE '2008-02-29' AND m.month_end IN
                      (DATE '2021-02-28', DATE '2021-03-31', DATE '2022-02-28', DATE '2022-03-31') ORDER BY 1""");
        assertEquals(Map.of("2021-02-28", 12L, "2021-03-31", 13L, "2022-02-28", 13L, "2022-03-31", 14L), ages);
    }

    @Test
    void ageBandsAndSexAt31March2022() {
        assertEquals(Map.of("Under 1", 1L, "5 to 9", 2L, "10 to 15", 3L),
                pairs("SELECT age_band, count(*) FROM cla_month_end WHERE month_end = DATE '2022-03-31' GROUP BY 1"));
        assertEquals(Map.of("female", 4L, "male", 2L),
                pairs("SELECT sex, count(*) FROM cla_month_end WHERE month_end = DATE '2022-03-31' GROUP BY 1"));
    }

    @Test
    void twoDigitYearsPivotAt70() {
        // Child 10: DOB 15/03/05 is 2005, so 16 at 30/06/2021; counted 30/06/2021..31/10/2021 only.
        assertEquals(Map.of("16 and over", 5L),
                pairs("SELECT age_band, count(*) FROM cla_month_end WHERE age = 16 AND sex = 'female' GROUP BY 1"));
        assertEquals(1, count("SELECT count(*) FROM episodes WHERE decom = DATE '2021-06-01' AND dec = DATE '2021-11-30'"));
    }

    @Test
    void childWithoutHeaderRowHasUnknownAge() {
        // Child 6 is counted 31/07/2020..28/02/2021 (8 month ends) with no DOB.
        assertEquals(8, count("SELECT count(*) FROM cla_month_end WHERE age_band = 'Unknown' AND sex = 'unknown'"));
    }

    @Test
    void yearlyStockFlowsAndRates() {
        List<Map<String, Object>> years = RULES.query(
                "SELECT year, looked_after_31_march, started, ceased, population_0_17, rate_per_10000, placement_moves "
                        + "FROM cla_year ORDER BY year");
        assertEquals(2, years.size());
        // 2021: stock 5; started 1, 2, 4, 5, 6, 11 (7 started before the year, 3 is V3); ceased 1 (E11).
        // Rate uses the 2020 population: 5 / 30000 * 10000 = 1.666.. = 1.7.
        // Placement moves (RNE P): children 2 (31/10/2020), 4 (31/08/2020) and 5 (15/03/2021).
        assertEquals(List.of(2021, 5L, 6L, 1L, 30000L, 1.7, 3L), List.copyOf(years.get(0).values()));
        // 2022: stock 6; started 8, 10, 13; ceased 10 (E4A) and 11 (E8); repaired closes never cease.
        // Rate uses the 2021 population: 6 / 8000 * 10000 = 7.5. Every 2022 episode starts with S (or is
        // a repeat of a 2021 move, counted once, in its own year): no moves.
        assertEquals(List.of(2022, 6L, 3L, 2L, 8000L, 7.5, 0L), List.copyOf(years.get(1).values()));
    }

    @Test
    void repairsAreRecordedWithoutReasonForLeaving() {
        assertEquals(Map.of("closed_at_next", 2L, "closed_at_year_end", 1L),
                pairs("SELECT repair, count(*) FROM episodes WHERE repair IS NOT NULL GROUP BY 1"));
        assertEquals(0, count("SELECT count(*) FROM episodes WHERE repair IS NOT NULL AND rec IS NOT NULL"));
        // Child 6 closes on 31 March of its last return year; child 4's first episode where the second starts.
        assertEquals(1, count("SELECT count(*) FROM episodes WHERE decom = DATE '2020-07-01' AND dec = DATE '2021-03-31'"));
        assertEquals(1, count("SELECT count(*) FROM episodes WHERE decom = DATE '2020-05-01' AND dec = DATE '2020-08-31'"));
    }

    @Test
    void duplicatesAcrossReturnsKeepTheLatest() {
        // 14 distinct surviving episodes of 11 children; child 11 keeps the 2022 copy with its DEC and REC.
        assertEquals(14, count("SELECT count(*) FROM episodes"));
        Map<String, Object> child11 = RULES.query(
                "SELECT CAST(dec AS VARCHAR) AS dec, rec, year FROM episodes WHERE decom = DATE '2020-12-01'").get(0);
        assertEquals("2021-12-31", child11.get("dec"));
        assertEquals("E8", child11.get("rec"));
        assertEquals(2022, child11.get("year"));
    }

    @Test
    void lowerCaseCodesWithSpacesAreNormalised() {
        Map<String, Object> child8 = RULES.query(
                "SELECT rne, legal_status, placement, provider, category FROM episodes WHERE decom = DATE '2021-05-05'").get(0);
        assertEquals(List.of("S", "C2", "U4", "PR4", "foster_ifa"), List.copyOf(child8.values()));
    }

    @Test
    void rejectedRowsAreQuarantinedWithFileLineAndReason() {
        List<Map<String, Object>> rejects = RULES.query(
                "SELECT la, file, line, reason, child IS NULL AS no_child FROM rejected_episodes ORDER BY line");
        String file = Path.of("2022", "episodes.csv").toString();
        assertEquals(List.of(
                List.of("Testshire", file, 8, "bad_code", false),
                List.of("Testshire", file, 11, "bad_date", false),
                List.of("Testshire", file, 12, "missing_key", true),
                List.of("Testshire", file, 13, "dec_before_decom", false)),
                rejects.stream().map(r -> List.copyOf(r.values())).toList());
        assertEquals(Map.of("bad_code", 1L, "bad_date", 1L, "dec_before_decom", 1L, "missing_key", 1L),
                RULES.summary().rejectedByReason());
    }

    @Test
    void warningsAreCountedOncePerEpisode() {
        // Child 4's P1 episode has no provider; child 6 has no Header row; three repairs.
        assertEquals(Map.of("closed_at_next", 2L, "closed_at_year_end", 1L, "missing_provider", 1L, "no_header", 1L),
                RULES.summary().warningsByType());
    }

    @Test
    void withoutATargetsFileNoKpiHasATargetAndTheReferenceViewsAreEmpty() {
        // Targets belong to an LA: without its own, the series stands alone (no default is another council's).
        // Values from the categories at 31/03/2022: 1 of 6 with parents = 16.7, 3 of 6 fostered = 50.0, 2 of 6
        // in homes = 33.3.
        assertEquals(0, count("SELECT count(*) FROM kpi_targets"));
        assertEquals(List.of(Arrays.asList("childrens_homes_share", 33.3, null, null, null),
                        Arrays.asList("fostering_share", 50.0, null, null, null),
                        Arrays.asList("with_parents_share", 16.7, null, null, null)),
                RULES.query("""
                        SELECT kpi, value, baseline_value, trajectory_value, rag FROM kpi_month
                        WHERE period_end = DATE '2022-03-31' ORDER BY kpi""").stream()
                        .map(r -> Arrays.asList(r.values().toArray())).toList());
        // No reference files: the reference views are empty and the comparison has only the LA's own rate.
        assertEquals(0, count("SELECT count(*) FROM benchmark_rates"));
        assertEquals(0, count("SELECT count(*) FROM statistical_neighbours"));
        assertEquals(2, count("SELECT count(*) FROM benchmark_comparison WHERE measure = 'looked_after_31_march' "
                + "AND la_rate IS NOT NULL AND england_rate IS NULL AND rank IS NULL"));
    }

    @Test
    void childIdsArePseudonymised() {
        assertEquals(0, count("SELECT count(*) FROM episodes WHERE length(child) <> 20 OR child IN ('1','2','7')"));
        assertNull(RULES.query("SELECT max(child) AS c FROM rejected_episodes WHERE child = '9'").get(0).get("c"));
    }

    @Test
    void runSummaryNamesFilesYearsAndRows() {
        // 11 + 13 episode rows and 7 + 9 header rows.
        assertEquals(40, RULES.summary().rowsRead());
        var episodes2021 = RULES.summary().files().stream()
                .filter(f -> f.path().equals(Path.of("2021", "episodes.csv").toString())).findFirst().orElseThrow();
        assertEquals(List.of("episodes", "2021", "Testshire"),
                List.of(episodes2021.table(), episodes2021.year(), episodes2021.la()));
    }
}
