package uk.sufficiency.warehouse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;

/** A published snapshot with one empty-but-typed Parquet file per core fact, and a window of 2021-2022 for LA 'A'. */
final class MinimalSnapshot {
    private MinimalSnapshot() {
    }

    static Path publish(Path warehouseDir) throws Exception {
        Snapshots snapshots = new Snapshots(warehouseDir);
        Path staging = snapshots.beginStaging();
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
        return snapshots.publish(staging);
    }
}
