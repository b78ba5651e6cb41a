package uk.sufficiency.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The loader of the views' SQL files: their order, and no file missing, doubled or forgotten. */
class SqlFilesTest {
    @Test
    void filesRunInTheIndexOrder() throws SQLException {
        List<SqlFiles.SqlFile> files = SqlFiles.read("sqlfiles/ordered/order.txt");
        assertEquals(List.of("b_stock.sql", "a_doubled.sql"), files.stream().map(SqlFiles.SqlFile::path).toList());
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            SqlFiles.run(statement, files); // a_doubled reads b_stock: it fails unless b_stock runs first
            try (ResultSet row = statement.executeQuery("SELECT children FROM a_doubled")) {
                row.next();
                assertEquals(42, row.getInt(1));
            }
        }
    }

    @Test
    void aListedFileThatIsNotThereIsAnErrorNamingIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SqlFiles.read("sqlfiles/missing/order.txt"));
        assertEquals("The SQL resource sqlfiles/missing/absent.sql is not on the classpath", e.getMessage());
    }

    @Test
    void aFileListedTwiceIsAnError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SqlFiles.read("sqlfiles/twice/order.txt"));
        assertEquals("sqlfiles/twice/order.txt lists once.sql twice", e.getMessage());
    }

    @Test
    void aFailingStatementNamesItsFile() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            SQLException e = assertThrows(SQLException.class,
                    () -> SqlFiles.run(statement, SqlFiles.read("sqlfiles/broken/order.txt")));
            assertTrue(e.getMessage().startsWith("reads_nothing.sql: "), e.getMessage());
        }
    }

    /** A view's file the index forgets would never be created: every .sql file is listed, once. */
    @Test
    void theWarehouseIndexListsEverySqlFileOnce() throws Exception {
        Path folder = Path.of(SqlFilesTest.class.getClassLoader().getResource(WarehouseViews.ORDER).toURI()).getParent();
        List<String> onDisk;
        try (Stream<Path> walk = Files.walk(folder)) {
            onDisk = walk.filter(p -> p.toString().endsWith(".sql"))
                    .map(p -> folder.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
        List<String> listed = SqlFiles.read(WarehouseViews.ORDER).stream().map(SqlFiles.SqlFile::path).sorted().toList();
        assertEquals(onDisk, listed);
        assertTrue(listed.size() >= 30, "the views' files: " + listed);
    }
}
