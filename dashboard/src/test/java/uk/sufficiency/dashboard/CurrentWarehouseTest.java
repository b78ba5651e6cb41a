package uk.sufficiency.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.sufficiency.warehouse.FactTable;

class CurrentWarehouseTest {
    private static final String COUNT = "SELECT count(*) AS n FROM la_window";

    private static long count(CurrentWarehouse.Lease lease) {
        return ((Number) lease.warehouse().query(COUNT).get(0).get("n")).longValue();
    }

    @Test
    void nothingToLeaseBeforeTheFirstPublish(@TempDir Path dir) {
        try (CurrentWarehouse current = new CurrentWarehouse(dir)) {
            assertTrue(current.lease().isEmpty());
        }
    }

    @Test
    void aSupersededSnapshotStaysOpenUntilItsLastLeaseIsReturned(@TempDir Path dir) throws Exception {
        new TestSnapshot().rows(FactTable.LA_WINDOW, "('A', 2022, 2022)").publish(dir);
        try (CurrentWarehouse current = new CurrentWarehouse(dir)) {
            CurrentWarehouse.Lease first = current.lease().orElseThrow();
            try (CurrentWarehouse.Lease again = current.lease().orElseThrow()) {
                assertEquals(first.warehouse(), again.warehouse(), "same pointer, same warehouse: not reopened");
            }

            new TestSnapshot().rows(FactTable.LA_WINDOW, "('A', 2022, 2022)", "('B', 2022, 2022)").publish(dir);
            try (CurrentWarehouse.Lease second = current.lease().orElseThrow()) {
                assertNotEquals(first.warehouse().snapshot(), second.warehouse().snapshot());
                assertEquals(2, count(second));
                assertEquals(1, count(first), "a query in flight on the old snapshot still runs");
                first.close();
                assertThrows(IllegalStateException.class, () -> count(first), "closed once its last lease returned");
                assertEquals(2, count(second));
            }
        }
    }
}
