package uk.sufficiency.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A DuckDB session over one published snapshot, with the views of docs/warehouse-views.md. Open one
 * per snapshot and share it: DuckDB connections are cheap to duplicate for concurrent readers.
 */
public final class Warehouse implements AutoCloseable {
    /** Distinct product queries whose results are kept; the dashboard's figures for a few LAs fit many times over. */
    private static final int CACHED_QUERIES = 2000;

    private final Path snapshot;
    private final Connection connection;
    /** Results of the product's own queries: a published snapshot never changes, so neither do they. */
    private final Map<String, List<Map<String, Object>>> results = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<Map<String, Object>>> eldest) {
                    return size() > CACHED_QUERIES;
                }
            });

    private Warehouse(Path snapshot, Connection connection) {
        this.snapshot = snapshot;
        this.connection = connection;
    }

    /** Opens the current snapshot of a warehouse directory, or fails saying there is none yet. */
    public static Warehouse openCurrent(Path warehouseDir) {
        Path snapshot = new Snapshots(warehouseDir).current().orElseThrow(() -> new IllegalStateException(
                "No published snapshot in " + warehouseDir + ": run './sufficiency run' first."));
        return open(snapshot);
    }

    public static Warehouse open(Path snapshot) {
        try {
            Properties properties = new Properties();
            properties.setProperty("threads", String.valueOf(Math.max(1, Runtime.getRuntime().availableProcessors())));
            Connection connection = DriverManager.getConnection("jdbc:duckdb:", properties);
            WarehouseViews.create(connection, snapshot);
            lockDown(connection, snapshot);
            return new Warehouse(snapshot, connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the warehouse snapshot " + snapshot + ": " + e.getMessage(), e);
        }
    }

    /**
     * After the views exist, DuckDB may read this snapshot's files and nothing else, and the setting
     * cannot be undone: an analyst's query cannot reach the pseudonymisation key or raw input files.
     */
    private static void lockDown(Connection connection, Path snapshot) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            String dir = snapshot.toAbsolutePath().normalize().toString().replace("'", "''");
            statement.execute("SET allowed_directories = ['" + dir + "/']");
            statement.execute("SET enable_external_access = false");
            statement.execute("SET lock_configuration = true");
        }
    }

    public Path snapshot() {
        return snapshot;
    }

    /** A further connection to the same in-memory views, for a concurrent reader. */
    public Connection newConnection() throws SQLException {
        return ((org.duckdb.DuckDBConnection) connection).duplicate();
    }

    /** Runs a parameterised query written by the product (never user text) and returns its rows. */
    public List<Map<String, Object>> query(String sql, Object... parameters) {
        try (Connection c = newConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return toMaps(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Warehouse query failed: " + e.getMessage(), e);
        }
    }

    /**
     * {@link #query}, answered from memory when the same query with the same parameters has run on
     * this snapshot before. The rows are read-only; copy one to change it. Meant for aggregates: a
     * query returning child-level rows would be kept in memory too.
     */
    public List<Map<String, Object>> queryCached(String sql, Object... parameters) {
        String key = sql + '\u0000' + Arrays.deepToString(parameters);
        List<Map<String, Object>> rows = results.get(key);
        if (rows == null) { // two first readers may both run it; the answer is the same
            rows = query(sql, parameters).stream().map(Collections::unmodifiableMap).toList();
            results.put(key, rows);
        }
        return rows;
    }

    /** Runs an analyst's read-only statement and writes the result as CSV with a header row. */
    public void writeCsv(String analystSql, Appendable out) throws SQLException {
        String sql = ReadOnlySql.check(analystSql);
        try (Connection c = newConnection(); Statement statement = c.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rows.getMetaData();
            int columns = meta.getColumnCount();
            List<String> cells = new ArrayList<>(columns);
            for (int i = 1; i <= columns; i++) {
                cells.add(Csv.cell(meta.getColumnLabel(i)));
            }
            out.append(String.join(",", cells)).append('\n');
            while (rows.next()) {
                cells.clear();
                for (int i = 1; i <= columns; i++) {
                    cells.add(Csv.cell(rows.getObject(i)));
                }
                out.append(String.join(",", cells)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Map<String, Object>> toMaps(ResultSet rows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        List<Map<String, Object>> result = new ArrayList<>();
        while (rows.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                row.put(meta.getColumnLabel(i), rows.getObject(i));
            }
            result.add(row);
        }
        return result;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
