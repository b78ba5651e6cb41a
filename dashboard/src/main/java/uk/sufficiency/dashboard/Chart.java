package uk.sufficiency.dashboard;

import uk.sufficiency.warehouse.figures.Figure;
import uk.sufficiency.warehouse.figures.FigureCatalogue;

/** A figure as a page shows it: its rows drawn (or, when {@code drawing} is null, a table alone) under a heading. */
record Chart(String anchor, Figure figure, Drawing drawing, String note) {

    static Chart of(String figureId, Drawing drawing, String note) {
        return new Chart(figureId, FigureCatalogue.get(figureId), drawing, note);
    }

    /** A second drawing of the same figure on one page needs its own anchor. */
    static Chart of(String anchor, String figureId, Drawing drawing, String note) {
        return new Chart(anchor, FigureCatalogue.get(figureId), drawing, note);
    }
}
