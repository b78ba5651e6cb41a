package uk.sufficiency.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The product's own queries read the published views and nothing else on the machine. */
class WarehouseLockDownTest {
    @TempDir
    Path dir;

    @Test
    void queriesReachTheViewsButNotOtherFiles() throws Exception {
        MinimalSnapshot.publish(dir);
        InstallationSecret.load(dir);
        try (Warehouse warehouse = Warehouse.openCurrent(dir)) {
            assertEquals(24L, ((Number) warehouse.query("SELECT count(*) AS n FROM month_ends").get(0).get("n")).longValue());
            IllegalStateException refused = assertThrows(IllegalStateException.class, () ->
                    warehouse.query("SELECT * FROM read_csv('" + dir.resolve(".pseudonym-key") + "')"));
            assertTrue(refused.getMessage().contains("disabled by configuration"), refused.getMessage());
            assertThrows(IllegalStateException.class, () -> warehouse.query("SELECT * FROM read_text('/etc/hostname')"));
            // Spill goes to a private folder, not the working directory's .tmp/.
            String spill = (String) warehouse.query("SELECT current_setting('temp_directory') AS t").get(0).get("t");
            assertTrue(spill.contains("sufficiency-duckdb-"), spill);

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
