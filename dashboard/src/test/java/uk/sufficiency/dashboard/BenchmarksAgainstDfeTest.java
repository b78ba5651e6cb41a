package uk.sufficiency.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.sufficiency.dashboard.DashboardServerTest.assertJson;
import static uk.sufficiency.dashboard.SnapshotRows.list;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.sufficiency.warehouse.FactTable;

/**
 * The warehouse's own figures checked against DfE's published ones for the same LA and year (issue
 * 11, point 2), on {@link TestSnapshot#lancashireAndBlackpool()} (collection year 2022: Lancashire 1
 * looked after at 31 March, rate 3.3; started 5, 16.7; ceased 4, 13.3; population 3,000. Blackpool 7,
 * 35.0; started 7, 35.0; population 2,000) with these published LA rows, worked by hand against the
 * margin (a count off by more than 5% of DfE's and more than 5 children, or a rate off by more than
 * 5% of DfE's and more than 1 per 10,000):
 * <ul>
 * <li>Lancashire 31 March: DfE 20 children, 67: off by 19 children, so it differs; ranked on 67
 * among Alphatown 50, Betaville 70, Gammaford 90 and Blackpool 36: two lower, rank 3 of 5, position
 * 2 / 5 = 0.4, band B (on its own 3.3 it would have been rank 1, band A).
 * <li>Lancashire started: DfE 5 children (the same) but 19 per 10,000 (DfE's population is smaller):
 * off by 2.3 &gt; max(0.95, 1), so it differs on the rate alone; ranked on 19 against Blackpool's 37:
 * rank 1 of 2, band A.
 * <li>Lancashire ceased: DfE 4 children, 14: off by 0.7 per 10,000, within 1: agrees; no other LA
 * publishes ceased, so no rank. Blackpool ceased (0.0, nothing published for it) has no check and is
 * the lower of two: rank 1, band A.
 * <li>Blackpool 31 March: DfE 12 children, 36: off by exactly 5 children and 1 per 10,000, not more:
 * agrees, ranked on its own 35.0: lowest of Lancashire 67, Alphatown 50, Betaville 70, Gammaford 90,
 * rank 1 of 5, band A.
 * <li>Blackpool started: DfE 13 children, 37: off by 6 children: differs; ranked on 37 against
 * Lancashire's 19: rank 2 of 2, one lower, 1 / 2 = 0.5, band C.
 * </ul>
 */
class BenchmarksAgainstDfeTest {
    @TempDir
    Path dir;
    private Path snapshot;

    @BeforeEach
    void warehouse() throws Exception {
        snapshot = TestSnapshot.lancashireAndBlackpool()
                .rows(FactTable.BENCHMARK_RATES,
                        row("Lancashire", "888", "looked_after_31_march", 20, 67),
                        row("Lancashire", "888", "started", 5, 19),
                        row("Lancashire", "888", "ceased", 4, 14),
                        row("Blackpool", "890", "looked_after_31_march", 12, 36),
                        row("Blackpool", "890", "started", 13, 37),
                        row("Alphatown", "801", "looked_after_31_march", 100, 50),
                        row("Betaville", "802", "looked_after_31_march", 140, 70),
                        row("Gammaford", "803", "looked_after_31_march", 180, 90))
                .publish(dir);
        TestUsers.write(dir);
    }

    private static String row(String area, String code, String measure, int children, int rate) {
        return "('%s', '%s', NULL, 'la', 'North West', 2022, '%s', %d, %d, NULL, NULL, 'dfe.csv')"
                .formatted(area, code, measure, children, rate);
    }

    private List<List<Object>> rows(String sql) {
        return SnapshotRows.of(snapshot, sql);
    }

    @Test
    void aFigureThatDiffersFromDfesIsFlaggedAndRankedOnDfes() throws Exception {
        assertEquals(List.of(
                list("Blackpool", "ceased", 0.0, null, null, null, null, "warehouse", 1, "A"),
                list("Blackpool", "looked_after_31_march", 35.0, 36.0, 12L, "agrees", -5L, "warehouse", 1, "A"),
                list("Blackpool", "started", 35.0, 37.0, 13L, "differs", -6L, "published", 2, "C"),
                list("Lancashire", "ceased", 13.3, 14.0, 4L, "agrees", 0L, "warehouse", null, null),
                list("Lancashire", "looked_after_31_march", 3.3, 67.0, 20L, "differs", -19L, "published", 3, "B"),
                list("Lancashire", "started", 16.7, 19.0, 5L, "differs", 0L, "published", 1, "A")),
                rows("""
                        SELECT la, measure, la_rate, dfe_la_rate, dfe_la_children, dfe_check, children_difference,
                               ranked_on, rank, quartile_band
                        FROM benchmark_comparison ORDER BY la, measure"""));
        assertEquals(List.of(list(-63.7, 5, -2.3, 2)), rows("""
                SELECT max(rate_difference) FILTER (WHERE measure = 'looked_after_31_march'),
                       max(las_ranked) FILTER (WHERE measure = 'looked_after_31_march'),
                       max(rate_difference) FILTER (WHERE measure = 'started'),
                       max(las_ranked) FILTER (WHERE measure = 'started')
                FROM benchmark_comparison WHERE la = 'Lancashire'"""));
    }

    @Test
    void theDataQualityPageListsTheDifferencesAndTheBenchmarksPageSaysThemInWords() {
        TestUsers.as(dir, TestUsers.LANCASHIRE, browser -> {
            assertJson("""
                    {"rows": [
                     {"year": 2022, "measure": "looked_after_31_march", "children": 1, "dfe_la_children": 20,
                      "children_difference": -19, "la_rate": 3.3, "dfe_la_rate": 67.0, "rate_difference": -63.7,
                      "ranked_on": "published"},
                     {"year": 2022, "measure": "started", "children": 5, "dfe_la_children": 5,
                      "children_difference": 0, "la_rate": 16.7, "dfe_la_rate": 19.0, "rate_difference": -2.3,
                      "ranked_on": "published"}]}""", browser.get("/api/benchmark-dfe-differences?la=Lancashire"));
            String quality = browser.get("/data-quality?la=Lancashire").body();
            assertTrue(quality.contains("data-src=\"/api/benchmark-dfe-differences?la=Lancashire\"")
                    || quality.contains("/api/benchmark-dfe-differences.csv?la=Lancashire"), quality);
            String page = browser.get("/benchmarks?la=Lancashire").body();
            assertTrue(page.contains("The warehouse's figure differs from DfE's published figure for this LA by"
                    + " more than the margin in 2022 (warehouse: rate 3.3, count 1; DfE: rate 67.0, count 20): those"
                    + " years are ranked on DfE's figure."), page);
            assertTrue(page.contains("rank 3 of 5 LAs, quartile band B"), page);
            // No England, region or neighbour rows are loaded: the chart says so rather than leaving them out.
            assertTrue(page.contains("Not drawn: England, the region, statistical neighbours, because no published"
                    + " figure for this measure is loaded for them"), page);
        });
        // Another LA's reader: Lancashire's 1 child, and the rate and differences from it, are [c].
        TestUsers.as(dir, TestUsers.BLACKPOOL, browser -> {
            String json = browser.get("/api/benchmark-dfe-differences?la=Lancashire").body();
            assertTrue(json.contains("{\"year\":2022,\"measure\":\"looked_after_31_march\",\"children\":\"[c]\","
                    + "\"dfe_la_children\":20,\"children_difference\":\"[c]\",\"la_rate\":\"[c]\",\"dfe_la_rate\":67.0,"
                    + "\"rate_difference\":\"[c]\",\"ranked_on\":\"[c]\"}"), json);
        });
    }
}
