package uk.sufficiency.warehouse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import uk.sufficiency.warehouse.forecast.AgeBand;
import uk.sufficiency.warehouse.forecast.CapacityProvision;
import uk.sufficiency.warehouse.forecast.PlacementGroup;

/**
 * The published views (docs/warehouse-views.md) over one snapshot's Parquet facts. Spark stores
 * what is expensive to derive (deduplicated, repaired episodes); DuckDB derives the child-by-month
 * stock and the yearly figures on read, so the large child-month grain is never written to disk.
 * The views' SQL lives in the files {@value #ORDER} lists (warehouse/src/main/resources/sql), one
 * view or macro a file; this class only adds what depends on Java: a view per fact, reading the
 * snapshot's Parquet files, and the rules Java enums define, as macros.
 */
final class WarehouseViews {
    /** The index of the SQL files, in the order they run. */
    static final String ORDER = "sql/order.txt";

    private WarehouseViews() {
    }

    static void create(Connection connection, Path snapshot) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (FactTable table : FactTable.values()) {
                statement.execute(fact(snapshot, table)); // every fact is a view of its directory's name
            }
            for (String macro : enumRules()) {
                statement.execute(macro);
            }
            SqlFiles.run(statement, SqlFiles.read(ORDER));
        }
    }

    /**
     * The rules held by enums that Java code also uses (one definition each: age bands, capacity
     * provisions, placement groups, quality codes), as macros for the views' and figures' SQL.
     */
    private static List<String> enumRules() {
        return List.of(
                "CREATE MACRO age_band(age) AS " + AgeBand.sqlOfAge("age"),
                "CREATE MACRO age_band_order(band) AS " + AgeBand.sqlOrder("band"),
                "CREATE MACRO provision_known(provision) AS " + CapacityProvision.sqlKnown("provision"),
                "CREATE MACRO placed_in(provision, placed_la, placed_child, placed_category, d) AS "
                        + CapacityProvision.sqlPlacedIn("provision", "placed_la", "placed_child", "placed_category", "d"),
                "CREATE MACRO placement_group_order(placement_group) AS " + PlacementGroup.sqlOrder("placement_group"),
                "CREATE MACRO quality_meaning(code) AS " + QualityCode.sqlCase("code", false),
                "CREATE MACRO quality_what_to_do(code) AS " + QualityCode.sqlCase("code", true));
    }

    private static String fact(Path snapshot, FactTable table) {
        String view = table.directory();
        Path dir = snapshot.resolve(table.directory());
        if (!Files.isDirectory(dir) && table.addedLater()) {
            return "CREATE VIEW " + view + " AS SELECT * FROM (" + emptyRow(table) + ") WHERE false";
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("Snapshot " + snapshot + " has no " + table.directory() + " facts");
        }
        String glob = dir.resolve("*.parquet").toString().replace("'", "''");
        return "CREATE VIEW " + view + " AS SELECT * FROM read_parquet('" + glob + "')";
    }

    /** One row of typed nulls with the fact's columns, for a snapshot written before the fact existed. */
    private static String emptyRow(FactTable table) {
        List<String> columns = new ArrayList<>();
        for (String column : table.columns().split(",")) {
            String[] nameAndType = column.strip().split(" ", 2);
            columns.add("CAST(NULL AS " + nameAndType[1] + ") AS " + nameAndType[0]);
        }
        return "SELECT " + String.join(", ", columns);
    }
}
