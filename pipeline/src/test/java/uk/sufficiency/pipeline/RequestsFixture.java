package uk.sufficiency.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import uk.sufficiency.warehouse.Warehouse;

/**
 * The warehouse of fixtures/requests (run with {@code --la Reqshire}), built once per test JVM and
 * shared by {@link PlacementRequestsTest} and {@link CapacityTest}; it stays open until the JVM ends.
 */
final class RequestsFixture {
    private static Warehouse warehouse;

    private RequestsFixture() {
    }

    static synchronized Warehouse warehouse() throws Exception {
        if (warehouse == null) {
            Path input = Path.of(RequestsFixture.class.getResource("/fixtures/requests").toURI());
            Path warehouseDir = Files.createTempDirectory("requests-warehouse");
            PipelineRun.run(TestSpark.session(), new RunOptions(input, warehouseDir, "Reqshire", null), Progress.SILENT);
            warehouse = Warehouse.openCurrent(warehouseDir);
        }
        return warehouse;
    }

    static List<List<Object>> rows(String sql, Object... parameters) {
        try {
            return warehouse().query(sql, parameters).stream().map(r -> (List<Object>) new ArrayList<>(r.values()))
                    .toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
