package uk.sufficiency.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An analyst's SQL reads the published views and nothing else on the machine. */
class WarehouseLockDownTest {
    @TempDir
    Path dir;

    @Test
    void queriesReachTheViewsButNotOtherFiles() throws Exception {
        Snapshots snapshots = new Snapshots(dir);
        Path staging = snapshots.beginStaging();
        // One empty-but-typed Parquet file per fact, and a window of 2021-2022 (24 month ends).
        Map<FactTable, String> facts = Map.of(
                FactTable.EPISODES, "SELECT 'A' AS la, 'c' AS child, DATE '2021-01-01' AS decom, NULL::DATE AS dec, NULL AS rec, 'S' AS rne,"
                        + " 'C2' AS legal_status, 'U4' AS placement, 'PR1' AS provider, 'foster_inhouse' AS category, 2021 AS year, NULL AS repair LIMIT 0",
                FactTable.CHILDREN, "SELECT 'A' AS la, 'c' AS child, 'male' AS sex, NULL::DATE AS dob LIMIT 0",
                FactTable.LA_WINDOW, "SELECT 'A' AS la, 2021 AS first_year, 2022 AS last_year",
                FactTable.POPULATION, "SELECT 'A' AS area, 2021 AS calendar_year, 1000::BIGINT AS population_0_17 LIMIT 0",
                FactTable.REJECTED_EPISODES, "SELECT 'A' AS la, 'f' AS file, 1 AS line, 'c' AS child, 'bad_code' AS reason, 'd' AS detail LIMIT 0",
                FactTable.DATA_QUALITY, "SELECT 'A' AS la, 'episodes' AS source, 'w' AS warning, 1::BIGINT AS count LIMIT 0");
        try (var duckdb = DriverManager.getConnection("jdbc:duckdb:"); var statement = duckdb.createStatement()) {
            for (var fact : facts.entrySet()) {
                Path folder = Files.createDirectories(staging.resolve(fact.getKey().directory()));
                statement.execute("COPY (" + fact.getValue() + ") TO '" + folder.resolve("part-0.parquet") + "' (FORMAT parquet)");
            }
        }
        snapshots.publish(staging);
        InstallationSecret.load(dir);
        try (Warehouse warehouse = Warehouse.openCurrent(dir)) {
            assertEquals(24L, ((Number) warehouse.query("SELECT count(*) AS n FROM month_ends").get(0).get("n")).longValue());
            StringBuilder out = new StringBuilder();
            SQLException refused = assertThrows(SQLException.class, () ->
                    warehouse.writeCsv("SELECT * FROM read_csv('" + dir.resolve(".pseudonym-key") + "')", out));
            assertTrue(refused.getMessage().contains("disabled by configuration"), refused.getMessage());
            assertThrows(SQLException.class, () -> warehouse.writeCsv("SELECT * FROM read_text('/etc/hostname')", out));

            // Month ends April 2020 to March 2022: 9 in 2020, 12 in 2021, 3 in 2022. The product's own
            // queries are kept per snapshot: the second answer is the first, and read-only.
            String byYear = "SELECT year(month_end) AS y, count(*) AS n FROM month_ends WHERE la = ? GROUP BY ALL ORDER BY y";
            var first = warehouse.queryCached(byYear, "A");
            assertEquals(List.of(Map.of("y", 2020L, "n", 9L), Map.of("y", 2021L, "n", 12L), Map.of("y", 2022L, "n", 3L)),
                    first.stream().map(row -> Map.of("y", ((Number) row.get("y")).longValue(),
                            "n", ((Number) row.get("n")).longValue())).toList());
            assertSame(first, warehouse.queryCached(byYear, "A"));
            assertTrue(warehouse.queryCached(byYear, "B").isEmpty(), "parameters are part of the key");
            assertThrows(UnsupportedOperationException.class, () -> first.get(0).put("n", 0));
        }
    }
}
