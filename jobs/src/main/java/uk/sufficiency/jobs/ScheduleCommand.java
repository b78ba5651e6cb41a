package uk.sufficiency.jobs;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import uk.sufficiency.jobs.schedule.PipelineAction;
import uk.sufficiency.jobs.schedule.PipelineScheduler;
import uk.sufficiency.jobs.schedule.RecordedRun;
import uk.sufficiency.pipeline.RunOptions;
import uk.sufficiency.warehouse.runs.RunHistory;

/** {@code ./sufficiency schedule}: runs the pipeline on a cron and when files arrive, until Ctrl-C. */
public final class ScheduleCommand {
    private ScheduleCommand() {
    }

    /**
     * Starts the scheduler and blocks; Ctrl-C stops it through a shutdown hook, which waits for a run
     * in progress. Each run is recorded in the warehouse's history (see {@code status}).
     *
     * @throws IllegalArgumentException for an invalid cron expression or a missing input folder
     */
    public static void run(RunOptions options, String cron, Duration poll, PrintStream out)
            throws InterruptedException {
        PipelineAction action = PipelineAction.pipeline(options, LoggerFactory.getLogger(ScheduleCommand.class)::info);
        RecordedRun run = new RecordedRun(new RunHistory(options.warehouseDir()), options.inputDir(), action);
        PipelineScheduler scheduler = new PipelineScheduler(cron, poll, run);
        scheduler.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("Stopping; waiting for a run in progress to finish.");
            scheduler.stop();
        }, "schedule-shutdown"));
        out.printf("Scheduled: cron \"%s\", and new files in %s (checked every %d s). Ctrl-C stops.%n",
                cron, run.inputDir(), poll.toSeconds());
        new CountDownLatch(1).await(); // never counted down: the JVM ends after the shutdown hook
    }
}
