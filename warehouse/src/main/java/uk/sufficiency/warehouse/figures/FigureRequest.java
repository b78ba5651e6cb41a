package uk.sufficiency.warehouse.figures;

import java.time.LocalDate;
import uk.sufficiency.warehouse.Viewer;

/**
 * What a reader asks of a {@link Figure}: one LA, an optional date range (inclusive; a collection
 * year is in range when its 31 March is), who is reading, and whether the figures are for publication.
 */
public record FigureRequest(String la, LocalDate from, LocalDate to, Viewer viewer, boolean forPublication) {
    public FigureRequest {
        if (la == null) {
            throw new IllegalArgumentException("A figure is asked for one LA");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("The date range starts (" + from + ") after it ends (" + to + ")");
        }
    }
}
