package uk.sufficiency.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
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

    @Test
    void aRunDoesNotPublishOverASnapshotPublishedSinceItBegan() throws Exception {
        Snapshots snapshots = new Snapshots(dir);
        Path older = snapshots.beginStaging();
        Files.writeString(older.resolve("fact.txt"), "older data");
        Path newer = snapshots.publish(snapshots.beginStaging());
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> snapshots.publish(older));
        assertEquals("Snapshot " + newer.getFileName() + " was published while this run worked; it stays current"
                + " and this run publishes nothing.", refused.getMessage());
        assertEquals(Optional.of(newer), snapshots.current());
    }

    @Test
    void republishesNeverPruneTheNewestPipelineSnapshot() {
        Snapshots snapshots = new Snapshots(dir);
        snapshots.publish(snapshots.beginStaging());
        Path run = snapshots.publish(snapshots.beginStaging());
        List<Path> saves = new ArrayList<>();
        for (int i = 0; i < Snapshots.SNAPSHOTS_KEPT + 1; i++) { // four scenario saves, each republishing
            Path staging = snapshots.beginStaging();
            snapshots.markRepublished(staging, snapshots.current().orElseThrow());
            saves.add(snapshots.publish(staging));
        }
        List<Path> expected = new ArrayList<>(List.of(run));
        expected.addAll(saves.subList(1, saves.size()));
        assertEquals(expected, snapshots.published());
        assertTrue(Snapshots.fromPipelineRun(run));
        assertFalse(Snapshots.fromPipelineRun(saves.get(saves.size() - 1)));
    }

    @Test
    void publishedFactsAreOwnerOnly() throws Exception {
        Snapshots snapshots = new Snapshots(dir);
        Path staging = snapshots.beginStaging();
        Files.createDirectories(staging.resolve("children"));
        Files.writeString(staging.resolve("children/part-0.parquet"), "x");
        Path published = snapshots.publish(staging);
        assumeTrue(published.getFileSystem().supportedFileAttributeViews().contains("posix"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(published)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(published.resolve("children"))));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(published.resolve("children/part-0.parquet"))));
    }
}
