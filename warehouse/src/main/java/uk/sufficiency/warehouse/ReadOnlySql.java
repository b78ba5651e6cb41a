package uk.sufficiency.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The analyst's SQL prompt ({@code ./sufficiency sql}). Nothing here reads the SQL for keywords:
 * DuckDB's own parser says whether the text is exactly one query, and the query runs on a session
 * that cannot change the warehouse. That session is a DuckDB database opened read-only whose views
 * point at a private copy of the snapshot (an owner-only temporary folder, removed on close), with
 * file access limited to that copy, spill files in the same private folder and the configuration
 * locked. DuckDB can write files from inside a query (e.g. its file log), so the copy is what such a
 * write reaches: the published snapshot, the key and the working directory are out of reach.
 */
public final class ReadOnlySql implements AutoCloseable {
    private final Path privateDir;
    private final Connection connection;

    private ReadOnlySql(Path privateDir, Connection connection) {
        this.privateDir = privateDir;
        this.connection = connection;
    }

    /** A read-only session over a published snapshot. */
    public static ReadOnlySql open(Path snapshot) {
        Path privateDir = PrivateDir.createTemp("sufficiency-sql-");
        try {
            Path copy = privateDir.resolve("snapshot");
            copyTree(snapshot, copy);
            Path database = privateDir.resolve("views.duckdb");
            try (Connection writable = DriverManager.getConnection("jdbc:duckdb:" + database)) {
                WarehouseViews.create(writable, copy);
            }
            Properties properties = new Properties();
            properties.setProperty("duckdb.read_only", "true");
            properties.setProperty("temp_directory", privateDir.resolve("spill").toString());
            Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database, properties);
            Warehouse.lockDown(connection, copy);
            return new ReadOnlySql(privateDir, connection);
        } catch (SQLException | RuntimeException e) {
            PrivateDir.deleteTree(privateDir);
            throw new IllegalStateException("Cannot open the warehouse snapshot " + snapshot + " for SQL: "
                    + e.getMessage(), e);
        }
    }

    /** Where DuckDB may spill; for tests. */
    String temporaryDirectory() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT current_setting('temp_directory')")) {
            row.next();
            return row.getString(1);
        }
    }

    /**
     * Runs one query and writes its result as CSV with a header row. Refused (before anything runs)
     * unless DuckDB's parser reads the text as exactly one query: SELECT, WITH, FROM, VALUES, TABLE,
     * DESCRIBE, SHOW or SUMMARIZE.
     */
    public void writeCsv(String sql, Appendable out) throws SQLException {
        checkOneQuery(sql);
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
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
                    Object value = rows.getObject(i);
                    cells.add(Csv.cell(value));
                }
                out.append(String.join(",", cells)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * DuckDB's statement extraction, without running anything: {@code json_serialize_sql} parses the
     * text as DuckDB will and serialises only queries, so another kind of statement is an error.
     */
    private void checkOneQuery(String sql) throws SQLException {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("No SQL given.");
        }
        try (PreparedStatement parse = connection.prepareStatement("SELECT CAST(j->>'$.error' AS BOOLEAN),"
                + " json_array_length(j->'$.statements'), j->>'$.error_type', j->>'$.error_message'"
                + " FROM (SELECT json_serialize_sql(CAST(? AS VARCHAR)) AS j)")) {
            parse.setString(1, sql);
            try (ResultSet row = parse.executeQuery()) {
                row.next();
                if (row.getBoolean(1)) {
                    throw new IllegalArgumentException("not implemented".equals(row.getString(3))
                            ? "Only queries can run here (SELECT, WITH, FROM, VALUES, DESCRIBE, SHOW, SUMMARIZE):"
                              + " DuckDB reads a statement of another kind in this text, so nothing was run."
                            : "DuckDB cannot read this SQL (" + row.getString(4) + "), so nothing was run.");
                }
                long statements = row.getLong(2);
                if (statements == 0) {
                    throw new IllegalArgumentException("No SQL given.");
                }
                if (statements > 1) {
                    throw new IllegalArgumentException("One query at a time: DuckDB reads " + statements
                            + " statements in this text, so nothing was run.");
                }
            }
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + from + " for the SQL session", e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            PrivateDir.deleteTree(privateDir);
        }
    }
}
