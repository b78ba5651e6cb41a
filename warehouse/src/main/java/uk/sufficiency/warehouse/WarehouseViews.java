package uk.sufficiency.warehouse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The published views (docs/warehouse-views.md) over one snapshot's Parquet facts. Spark stores
 * what is expensive to derive (deduplicated, repaired episodes); DuckDB derives the child-by-month
 * stock and the yearly figures on read, so the large child-month grain is never written to disk.
 */
final class WarehouseViews {
    private WarehouseViews() {
    }

    /** Collection year (ending 31 March) that contains a date. */
    private static String collectionYear(String date) {
        return "(CASE WHEN month(" + date + ") >= 4 THEN year(" + date + ") + 1 ELSE year(" + date + ") END)";
    }

    /** Completed years from dob to d: comparing (month, day) gives the 29 February rule for free. */
    private static String ageOn(String dob, String d) {
        return "(CASE WHEN " + dob + " IS NULL OR " + dob + " > " + d + " THEN NULL ELSE year(" + d + ") - year(" + dob
                + ") - CASE WHEN month(" + d + ") * 100 + day(" + d + ") < month(" + dob + ") * 100 + day(" + dob
                + ") THEN 1 ELSE 0 END END)";
    }

    static List<String> definitions(Path snapshot) {
        return List.of(
                fact(snapshot, FactTable.EPISODES, "episodes"),
                fact(snapshot, FactTable.CHILDREN, "children"),
                fact(snapshot, FactTable.LA_WINDOW, "la_window"),
                fact(snapshot, FactTable.POPULATION, "population"),
                fact(snapshot, FactTable.REJECTED_EPISODES, "rejected_episodes"),
                fact(snapshot, FactTable.DATA_QUALITY, "data_quality"),
                """
                CREATE VIEW month_ends AS
                SELECT la, CAST(last_day(m) AS DATE) AS month_end
                FROM (SELECT la, unnest(generate_series(make_date(first_year - 1, 4, 1), make_date(last_year, 3, 1),
                                                       INTERVAL 1 MONTH)) AS m
                      FROM la_window)""",
                """
                CREATE VIEW cla_month_end AS
                SELECT la, month_end, child, age,
                       CASE WHEN age IS NULL THEN 'Unknown' WHEN age < 1 THEN 'Under 1' WHEN age <= 4 THEN '1 to 4'
                            WHEN age <= 9 THEN '5 to 9' WHEN age <= 15 THEN '10 to 15' ELSE '16 and over' END AS age_band,
                       sex, legal_status, placement, provider, category
                FROM (SELECT m.la, m.month_end, e.child, %s AS age, coalesce(c.sex, 'unknown') AS sex,
                             e.legal_status, e.placement, e.provider, e.category
                      FROM month_ends m
                      JOIN episodes e ON e.la = m.la AND e.decom <= m.month_end
                                     AND (e.dec IS NULL OR e.dec > m.month_end)
                      LEFT JOIN children c ON c.la = e.la AND c.child = e.child
                      WHERE e.legal_status NOT IN ('V3', 'V4'))""".formatted(ageOn("c.dob", "m.month_end")),
                """
                CREATE VIEW cla_year AS
                WITH years AS (
                    SELECT la, unnest(range(first_year, last_year + 1)) AS year FROM la_window),
                stock AS (
                    SELECT la, year(month_end) AS year, count(*) AS n
                    FROM cla_month_end WHERE month(month_end) = 3 GROUP BY ALL),
                started AS (
                    SELECT la, %1$s AS year, count(DISTINCT child) AS n FROM episodes
                    WHERE rne = 'S' AND legal_status NOT IN ('V3', 'V4') GROUP BY ALL),
                ceased AS (
                    SELECT la, %2$s AS year, count(DISTINCT child) AS n FROM episodes
                    WHERE dec IS NOT NULL AND rec IS NOT NULL AND rec <> 'X1'
                      AND legal_status NOT IN ('V3', 'V4') GROUP BY ALL)
                SELECT y.la, CAST(y.year AS INTEGER) AS year,
                       coalesce(stock.n, 0) AS looked_after_31_march,
                       coalesce(started.n, 0) AS started,
                       coalesce(ceased.n, 0) AS ceased,
                       p.population_0_17,
                       CASE WHEN p.population_0_17 > 0
                            THEN round(coalesce(stock.n, 0) * 10000.0 / p.population_0_17, 1) END AS rate_per_10000
                FROM years y
                LEFT JOIN stock USING (la, year)
                LEFT JOIN started USING (la, year)
                LEFT JOIN ceased USING (la, year)
                LEFT JOIN population p ON p.area = upper(trim(y.la)) AND p.calendar_year = y.year - 1
                """.formatted(collectionYear("decom"), collectionYear("dec")));
    }

    private static String fact(Path snapshot, FactTable table, String view) {
        Path dir = snapshot.resolve(table.directory());
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("Snapshot " + snapshot + " has no " + table.directory() + " facts");
        }
        String glob = dir.resolve("*.parquet").toString().replace("'", "''");
        return "CREATE VIEW " + view + " AS SELECT * FROM read_parquet('" + glob + "')";
    }

    static void create(Connection connection, Path snapshot) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : definitions(snapshot)) {
                statement.execute(sql);
            }
        }
    }
}
