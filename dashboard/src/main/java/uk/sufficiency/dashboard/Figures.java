package uk.sufficiency.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import uk.sufficiency.warehouse.Viewer;
import uk.sufficiency.warehouse.Warehouse;
import uk.sufficiency.warehouse.figures.Figure;
import uk.sufficiency.warehouse.figures.FigureRequest;

/**
 * One request's reading of the published figures, for one reader: the LAs, the snapshot, and any
 * catalogue figure's rows for an LA and the request's date range. Every row comes through
 * {@link Figure#rows}, which aggregates, binds every value as a parameter and suppresses for the
 * reader (counting-rules §9), so no page, JSON, CSV or XLSX can show a small number the reader may
 * not see, or a child-level row.
 */
final class Figures {
    private final Warehouse warehouse;
    private final Viewer viewer;
    private final boolean forPublication;
    private final LocalDate from;
    private final LocalDate to;
    private List<String> las;

    Figures(Warehouse warehouse, Viewer viewer, boolean forPublication, LocalDate from, LocalDate to) {
        this.warehouse = warehouse;
        this.viewer = viewer;
        this.forPublication = forPublication;
        this.from = from;
        this.to = to;
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

    LocalDate from() {
        return from;
    }

    LocalDate to() {
        return to;
    }

    /** The LAs with a data window, alphabetically: those the warehouse can give figures for. */
    List<String> las() {
        if (las == null) { // asked for twice by a page: once to check ?la=, once for the selector
            las = warehouse.queryCached("SELECT DISTINCT la FROM la_window ORDER BY la").stream()
                    .map(row -> (String) row.get("la"))
                    .toList();
        }
        return las;
    }

    List<Map<String, Object>> rows(Figure figure, String la) {
        return figure.rows(warehouse, new FigureRequest(la, from, to, viewer, forPublication));
    }
}
