package uk.sufficiency.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * SQL files on the classpath, one statement each, in the order an index file lists them: one path a
 * line, relative to the index's folder; blank lines and lines starting with {@code #} are skipped.
 */
public final class SqlFiles {
    /** One file: its path as the index names it, and its statement. */
    record SqlFile(String path, String sql) {
    }

    private SqlFiles() {
    }

    /** The files an index lists, in its order; a file listed twice or not on the classpath is an error naming it. */
    static List<SqlFile> read(String index) {
        String folder = index.substring(0, index.lastIndexOf('/') + 1);
        List<SqlFile> files = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (String line : resource(index).split("\n")) {
            String path = line.strip();
            if (path.isEmpty() || path.startsWith("#")) {
                continue;
            }
            if (!listed.add(path)) {
                throw new IllegalStateException(index + " lists " + path + " twice");
            }
            files.add(new SqlFile(path, resource(folder + path)));
        }
        return files;
    }

    /** Runs each file's statement in order; a failure names the file. */
    static void run(Statement statement, List<SqlFile> files) throws SQLException {
        for (SqlFile file : files) {
            try {
                statement.execute(file.sql());
            } catch (SQLException e) {
                throw new SQLException(file.path() + ": " + e.getMessage(), e);
            }
        }
    }

    /** The text of a resource on the classpath; one that is not there is an error naming it. */
    public static String resource(String name) {
        try (InputStream in = SqlFiles.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The SQL resource " + name + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
    }
}
