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
                new Figure("capacity-provision", "Capacity and occupancy, by provision", """
                        SELECT la, date, provision, capacity, occupied,
                               CASE WHEN capacity > 0 THEN round(100.0 * occupied / capacity, 1) END AS occupancy
                        FROM capacity""",
                        // places of different kinds add up to nothing anyone reads
                        List.of(periodDate("date", "Date"), dimension("provision", "Provision").alternatives(),
                                measure("capacity", "Places or beds"), count("occupied", "Occupied"),
                                derived("occupancy", "% occupied", "occupied"))),
                new Figure("capacity-demand", "Provision against the looked-after children placed in it", """
                        SELECT la, date, provision, capacity, occupied, demand FROM capacity_demand
                        WHERE demand IS NOT NULL""",
                        List.of(periodDate("date", "Date"), dimension("provision", "Provision").alternatives(),
                                measure("capacity", "Places or beds"), count("occupied", "Occupied (as reported)"),
                                count("demand", "Children placed (903)"))),
                new Figure("capacity-block-priority", "Block supported accommodation: occupied beds by priority", """
                        SELECT la, date, occupied, occupied_high, occupied_medium, occupied_low,
                               CASE WHEN occupied > 0 THEN round(100.0 * occupied_high / occupied, 1) END AS high_share
                        FROM capacity WHERE provision = 'block_supported_beds'""",
                        List.of(periodDate("date", "Date"),
                                count("occupied", "Occupied beds").sumOf("occupied_high", "occupied_medium", "occupied_low"),
                                count("occupied_high", "High priority"), count("occupied_medium", "Medium priority"),
                                count("occupied_low", "Low priority"),
                                derived("high_share", "% of occupied beds used by high-priority young people",
                                        "occupied", "occupied_high"))));
    }
}
