package uk.sufficiency.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ReadOnlySqlTest {
    @Test
    void queriesPass() {
        assertEquals("SELECT * FROM cla_year", ReadOnlySql.check("  SELECT * FROM cla_year; "));
        assertEquals("with x as (select 1) select * from x", ReadOnlySql.check("with x as (select 1) select * from x"));
        // Forbidden words inside a string literal are data, not commands.
        assertEquals("SELECT 'copy; attach' AS note", ReadOnlySql.check("SELECT 'copy; attach' AS note"));
    }

    @Test
    void anythingElseIsRefused() {
        for (String sql : new String[] {"", "DROP VIEW episodes", "CREATE TABLE t AS SELECT 1",
                "SELECT 1; DROP VIEW episodes", "COPY episodes TO 'x.csv'", "SELECT * FROM episodes; SELECT 1",
                "INSERT INTO t VALUES (1)", "ATTACH 'x.db'", "WITH x AS (SELECT 1) COPY x TO 'f'", "PRAGMA version"}) {
            assertThrows(IllegalArgumentException.class, () -> ReadOnlySql.check(sql), sql);
        }
    }
}
