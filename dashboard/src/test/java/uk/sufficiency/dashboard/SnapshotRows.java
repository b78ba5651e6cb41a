package uk.sufficiency.dashboard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import uk.sufficiency.warehouse.Warehouse;

/** A query's rows over a published test snapshot's views, each as a list of its values, for exact comparison. */
final class SnapshotRows {
    private SnapshotRows() {
    }

    static List<List<Object>> of(Path snapshot, String sql) {
        try (Warehouse warehouse = Warehouse.open(snapshot)) {
            List<List<Object>> out = new ArrayList<>();
            for (Map<String, Object> row : warehouse.query(sql)) {
                out.add(new ArrayList<>(row.values()));
            }
            return out;
        }
    }

    /** A row as the comparison expects it: nulls allowed. */
    static List<Object> list(Object... values) {
        return Arrays.asList(values);
    }
}
