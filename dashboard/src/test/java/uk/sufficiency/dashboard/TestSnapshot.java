package uk.sufficiency.dashboard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import uk.sufficiency.warehouse.FactTable;
import uk.sufficiency.warehouse.Snapshots;

/**
 * Writes a tiny published snapshot by hand, the way the pipeline would: one Parquet file per fact
 * directory, typed as FactTable documents, then {@link Snapshots#publish}. Tables given no rows
 * are written empty, so every view the warehouse defines can be opened.
 */
final class TestSnapshot {
    private final Map<FactTable, List<String>> rows = new EnumMap<>(FactTable.class);

    /** Adds rows to a fact table, each an SQL tuple in the column order of {@link #columns}. */
    TestSnapshot rows(FactTable table, String... tuples) {
        rows.computeIfAbsent(table, t -> new ArrayList<>()).addAll(List.of(tuples));
        return this;
    }

    /** The fact columns and types, as FactTable.java documents them; exhaustive, so a new fact fails here. */
    private static String columns(FactTable table) {
        return switch (table) {
            case EPISODES -> "la VARCHAR, child VARCHAR, decom DATE, dec DATE, rec VARCHAR, rne VARCHAR, "
                    + "legal_status VARCHAR, placement VARCHAR, provider VARCHAR, category VARCHAR, year INTEGER, "
                    + "repair VARCHAR";
            case CHILDREN -> "la VARCHAR, child VARCHAR, sex VARCHAR, dob DATE";
            case LA_WINDOW -> "la VARCHAR, first_year INTEGER, last_year INTEGER";
            case POPULATION -> "area VARCHAR, calendar_year INTEGER, population_0_17 BIGINT";
            case REJECTED_EPISODES -> "la VARCHAR, file VARCHAR, line INTEGER, child VARCHAR, reason VARCHAR";
            case DATA_QUALITY -> "la VARCHAR, source VARCHAR, warning VARCHAR, count BIGINT";
        };
    }

    /** Writes the facts into a staging directory and publishes it as the warehouse's current snapshot. */
    Path publish(Path warehouseDir) throws Exception {
        Snapshots snapshots = new Snapshots(warehouseDir);
        Path staging = snapshots.beginStaging();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duckdb.createStatement()) {
            for (FactTable table : FactTable.values()) {
                String name = table.directory();
                Path file = Files.createDirectories(staging.resolve(name)).resolve("part-0.parquet");
                sql.execute("CREATE TABLE " + name + " (" + columns(table) + ")");
                List<String> tuples = rows.getOrDefault(table, List.of());
                if (!tuples.isEmpty()) {
                    sql.execute("INSERT INTO " + name + " VALUES " + String.join(", ", tuples));
                }
                sql.execute("COPY (SELECT * FROM " + name + ") TO '" + file + "' (FORMAT parquet)");
            }
        }
        return snapshots.publish(staging);
    }
}
