package uk.sufficiency.dashboard;

import uk.sufficiency.warehouse.figures.Figure;
import uk.sufficiency.warehouse.figures.FigureCatalogue;

/**
 * A figure as a page shows it: its rows drawn (or, when {@code drawing} is null, a table alone)
 * under a heading, which is the figure's title unless the chart draws only part of it.
 */
record Chart(String anchor, Figure figure, Drawing drawing, String title, String note) {

    static Chart of(String figureId, Drawing drawing, String note) {
        Figure figure = FigureCatalogue.get(figureId);
        return new Chart(figureId, figure, drawing, figure.title(), note);
    }

    /** A second drawing of the same figure on one page needs its own anchor and says what it shows. */
    static Chart of(String anchor, String figureId, Drawing drawing, String title, String note) {
        return new Chart(anchor, FigureCatalogue.get(figureId), drawing, title, note);
    }
}
