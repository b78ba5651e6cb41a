package uk.sufficiency.dashboard;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import uk.sufficiency.warehouse.Csv;

/** Query rows as CSV text with a header row, each cell written as the warehouse's own CSV writes it ({@link Csv#cell}). */
final class CsvText {
    private CsvText() {
    }

    /** Columns are named, not taken from the first row, so a result with no rows still has its header. */
    static String of(List<String> columns, List<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder(line(columns));
        for (Map<String, Object> row : rows) {
            out.append(line(columns.stream().map(row::get).toList()));
        }
        return out.toString();
    }

    private static String line(List<?> cells) {
        return cells.stream().map(Csv::cell).collect(Collectors.joining(",", "", "\n"));
    }
}
