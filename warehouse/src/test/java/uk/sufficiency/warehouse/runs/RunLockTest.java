package uk.sufficiency.warehouse.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.sufficiency.warehouse.Snapshots;

/** One run at a time per warehouse, and what a killed run leaves is tidied by the next. */
class RunLockTest {
    @TempDir
    Path warehouseDir;

    @Test
    void aRunKilledMidWriteIsRecordedAndItsStagingRemovedByTheNext() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldsTheLock.class.getName(), warehouseDir.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("writing "), "child said: " + line);
            long pid = Long.parseLong(line.substring("writing ".length()));
            assertEquals(child.pid(), pid);

            // A second run while it works: refused, naming the holder.
            RunLock.Busy refused = assertThrows(RunLock.Busy.class,
                    () -> RunLock.acquire(warehouseDir, "manual pipeline run", Duration.ofMillis(200)));
            assertEquals(pid, refused.holder().pid());
            assertEquals("cron pipeline run", refused.holder().what());
            assertTrue(refused.getMessage().contains("cron pipeline run, pid " + pid + " on "), refused.getMessage());
            assertTrue(new RunHistory(warehouseDir).format(5).startsWith("Running now: started "));
            assertEquals(1, staging().size());

            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        RunHistory history = new RunHistory(warehouseDir);
        assertTrue(history.format(5, ZoneOffset.UTC).startsWith("Killed: the run started "), history.format(5));

        try (RunLock next = RunLock.acquire(warehouseDir, "manual pipeline run", RunLock.PATIENCE)) {
            assertEquals(List.of(), staging(), "the killed run's staging folder, with its half-written fact, is gone");
            assertTrue(history.running().isEmpty());
            List<RunRecord> recorded = history.recent(5);
            assertEquals(1, recorded.size());
            assertEquals(RunRecord.Outcome.KILLED, recorded.get(0).outcome());
            assertEquals(RunRecord.Trigger.CRON, recorded.get(0).trigger());
            assertEquals("/landing", recorded.get(0).inputDir());
            assertTrue(recorded.get(0).error().startsWith("Killed: the run ended without finishing, its process (pid "
                    + child.pid() + " on "), recorded.get(0).error());
            Snapshots snapshots = new Snapshots(warehouseDir);
            Path published = snapshots.publish(snapshots.beginStaging());
            assertEquals(Optional.of(published), snapshots.current());
        }
        String status = new RunHistory(warehouseDir).format(5, ZoneOffset.UTC);
        assertTrue(status.startsWith("Start "), status);
        assertTrue(status.lines().skip(1).findFirst().orElse("").contains("       -  cron       killed"), status);
    }

    @Test
    void twoWritersInOneProcessTakeTurns() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
            try (RunLock lock = RunLock.acquire(warehouseDir, "scenario republish", RunLock.PATIENCE)) {
                holding.countDown();
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(holding.await(10, TimeUnit.SECONDS));
        RunLock.Busy refused = assertThrows(RunLock.Busy.class,
                () -> RunLock.acquire(warehouseDir, "manual pipeline run", Duration.ofMillis(100)));
        assertEquals(ProcessHandle.current().pid(), refused.holder().pid());
        assertEquals("scenario republish", refused.holder().what());
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        try (RunLock second = RunLock.acquire(warehouseDir, "manual pipeline run", RunLock.PATIENCE)) {
            assertEquals("manual pipeline run", second.holder().what());
        }
    }

    private List<Path> staging() throws Exception {
        Path dir = warehouseDir.resolve("snapshots");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().startsWith(".staging-")).toList();
        }
    }
}
