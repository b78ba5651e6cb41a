package uk.sufficiency.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.sufficiency.pipeline.FixtureWarehouse.list;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Capacity (inputs.md §4) on fixtures/requests/capacity.csv, against the 903 of the same fixture
 * (window April 2020 to March 2022; see {@link PlacementRequestsTest}). In-house fostering (U4 PR1):
 * C1 from 01/04/2020, C3 from 01/09/2020 (C9's U5 PR1 episodes are short breaks, V3); in-house
 * homes (K2 PR1): C2 from 01/05/2020, C8 from 01/02/2022.
 * <pre>
 * line date        provision               capacity occupied high medium low
 * 2    31/03/2021  inhouse_foster_places   10       2
 * 3    01/04/2022  inhouse_foster_places   10       3                          after the window
 * 4    31/01/2022  inhouse_home_beds       4        1
 * 5    01/02/2022  inhouse_home_beds       4        2
 * 6    31/03/2021  block_supported_beds    378      0        0    0      0
 * 7    31/12/2021  block_supported_beds    378      300      100  100    100   superseded by line 8
 * 8    31/12/2021  " Block_Supported_Beds " 378     322      187  91     44    the seed's Dec 2022 beds
 * 9    30/06/2021  block_supported_beds    20       10       5    3      1     9 of 10 by priority
 * 10   2021-09-30  kinship_hub             5                                   the LA's own provision
 * 11   31/02/2022 bad date; 12 CAPACITY -3; 13 OCCUPIED "lots"; 14 one field too many; 15 no PROVISION
 * 16   31/07/2021  inhouse_foster_places   1        2                          over capacity
 * </pre>
 */
class CapacityTest {
    /** The same run as {@link PlacementRequestsTest}'s: a fixture runs once per test JVM. */
    private static final FixtureWarehouse REQUESTS = FixtureWarehouse.of("requests", "Reqshire");

    private static List<List<Object>> rows(String sql, Object... parameters) {
        return REQUESTS.rows(sql, parameters);
    }

    @Test
    void capacityRowsAreTypedAndTheLaterOfTwoRowsForOneDateCounts() {
        assertEquals(List.of(
                        list("2021-03-31", "block_supported_beds", 378, 0, 0, 0, 0),
                        list("2021-03-31", "inhouse_foster_places", 10, 2, null, null, null),
                        list("2021-06-30", "block_supported_beds", 20, 10, 5, 3, 1),
                        list("2021-07-31", "inhouse_foster_places", 1, 2, null, null, null),
                        list("2021-09-30", "kinship_hub", 5, null, null, null, null),
                        list("2021-12-31", "block_supported_beds", 378, 322, 187, 91, 44),
                        list("2022-01-31", "inhouse_home_beds", 4, 1, null, null, null),
                        list("2022-02-01", "inhouse_home_beds", 4, 2, null, null, null),
                        list("2022-04-01", "inhouse_foster_places", 10, 3, null, null, null)),
                rows("""
                        SELECT CAST(date AS VARCHAR), provision, capacity, occupied, occupied_high, occupied_medium,
                               occupied_low
                        FROM capacity WHERE la = 'Reqshire' ORDER BY date, provision"""));
    }

    @Test
    void rejectedCapacityRowsGoToTheSharedQuarantine() {
        assertEquals(List.of(list(11, "bad_date"), list(12, "bad_number"), list(13, "bad_number"), list(14, "bad_row"),
                        list(15, "missing_key")),
                rows("""
                        SELECT line, reason FROM rejected_rows WHERE source = 'capacity' AND la = 'Reqshire'
                        ORDER BY line"""));
        // Line 7 superseded by line 8; line 9's priorities add up to 9, not 10; line 16 is over capacity.
        assertEquals(List.of(list("duplicate_capacity", 1L), list("occupied_over_capacity", 1L),
                        list("occupied_priority_mismatch", 1L)),
                rows("SELECT warning, count FROM data_quality WHERE source = 'capacity' ORDER BY warning"));
    }

    @Test
    void inHouseCapacityAgainstTheChildrenInSuchHomesThatDay() {
        // 31/03/2021 and 31/07/2021: C1 and C3 fostered in-house (C9's short breaks never count).
        // 31/01/2022: C2 in an in-house home; 01/02/2022: C8 arrives that day, so 2. 01/04/2022 is after
        // the window: no demand. Block supported beds hold the children whose cost line is block-contracted:
        // this fixture has no cost lines, so none. The LA's own kinship_hub has no demand.
        assertEquals(List.of(
                        list("2021-03-31", "block_supported_beds", 378, 0, 0L, 0.0),
                        list("2021-03-31", "inhouse_foster_places", 10, 2, 2L, 20.0),
                        list("2021-06-30", "block_supported_beds", 20, 10, 0L, 50.0),
                        list("2021-07-31", "inhouse_foster_places", 1, 2, 2L, 200.0),
                        list("2021-09-30", "kinship_hub", 5, null, null, null),
                        list("2021-12-31", "block_supported_beds", 378, 322, 0L, 85.2),
                        list("2022-01-31", "inhouse_home_beds", 4, 1, 1L, 25.0),
                        list("2022-02-01", "inhouse_home_beds", 4, 2, 2L, 50.0),
                        list("2022-04-01", "inhouse_foster_places", 10, 3, null, 30.0)),
                rows("""
                        SELECT CAST(date AS VARCHAR), provision, capacity, occupied, demand, occupancy
                        FROM capacity_demand WHERE la = 'Reqshire' ORDER BY date, provision"""));
    }

    @Test
    void blockSupportedHighPriorityShareAtEachCapacityDate() {
        // 187 of 322 occupied beds = 58.07 → 58.1; 5 of 10 = 50.0. 31/03/2021 has no occupied bed: no row
        // (not a zero). Reqshire loaded no targets file and targets belong to an LA (no defaults), so there
        // is no trajectory, RAG, baseline, target or polarity: the series alone (KpiTargetsPerLaTest has
        // the trajectory and RAG worked by hand).
        assertEquals(List.of(
                        list("2021-06-30", 50.0, null, null, 5L, 10L, null, null, null, null),
                        list("2021-12-31", 58.1, null, null, 187L, 322L, null, null, null, null)),
                rows("""
                        SELECT CAST(period_end AS VARCHAR), value, trajectory_value, rag, children, looked_after,
                               baseline_value, target_value, polarity, tolerance
                        FROM kpi_month WHERE la = 'Reqshire' AND kpi = 'block_supported_high_priority_share'
                        ORDER BY period_end"""));
    }

    @Test
    void aCapacityFileWithoutRequiredColumnsFailsTheRunNamingThem(@TempDir Path temp) throws Exception {
        InputProblem problem = FixtureWarehouse.problemRunningOneEpisodeWith(temp, "capacity_2022.csv",
                "PROVISION,OCCUPIED\nblock_supported_beds,3\n");
        assertEquals("capacity_2022.csv: looks like a capacity table but lacks the required columns DATE, CAPACITY",
                problem.getMessage());
    }
}
