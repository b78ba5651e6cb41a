package uk.sufficiency.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tricks of issue 13 against {@code ./sufficiency sql}: none changes a byte of the warehouse. */
class ReadOnlySqlTest {
    @TempDir
    Path temp;

    @Test
    void noTrickWritesAnything() throws Exception {
        Path warehouseDir = temp.resolve("wh");
        Path snapshot = MinimalSnapshot.publish(warehouseDir);
        InstallationSecret.load(warehouseDir);
        String fact = snapshot.resolve("la_window/part-0.parquet").toString();
        String[] tricks = {
            // The issue's: a quote inside a comment hid the second statement from the old keyword check.
            "SELECT 1 /* ' */ ; COPY (SELECT * FROM la_window WHERE la = 'X') TO '" + fact + "' (FORMAT parquet) /* ' */",
            "COPY (SELECT 'X' AS la, 1 AS first_year, 1 AS last_year) TO '" + fact + "' (FORMAT parquet)",
            "ATTACH '" + snapshot.resolve("extra.db") + "' AS extra (READ_WRITE)",
            "SELECT 1; ATTACH '" + snapshot.resolve("extra.db") + "' AS extra",
            "EXPORT DATABASE '" + snapshot.resolve("export") + "'",
            "COPY (SELECT 1 AS x) TO '.tmp/out.csv'",
            "SELECT 1; SELECT 2",
            "SELECT 'a;b' AS x; COPY la_window TO '" + fact + "'",
            "SELECT 1 -- '\n; COPY la_window TO '" + fact + "'",
            "SELECT $$ ' $$ AS x; COPY la_window TO '" + fact + "'",
            "SET enable_external_access = true",
            "CREATE TABLE t AS SELECT 1",
            "SELECT * FROM read_text('" + warehouseDir.resolve(".pseudonym-key") + "')",
            "SELECT * FROM read_text('/etc/hostname')",
        };
        Map<String, String> before = hashes(warehouseDir);
        Path workingDirTmp = Path.of(".tmp", "out.csv");
        for (String trick : tricks) {
            try (ReadOnlySql session = ReadOnlySql.open(snapshot)) {
                try {
                    session.writeCsv(trick, new StringBuilder());
                    session.writeCsv("SELECT 1 AS after_the_trick", new StringBuilder()); // the session still answers
                } catch (IllegalArgumentException | SQLException refused) {
                    // refused before or while running: either way, nothing may have changed
                }
            }
            assertEquals(before, hashes(warehouseDir), trick);
            assertFalse(Files.exists(workingDirTmp), trick);
        }
        try (ReadOnlySql session = ReadOnlySql.open(snapshot)) {
            StringBuilder out = new StringBuilder();
            session.writeCsv("SELECT count(*) AS n FROM la_window", out);
            assertEquals("n\n1\n", out.toString());
            // Numbers as plain decimals, formula-looking text neutralised (CsvTest).
            StringBuilder csv = new StringBuilder();
            session.writeCsv("SELECT '=1+2' AS la, '-1+2' AS provider, 18026166.6::DOUBLE AS spend,"
                    + " -3.5::DOUBLE AS change, 12345678.25::DECIMAL(12, 2) AS total", csv);
            assertEquals("la,provider,spend,change,total\n'=1+2,'-1+2,18026166.6,-3.5,12345678.25\n", csv.toString());
        }
    }

    @Test
    void refusalsSayWhyBeforeRunningAnything() throws Exception {
        Path snapshot = MinimalSnapshot.publish(temp.resolve("wh"));
        try (ReadOnlySql session = ReadOnlySql.open(snapshot)) {
            assertEquals("One query at a time: DuckDB reads 2 statements in this text, so nothing was run.",
                    refusal(session, "SELECT 1; SELECT 2"));
            assertTrue(refusal(session, "SELECT 1 /* ' */ ; COPY la_window TO 'x.csv' /* ' */")
                    .startsWith("Only queries can run here"));
            assertEquals("DuckDB cannot read this SQL (syntax error at or near \"SELEC\"), so nothing was run.",
                    refusal(session, "SELEC 1"));
            assertEquals("No SQL given.", refusal(session, " ; "));
            assertEquals("No SQL given.", refusal(session, ""));
        }
    }

    @Test
    void honestQueriesRunWhateverTheirWordsOrFolders() throws Exception {
        // The old keyword check refused a warehouse folder named like this one ("COPY" in it).
        Path snapshot = MinimalSnapshot.publish(temp.resolve("wh3copy"));
        Path privateDir;
        try (ReadOnlySql session = ReadOnlySql.open(snapshot)) {
            StringBuilder out = new StringBuilder();
            session.writeCsv("SELECT la, first_year, last_year FROM la_window;", out);
            session.writeCsv("SELECT 'copy; attach' AS note", out);
            session.writeCsv("WITH w AS (SELECT * FROM la_window) FROM w SELECT count(*) AS n", out);
            session.writeCsv("SELECT count(*) AS months FROM month_ends WHERE la = 'A'", out);
            assertEquals("la,first_year,last_year\nA,2021,2022\nnote\ncopy; attach\nn\n1\nmonths\n24\n", out.toString());
            privateDir = Path.of(session.temporaryDirectory()).getParent();
            assertFalse(privateDir.startsWith(Path.of("").toAbsolutePath()), "spill outside the working directory");
            if (privateDir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(privateDir)));
            }
        }
        assertFalse(Files.exists(privateDir), "the private copy is removed on close");
    }

    private static String refusal(ReadOnlySql session, String sql) throws SQLException {
        try {
            session.writeCsv(sql, new StringBuilder());
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        fail("not refused: " + sql);
        return null;
    }

    // Not tried here: a query may ask DuckDB to write its log to a file (enable_logging). Inside the
    // session's copy that write is thrown away with the copy; anywhere else DuckDB 1.4 refuses it by
    // aborting the process, which ends the sql command with nothing written but would end this test JVM.

    /** Every file and folder under the warehouse, with a SHA-256 of each file's bytes. */
    private static Map<String, String> hashes(Path root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                String hash = Files.isDirectory(p) ? "dir"
                        : HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
                out.put(root.relativize(p).toString(), hash);
            }
        }
        return out;
    }
}
