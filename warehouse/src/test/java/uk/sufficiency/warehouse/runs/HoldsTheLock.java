package uk.sufficiency.warehouse.runs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import uk.sufficiency.warehouse.Snapshots;

/**
 * A run's first moves in a JVM of its own, for {@link RunLockTest} to kill: takes the lock, marks
 * itself running, writes half a fact into staging, says so on stdout and waits to be killed.
 */
public final class HoldsTheLock {
    private HoldsTheLock() {
    }

    public static void main(String[] args) throws Exception {
        Path warehouseDir = Path.of(args[0]);
        RunLock lock = RunLock.acquire(warehouseDir, "cron pipeline run", RunLock.PATIENCE);
        new RunHistory(warehouseDir).started(new RunHistory.Running(Instant.now(), RunRecord.Trigger.CRON,
                Path.of("/landing")));
        Path staging = new Snapshots(warehouseDir).beginStaging();
        Path children = Files.createDirectories(staging.resolve("children"));
        Files.writeString(children.resolve("part-00000.parquet"), "CHILD 123456 half-written");
        System.out.println("writing " + lock.holder().pid());
        System.out.flush();
        Thread.sleep(120_000);
    }
}
