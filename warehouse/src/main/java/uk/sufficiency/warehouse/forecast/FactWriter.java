package uk.sufficiency.warehouse.forecast;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import uk.sufficiency.warehouse.FactTable;

/**
 * Writes rows computed in Java as a fact's Parquet file, typed by the fact's column list, in a
 * private in-memory DuckDB (the snapshot's own connection may read its files but write nothing).
 */
final class FactWriter {
    private FactWriter() {
    }

    static void write(Path snapshot, FactTable table, List<Object[]> rows) {
        Path dir = snapshot.resolve(table.directory());
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            Files.createDirectories(dir);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE fact (" + table.columns() + ")");
            }
            try (DuckDBAppender appender = ((DuckDBConnection) connection).createAppender(
                    DuckDBConnection.DEFAULT_SCHEMA, "fact")) {
                for (Object[] row : rows) {
                    appender.beginRow();
                    for (Object value : row) {
                        append(appender, value);
                    }
                    appender.endRow();
                }
            }
            try (Statement statement = connection.createStatement()) {
                String file = dir.resolve("part-00000.parquet").toString().replace("'", "''");
                statement.execute("COPY fact TO '" + file + "' (FORMAT parquet)");
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("Cannot write the " + table.directory() + " facts: " + e.getMessage(), e);
        }
    }

    private static void append(DuckDBAppender appender, Object value) throws SQLException {
        if (value == null || (value instanceof Double d && (d.isNaN() || d.isInfinite()))) {
            appender.appendNull();
        } else if (value instanceof String s) {
            appender.append(s);
        } else if (value instanceof LocalDate d) {
            appender.append(d);
        } else if (value instanceof Double d) {
            appender.append(d.doubleValue());
        } else if (value instanceof Integer i) {
            appender.append(i.intValue());
        } else if (value instanceof Long l) {
            appender.append(l.longValue());
        } else {
            throw new IllegalArgumentException("Cannot write a " + value.getClass().getSimpleName() + " to a fact");
        }
    }
}
