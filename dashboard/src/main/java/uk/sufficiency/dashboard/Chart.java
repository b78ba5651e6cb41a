package uk.sufficiency.dashboard;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import uk.sufficiency.warehouse.figures.Figure;
import uk.sufficiency.warehouse.figures.FigureCatalogue;

/**
 * A figure as a page shows it: its rows drawn (or, when {@code drawing} is null, a table alone)
 * under a heading, which is the figure's title unless the chart draws only part of it.
 */
record Chart(String anchor, Figure figure, Drawing drawing, String title, String note,
             Function<List<Map<String, Object>>, String> summary) {

    static Chart of(String figureId, Drawing drawing, String note) {
        Figure figure = FigureCatalogue.get(figureId);
        return new Chart(figureId, figure, drawing, figure.title(), note, rows -> null);
    }

    /** A second drawing of the same figure on one page needs its own anchor and says what it shows. */
    static Chart of(String anchor, String figureId, Drawing drawing, String title, String note) {
        return new Chart(anchor, FigureCatalogue.get(figureId), drawing, title, note, rows -> null);
    }

    /** The same chart with a sentence read from its rows (plain text, escaped when shown), under the heading. */
    Chart withSummary(Function<List<Map<String, Object>>, String> summary) {
        return new Chart(anchor, figure, drawing, title, note, summary);
    }
}
