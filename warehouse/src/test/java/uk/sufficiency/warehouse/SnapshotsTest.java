package uk.sufficiency.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotsTest {
    @TempDir
    Path dir;

    @Test
    void nothingIsCurrentUntilPublished() throws Exception {
        Snapshots snapshots = new Snapshots(dir);
        Path staging = snapshots.beginStaging();
        Files.writeString(staging.resolve("fact.txt"), "x");
        assertEquals(Optional.empty(), snapshots.current());
        Path published = snapshots.publish(staging);
        assertEquals(Optional.of(published), snapshots.current());
        assertEquals("x", Files.readString(published.resolve("fact.txt")));
        assertFalse(Files.exists(staging));
    }

    @Test
    void aDiscardedRunLeavesTheLastGoodSnapshotCurrent() throws Exception {
        Snapshots snapshots = new Snapshots(dir);
        Path good = snapshots.publish(snapshots.beginStaging());
        Path failed = snapshots.beginStaging();
        Files.writeString(failed.resolve("half-written.parquet"), "x");
        snapshots.discard(failed);
        assertEquals(Optional.of(good), snapshots.current());
        assertFalse(Files.exists(failed));
    }

    @Test
    void onlyTheLastFewSnapshotsAreKept() {
        Snapshots snapshots = new Snapshots(dir);
        Path last = null;
        for (int i = 0; i < Snapshots.SNAPSHOTS_KEPT + 2; i++) {
            last = snapshots.publish(snapshots.beginStaging());
        }
        assertEquals(Snapshots.SNAPSHOTS_KEPT, snapshots.published().size());
        assertTrue(snapshots.published().contains(last));
        assertEquals(Optional.of(last), snapshots.current());
    }
}
