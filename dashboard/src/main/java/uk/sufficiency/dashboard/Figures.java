package uk.sufficiency.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.sufficiency.warehouse.Suppression;
import uk.sufficiency.warehouse.Viewer;
import uk.sufficiency.warehouse.Warehouse;

/**
 * The looked-after figures the dashboard shows, read from the published views. Every query
 * aggregates, so nothing child-level ever leaves through the dashboard, and every LA is bound as a
 * parameter. One instance serves one request, for one reader: every row it returns has already
 * passed through {@link Suppression} (counting-rules §9), so no page, JSON or CSV can show a small
 * number the reader may not see. Dates come back as ISO text because that is what JSON, CSV and
 * the page all want.
 */
final class Figures {
    /** The columns of {@link #monthEnd}, in order: the CSV header. */
    static final List<String> MONTH_END_COLUMNS = List.of("month_end", "category", "children");

    /** Month-end stock: one count of children per month end and category. */
    static final Suppression MONTH_END = Suppression.counts("children");
    /** cla_year: three counts of children; the rate is computed from the 31 March count only. */
    static final Suppression YEAR = Suppression.counts("looked_after_31_march", "started", "ceased")
            .derived("rate_per_10000", "looked_after_31_march");

    private final Warehouse warehouse;
    private final Viewer viewer;
    private final boolean forPublication;
    private List<String> las;

    Figures(Warehouse warehouse, Viewer viewer, boolean forPublication) {
        this.warehouse = warehouse;
        this.viewer = viewer;
        this.forPublication = forPublication;
    }

    /** The snapshot's id (its directory name): which run these figures come from. */
    String snapshot() {
        return warehouse.snapshot().getFileName().toString();
    }

    /** Whether this reader gets the LA's exact figures (their own LA, or all, and not for publication). */
    boolean exactFor(String la) {
        return !forPublication && viewer.seesExactly(la);
    }

    boolean forPublication() {
        return forPublication;
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
        List<Map<String, Object>> rows = MONTH_END.apply(plain(warehouse.query("""
                SELECT la, month_end, category, count(*) AS children
                FROM cla_month_end WHERE la = ? GROUP BY ALL ORDER BY ALL""", la)), viewer, forPublication);
        return rows.stream().map(row -> {
            Map<String, Object> out = new LinkedHashMap<>(); // the LA was asked for; the rows need not repeat it
            MONTH_END_COLUMNS.forEach(column -> out.put(column, row.get(column)));
            return out;
        }).toList();
    }

    /**
     * The LA's rows of {@code cla_year}: 31 March stock, flows and rate for each collection year.
     * The columns are named, not {@code *}: a count added to the view later must not reach readers
     * before it is added to {@link #YEAR}.
     */
    List<Map<String, Object>> years(String la) {
        return YEAR.apply(plain(warehouse.query("""
                SELECT la, year, looked_after_31_march, started, ceased, population_0_17, rate_per_10000
                FROM cla_year WHERE la = ? ORDER BY year""", la)), viewer, forPublication);
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
