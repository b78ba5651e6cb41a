package uk.sufficiency.jobs.schedule;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import uk.sufficiency.pipeline.RunSummary;

/** A pipeline stand-in that sleeps, counts its runs and remembers how many ran at once. */
final class FakeAction implements PipelineAction {
    final AtomicInteger finished = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    private final long sleepMillis;

    FakeAction(long sleepMillis) {
        this.sleepMillis = sleepMillis;
    }

    @Override
    public RunSummary run() {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            Thread.sleep(sleepMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
            finished.incrementAndGet();
        }
        return summary(1_234, Duration.ofMillis(sleepMillis));
    }

    static RunSummary summary(long rowsRead, Duration elapsed) {
        return new RunSummary(Path.of("/wh/snapshots/20250301-020000-000"), List.of(), rowsRead,
                Map.of("missing_dob", 2L, "duplicate_episode", 5L), Map.of("overlap_repaired", 7L), elapsed);
    }
}
