package uk.sufficiency.jobs.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.sufficiency.pipeline.InputProblem;
import uk.sufficiency.warehouse.runs.RunHistory;
import uk.sufficiency.warehouse.runs.RunLock;
import uk.sufficiency.warehouse.runs.RunRecord.Outcome;
import uk.sufficiency.warehouse.runs.RunRecord.Trigger;
import uk.sufficiency.warehouse.runs.RunRecord;

class RecordedRunTest {
    @TempDir
    Path dir;

    @Test
    void successIsRecordedWithTheSummaryAggregates() {
        RunHistory history = new RunHistory(dir.resolve("wh"));
        AtomicBoolean markedWhileRunning = new AtomicBoolean();
        RecordedRun run = new RecordedRun(history, dir.resolve("in"), () -> {
            markedWhileRunning.set(history.running().map(r -> r.trigger() == Trigger.MANUAL).orElse(false));
            return FakeAction.summary(1_234, Duration.ofSeconds(2));
        });

        RunRecord record = run.run(Trigger.MANUAL);

        assertTrue(markedWhileRunning.get());
        assertTrue(history.running().isEmpty());
        assertEquals(List.of(record), history.recent(5));
        assertEquals(Outcome.SUCCEEDED, record.outcome());
        assertEquals(1_234L, record.rowsRead());
        assertEquals(7L, record.rejectedTotal());
        assertEquals("20250301-020000-000", record.snapshot());
        assertEquals(2.0, record.seconds());
        assertEquals(dir.resolve("in").toString(), record.inputDir());
        assertNull(record.error());
    }

    @Test
    void aSecondRunWhileTheLockIsHeldIsRefusedAndRecordsNothing() {
        RunHistory history = new RunHistory(dir.resolve("wh"));
        FakeAction action = new FakeAction(0);
        RecordedRun run = new RecordedRun(history, dir.resolve("in"), action);
        try (RunLock other = RunLock.acquire(history.warehouseDir(), "cron pipeline run", RunLock.PATIENCE)) {
            RunLock.Busy refused = assertThrows(RunLock.Busy.class, () -> run.run(Trigger.MANUAL));
            assertTrue(refused.getMessage().startsWith("Another run is using the warehouse " + history.warehouseDir()
                    + " (cron pipeline run, pid " + ProcessHandle.current().pid() + " on "), refused.getMessage());
        }
        assertEquals(0, action.finished.get());
        assertTrue(history.running().isEmpty());
        assertEquals(List.of(), history.recent(5));
        assertEquals(Outcome.SUCCEEDED, run.run(Trigger.MANUAL).outcome()); // free again
    }

    @Test
    void failureIsRecordedWithItsMessageAndNotThrown() {
        RunHistory history = new RunHistory(dir.resolve("wh"));
        RecordedRun run = new RecordedRun(history, dir.resolve("in"), () -> {
            throw new InputProblem("episodes.csv", "no DECOM column");
        });

        RunRecord record = run.run(Trigger.CRON);

        RunRecord stored = history.recent(1).get(0);
        assertEquals(record, stored);
        assertEquals(Outcome.FAILED, stored.outcome());
        assertEquals(Trigger.CRON, stored.trigger());
        assertEquals("episodes.csv: no DECOM column", stored.error());
        assertNull(stored.rowsRead());
        assertTrue(history.running().isEmpty());
    }

    @Test
    void anExceptionWithoutMessageIsNamed() {
        RunHistory history = new RunHistory(dir.resolve("wh"));
        RunRecord record = new RecordedRun(history, dir, () -> {
            throw new IllegalStateException();
        }).run(Trigger.MANUAL);
        assertEquals("java.lang.IllegalStateException", record.error());
    }
}
