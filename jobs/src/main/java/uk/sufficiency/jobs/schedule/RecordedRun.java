package uk.sufficiency.jobs.schedule;

import java.nio.file.Path;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sufficiency.pipeline.InputProblem;
import uk.sufficiency.pipeline.RunSummary;
import uk.sufficiency.warehouse.runs.RunHistory;
import uk.sufficiency.warehouse.runs.RunLock;
import uk.sufficiency.warehouse.runs.RunRecord;

/** Runs a {@link PipelineAction} with its history: marker while it runs, one record when it ends. */
public final class RecordedRun {
    private static final Logger LOG = LoggerFactory.getLogger(RecordedRun.class);

    private final RunHistory history;
    private final Path inputDir;
    private final PipelineAction action;

    public RecordedRun(RunHistory history, Path inputDir, PipelineAction action) {
        this.history = history;
        this.inputDir = inputDir.toAbsolutePath().normalize();
        this.action = action;
    }

    public Path inputDir() {
        return inputDir;
    }

    /**
     * Runs the action once, holding the warehouse's {@link RunLock}, and records the outcome. A
     * failure is recorded, logged and returned rather than thrown, since a scheduler has nobody to
     * throw to; only a JVM {@link Error} is rethrown after it has been recorded.
     *
     * @throws RunLock.Busy before doing anything, when another run holds the lock
     */
    public RunRecord run(RunRecord.Trigger trigger) {
        try (RunLock lock = RunLock.acquire(history.warehouseDir(), trigger + " pipeline run", RunLock.PATIENCE)) {
            return runLocked(trigger);
        }
    }

    private RunRecord runLocked(RunRecord.Trigger trigger) {
        Instant start = Instant.now();
        history.started(new RunHistory.Running(start, trigger, inputDir));
        // A manual run's caller prints its own progress and errors; scheduled runs have only the log.
        boolean log = trigger != RunRecord.Trigger.MANUAL;
        if (log) {
            LOG.info("Pipeline run started ({})", trigger);
        }
        RunRecord record;
        Throwable failure = null;
        try {
            RunSummary summary = action.run();
            record = succeeded(start, trigger, summary);
            if (log) {
                LOG.info("Pipeline run succeeded ({}): {} rows read, snapshot {}",
                        trigger, record.rowsRead(), record.snapshot());
            }
        } catch (Throwable t) {
            failure = t;
            String message = t.getMessage() == null || t.getMessage().isBlank()
                    ? t.getClass().getName() : t.getMessage();
            record = RunRecord.failed(start, Instant.now(), trigger, inputDir, history.warehouseDir(), message);
            if (log) {
                // A problem with the files, not the program, needs no stack trace: the message says it all.
                LOG.error("Pipeline run failed ({}): {}", trigger, message, t instanceof InputProblem ? null : t);
            }
        }
        history.finished(record);
        if (failure instanceof Error error) {
            throw error;
        }
        return record;
    }

    private RunRecord succeeded(Instant start, RunRecord.Trigger trigger, RunSummary summary) {
        return succeeded(start, Instant.now(), trigger, inputDir, history.warehouseDir(), summary);
    }

    /** The history's record of a run that published {@code summary}. */
    public static RunRecord succeeded(Instant start, Instant end, RunRecord.Trigger trigger, Path inputDir,
                                      Path warehouseDir, RunSummary summary) {
        return RunRecord.succeeded(start, end, trigger, inputDir, warehouseDir, summary.rowsRead(),
                summary.rejectedByReason(), summary.warningsByType(), summary.snapshot(), summary.elapsed(),
                summary.files().stream().map(f -> new RunRecord.FileRead(f.path(), f.table(), f.year(), f.la())).toList(),
                summary.notices());
    }
}
