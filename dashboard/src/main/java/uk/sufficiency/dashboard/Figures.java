package uk.sufficiency.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.sufficiency.warehouse.Warehouse;

/**
 * The looked-after figures the dashboard shows, read from the published views. Every query
 * aggregates, so nothing child-level ever leaves through the dashboard, and every LA is bound as a
 * parameter. One instance serves one request. Dates come back as ISO text because that is what JSON, CSV and the page all want.
 */
final class Figures {
    /** The columns of {@link #monthEnd}, in order: the CSV header. */
    static final List<String> MONTH_END_COLUMNS = List.of("month_end", "category", "children");

    private final Warehouse warehouse;
    private List<String> las;

    Figures(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** The snapshot's id (its directory name): which run these figures come from. */
    String snapshot() {
        return warehouse.snapshot().getFileName().toString();
    }

    /** The LAs with a data window, alphabetically: those the warehouse can give figures for. */
    List<String> las() {
        if (las == null) { // asked for twice by the page: once to check ?la=, once for the selector
            las = warehouse.query("SELECT DISTINCT la FROM la_window ORDER BY la").stream()
                    .map(row -> (String) row.get("la"))
                    .toList();
        }
        return las;
    }

    /** Children looked after at each month end of the LA's window, by placement category. */
    List<Map<String, Object>> monthEnd(String la) {
        return plain(warehouse.query("""
                SELECT month_end, category, count(*) AS children
                FROM cla_month_end WHERE la = ? GROUP BY ALL ORDER BY ALL""", la));
    }

    /** The LA's rows of {@code cla_year}: 31 March stock, flows and rate for each collection year. */
    List<Map<String, Object>> years(String la) {
        return plain(warehouse.query("SELECT * FROM cla_year WHERE la = ? ORDER BY year", la));
    }

    /** Dates and other non-JSON values as text (ISO dates from DuckDB's toString). */
    private static List<Map<String, Object>> plain(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> {
            Map<String, Object> out = new LinkedHashMap<>();
            row.forEach((column, value) -> out.put(column,
                    value == null || value instanceof Number || value instanceof String || value instanceof Boolean
                            ? value : value.toString()));
            return out;
        }).toList();
    }
}
