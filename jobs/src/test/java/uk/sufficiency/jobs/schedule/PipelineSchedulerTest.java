package uk.sufficiency.jobs.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import uk.sufficiency.warehouse.runs.RunHistory;
import uk.sufficiency.warehouse.runs.RunLock;
import uk.sufficiency.warehouse.runs.RunRecord.Trigger;
import uk.sufficiency.warehouse.runs.RunRecord;

@Timeout(15)
class PipelineSchedulerTest {
    private static final String EVERY_SECOND = "* * * * * ?";
    private static final String NEVER_SOON = "0 0 0 1 1 ? 2099";
    private static final Duration POLL = Duration.ofMillis(100);

    @TempDir
    Path dir;
    Path input;
    RunHistory history;

    @BeforeEach
    void folders() throws Exception {
        input = Files.createDirectories(dir.resolve("input"));
        history = new RunHistory(dir.resolve("warehouse"));
    }

    private PipelineScheduler scheduler(String cron, PipelineAction action) {
        return new PipelineScheduler(cron, POLL, new RecordedRun(history, input, action));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(6).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(20);
        }
    }

    private List<Trigger> triggers() {
        return history.recent(100).stream().map(RunRecord::trigger).toList();
    }

    @Test
    void invalidCronFailsFastWithTheExpression() {
        for (String cron : List.of("0 0 2 * *", "61 * * * * ?", "every night")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> scheduler(cron, new FakeAction(0)));
            assertTrue(e.getMessage().startsWith("Invalid cron expression \"" + cron + "\""), e.getMessage());
        }
    }

    @Test
    void cronFires() throws Exception {
        FakeAction action = new FakeAction(0);
        try (PipelineScheduler s = scheduler(EVERY_SECOND, action)) {
            s.start();
            await("two cron runs", () -> action.finished.get() >= 2);
        }
        assertTrue(triggers().stream().allMatch(t -> t == Trigger.CRON), triggers().toString());
    }

    @Test
    void runsNeverOverlapWhenTheyTakeLongerThanTheCronPeriod() throws Exception {
        FakeAction action = new FakeAction(1_200);
        try (PipelineScheduler s = scheduler(EVERY_SECOND, action)) {
            s.start();
            Thread.sleep(4_000);
        } // stop waits for the run in progress
        assertEquals(1, action.maxInFlight.get());
        assertEquals(0, action.inFlight.get());
        // Back to back at best: fires missed during a run give one follow-up, not one each.
        int runs = action.finished.get();
        assertTrue(runs >= 2 && runs <= 4, runs + " runs");
        assertEquals(runs, history.recent(100).size());
    }

    @Test
    void aNewFileArrivingWhileAnotherProcessRunsIsRunOnceTheLockIsFree() throws Exception {
        FakeAction action = new FakeAction(0);
        try (PipelineScheduler s = scheduler(NEVER_SOON, action)) {
            RunLock cliRun = RunLock.acquire(history.warehouseDir(), "manual pipeline run", RunLock.PATIENCE);
            try {
                s.start();
                Files.writeString(input.resolve("episodes_2025.csv"), "CHILD,DECOM\n");
                Thread.sleep(RunLock.PATIENCE.toMillis() + 1_000); // one attempt waited for the lock and was refused
                assertEquals(0, action.finished.get());
                assertEquals(List.of(), triggers(), "a refused run is not in the history");
            } finally {
                cliRun.close();
            }
            await("the new-files run after the lock is free", () -> action.finished.get() == 1);
        }
        assertEquals(List.of(Trigger.NEW_FILES), triggers());
    }

    @Test
    void aNewFileTriggersExactlyOneRunOnceSettled() throws Exception {
        FakeAction action = new FakeAction(0);
        try (PipelineScheduler s = scheduler(NEVER_SOON, action)) {
            s.start();
            Files.writeString(input.resolve("episodes_2025.csv"), "CHILD,DECOM\n");
            await("the new-files run", () -> action.finished.get() == 1);
            Thread.sleep(POLL.toMillis() * 6);
        }
        assertEquals(1, action.finished.get());
        assertEquals(List.of(Trigger.NEW_FILES), triggers());
    }

    @Test
    void changesDuringARunGiveOneFollowUpRun() throws Exception {
        FakeAction action = new FakeAction(1_500);
        try (PipelineScheduler s = scheduler(NEVER_SOON, action)) {
            s.start();
            Files.writeString(input.resolve("a.csv"), "a");
            await("the first run", () -> action.inFlight.get() == 1);
            Files.writeString(input.resolve("b.csv"), "b");
            Thread.sleep(POLL.toMillis() * 4); // settles and is requested during the run
            Files.writeString(input.resolve("c.csv"), "c");
            Thread.sleep(POLL.toMillis() * 4); // requested again, still during the run
            await("the follow-up", () -> action.finished.get() == 2);
            Thread.sleep(POLL.toMillis() * 6);
        }
        assertEquals(2, action.finished.get());
        assertEquals(1, action.maxInFlight.get());
    }

    @Test
    void stopWaitsForTheRunInProgress() throws Exception {
        FakeAction action = new FakeAction(1_000);
        PipelineScheduler s = scheduler(EVERY_SECOND, action);
        s.start();
        await("a run to start", () -> action.inFlight.get() == 1);
        s.stop();
        assertEquals(1, action.finished.get());
        assertEquals(1, history.recent(10).size());
        assertTrue(history.running().isEmpty());
    }
}
