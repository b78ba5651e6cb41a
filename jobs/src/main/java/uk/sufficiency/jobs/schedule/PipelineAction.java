package uk.sufficiency.jobs.schedule;

import uk.sufficiency.pipeline.PipelineRun;
import uk.sufficiency.pipeline.Progress;
import uk.sufficiency.pipeline.RunOptions;
import uk.sufficiency.pipeline.RunSummary;
import uk.sufficiency.pipeline.SparkSessions;

/** One pipeline run; an interface so the scheduler can be tested without Spark. */
@FunctionalInterface
public interface PipelineAction {
    RunSummary run();

    /** The real pipeline. The session is fetched per run, so a long-lived scheduler reuses one. */
    static PipelineAction pipeline(RunOptions options, Progress progress) {
        return () -> PipelineRun.run(SparkSessions.getOrCreate(options.master()), options, progress);
    }
}
