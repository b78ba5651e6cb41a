package uk.sufficiency.jobs.schedule;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sufficiency.warehouse.runs.RunLock;
import uk.sufficiency.warehouse.runs.RunRecord;

/**
 * Runs the pipeline on a cron schedule and whenever new or changed files have settled in the input
 * folder. Both kinds of trigger fire one shared job that Quartz never runs twice at once; triggers
 * that fire during a run wait, and of those only the first runs: a request is dropped when a run
 * has started since it was made, because that run reads everything the request was about.
 */
public final class PipelineScheduler implements AutoCloseable {
    public static final Duration DEFAULT_POLL = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(PipelineScheduler.class);
    private static final JobKey PIPELINE = JobKey.jobKey("pipeline");
    private static final JobKey WATCH = JobKey.jobKey("watch-input");
    private static final String TRIGGER = "trigger";

    private final String cron;
    private final Duration pollInterval;
    private final RecordedRun run;
    private Scheduler quartz;
    private FolderWatch watch;
    /** Only the pipeline job reads and writes this, one execution at a time; volatile as threads vary. */
    private volatile Instant lastRunStarted = Instant.MIN;

    /**
     * @param cron         Quartz cron: seconds minutes hours day-of-month month day-of-week [year]
     * @param pollInterval how often the input folder is scanned
     * @param run          the run to schedule; its input folder is the one watched
     * @throws IllegalArgumentException for an invalid cron expression or a missing input folder
     */
    public PipelineScheduler(String cron, Duration pollInterval, RecordedRun run) {
        try {
            CronExpression.validateExpression(cron);
        } catch (ParseException e) {
            throw new IllegalArgumentException("Invalid cron expression \"" + cron + "\": " + e.getMessage()
                    + ". Quartz cron has six or seven fields, starting with seconds, and '?' in day-of-month"
                    + " or day-of-week, e.g. \"0 0 2 * * ?\" for 02:00 every day.", e);
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("Poll interval must be positive, not " + pollInterval);
        }
        if (!Files.isDirectory(run.inputDir())) {
            throw new IllegalArgumentException("Input folder does not exist: " + run.inputDir());
        }
        this.cron = cron;
        this.pollInterval = pollInterval;
        this.run = run;
    }

    public synchronized void start() {
        if (quartz != null) {
            throw new IllegalStateException("Scheduler already started");
        }
        watch = new FolderWatch(run.inputDir());
        try {
            quartz = new StdSchedulerFactory(quartzProperties()).getScheduler();
            quartz.setJobFactory((bundle, scheduler) ->
                    bundle.getJobDetail().getJobClass() == PipelineJob.class ? new PipelineJob() : new WatchJob());
            JobDetail pipeline = JobBuilder.newJob(PipelineJob.class).withIdentity(PIPELINE).storeDurably().build();
            quartz.addJob(pipeline, false);
            quartz.scheduleJob(TriggerBuilder.newTrigger().forJob(PIPELINE)
                    .usingJobData(TRIGGER, RunRecord.Trigger.CRON.name())
                    // Held back past Quartz's 60 s misfire threshold by a long run: fire once, not per missed
                    // time. Shorter hold-ups fire each missed time, and the covered-request rule drops them.
                    .withSchedule(CronScheduleBuilder.cronSchedule(cron).withMisfireHandlingInstructionFireAndProceed())
                    .build());
            quartz.scheduleJob(JobBuilder.newJob(WatchJob.class).withIdentity(WATCH).build(),
                    TriggerBuilder.newTrigger()
                            .startAt(Date.from(Instant.now().plus(pollInterval)))
                            .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                                    .withIntervalInMilliseconds(pollInterval.toMillis()).repeatForever()
                                    .withMisfireHandlingInstructionNextWithRemainingCount())
                            .build());
            quartz.start();
        } catch (SchedulerException e) {
            stop();
            throw new IllegalStateException("Cannot start the scheduler: " + e.getMessage(), e);
        }
    }

    /** Stops triggering runs and waits for a run in progress to finish. */
    public synchronized void stop() {
        if (quartz == null) {
            return;
        }
        try {
            quartz.shutdown(true);
        } catch (SchedulerException e) {
            LOG.warn("Scheduler did not shut down cleanly: {}", e.getMessage());
        }
        quartz = null;
    }

    @Override
    public void close() {
        stop();
    }

    private static Properties quartzProperties() {
        Properties p = new Properties();
        // Quartz keeps one scheduler per name in the JVM; a unique name keeps instances apart.
        p.setProperty("org.quartz.scheduler.instanceName", "sufficiency-" + UUID.randomUUID());
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        // One thread for the pipeline, one so polling goes on during a run.
        p.setProperty("org.quartz.threadPool.threadCount", "2");
        return p;
    }

    @DisallowConcurrentExecution
    private final class PipelineJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            RunRecord.Trigger trigger = RunRecord.Trigger.valueOf(context.getMergedJobDataMap().getString(TRIGGER));
            Instant requested = context.getScheduledFireTime().toInstant();
            if (requested.isBefore(lastRunStarted)) {
                LOG.info("Skipping the {} run requested at {}: the run started at {} covered it",
                        trigger, requested, lastRunStarted);
                return;
            }
            Instant before = lastRunStarted;
            lastRunStarted = Instant.now();
            try {
                watch.runStarting();
            } catch (UncheckedIOException e) {
                LOG.warn(e.getMessage()); // the run itself will report what it cannot read
            }
            try {
                run.run(trigger);
            } catch (RunLock.Busy e) {
                // Another process (a CLI run, say) is writing the warehouse: this one did nothing, so
                // later requests are not covered by it and the files it was for count as new again.
                lastRunStarted = before;
                watch.runRefused();
                LOG.warn("Skipped the {} run: {}", trigger, e.getMessage());
            }
        }
    }

    @DisallowConcurrentExecution
    private final class WatchJob implements Job {
        @Override
        public void execute(JobExecutionContext context) throws JobExecutionException {
            try {
                if (watch.changedAndSettled()) {
                    LOG.info("New or changed files in {}: requesting a run", run.inputDir());
                    context.getScheduler().triggerJob(PIPELINE,
                            new JobDataMap(Map.of(TRIGGER, RunRecord.Trigger.NEW_FILES.name())));
                }
            } catch (UncheckedIOException e) {
                LOG.warn("{}; will look again in {} s", e.getMessage(), pollInterval.toSeconds());
            } catch (SchedulerException e) {
                throw new JobExecutionException(e);
            }
        }
    }
}
