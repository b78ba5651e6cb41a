package uk.sufficiency.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The counting rules of sql/rules, each a DuckDB macro, against counting-rules.md §1, §6 and §7. */
class RuleMacrosTest {
    private Connection connection;

    @BeforeEach
    void defineRules() throws SQLException {
        connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = connection.createStatement()) {
            SqlFiles.run(statement, SqlFiles.read(WarehouseViews.ORDER).stream()
                    .filter(f -> f.path().startsWith("rules/")).toList());
        }
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private Object value(String expression) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT " + expression)) {
            row.next();
            return row.getObject(1);
        }
    }

    @Test
    void collectionYearEndsOn31March() throws SQLException {
        assertEquals(2024L, ((Number) value("collection_year(DATE '2024-03-31')")).longValue());
        assertEquals(2025L, ((Number) value("collection_year(DATE '2024-04-01')")).longValue());
        assertEquals(2025L, ((Number) value("collection_year(DATE '2025-01-15')")).longValue());
    }

    @Test
    void ageIsCompletedYearsAndA29FebruaryBirthdayTurnsOn1March() throws SQLException {
        assertEquals(10L, ((Number) value("age_on(DATE '2010-06-15', DATE '2020-06-15')")).longValue());
        assertEquals(9L, ((Number) value("age_on(DATE '2010-06-15', DATE '2020-06-14')")).longValue());
        assertEquals(16L, ((Number) value("age_on(DATE '2008-02-29', DATE '2025-02-28')")).longValue());
        assertEquals(17L, ((Number) value("age_on(DATE '2008-02-29', DATE '2025-03-01')")).longValue());
        assertEquals(0L, ((Number) value("age_on(DATE '2020-01-31', DATE '2020-01-31')")).longValue());
        assertEquals(null, value("age_on(DATE '2020-02-01', DATE '2020-01-31')")); // born after the day
        assertEquals(null, value("age_on(CAST(NULL AS DATE), DATE '2020-01-31')"));
    }

    @Test
    void shortBreaksAreNeverCounted() throws SQLException {
        for (String shortBreak : List.of("V3", "V4")) {
            assertEquals(false, value("counted('" + shortBreak + "')"), shortBreak);
        }
        for (String status : List.of("C1", "C2", "V2", "J1", "E1")) {
            assertEquals(true, value("counted('" + status + "')"), status);
        }
    }
}
