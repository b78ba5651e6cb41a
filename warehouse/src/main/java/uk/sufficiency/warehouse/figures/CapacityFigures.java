package uk.sufficiency.warehouse.figures;

import static uk.sufficiency.warehouse.figures.FigureColumn.count;
import static uk.sufficiency.warehouse.figures.FigureColumn.derived;
import static uk.sufficiency.warehouse.figures.FigureColumn.dimension;
import static uk.sufficiency.warehouse.figures.FigureColumn.measure;
import static uk.sufficiency.warehouse.figures.FigureColumn.periodDate;

import java.util.List;

/** Capacity (inputs.md §4): what the LA can supply against what is used, and block beds by priority. */
final class CapacityFigures {
    private CapacityFigures() {
    }

    static List<Figure> all() {
        return List.of(
                new Figure("capacity-provision", "Capacity and occupancy, by provision", FigureQueries.of("capacity-provision"),
                        // places of different kinds add up to nothing anyone reads
                        List.of(periodDate("date", "Date"), dimension("provision", "Provision").alternatives(),
                                measure("capacity", "Places or beds"), count("occupied", "Occupied"),
                                derived("occupancy", "% occupied", "occupied"))),
                new Figure("capacity-demand", "Provision against the looked-after children placed in it", FigureQueries.of("capacity-demand"),
                        List.of(periodDate("date", "Date"), dimension("provision", "Provision").alternatives(),
                                measure("capacity", "Places or beds"), count("occupied", "Occupied (as reported)"),
                                count("demand", "Children placed (903)"))),
                new Figure("capacity-block-priority", "Block supported accommodation: occupied beds by priority", FigureQueries.of("capacity-block-priority"),
                        List.of(periodDate("date", "Date"),
                                count("occupied", "Occupied beds").sumOf("occupied_high", "occupied_medium", "occupied_low"),
                                count("occupied_high", "High priority"), count("occupied_medium", "Medium priority"),
                                count("occupied_low", "Low priority"),
                                derived("high_share", "% of occupied beds used by high-priority young people",
                                        "occupied", "occupied_high"))));
    }
}
