package uk.sufficiency.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.sufficiency.dashboard.BackgroundRepublish.State;
import uk.sufficiency.warehouse.runs.RunLock;

/** A scenario save answers at once; the forecast is remade behind it and the page can say where it is. */
class BackgroundRepublishTest {
    @TempDir
    Path dir;
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-04T01:52:03Z"), ZoneOffset.UTC);

    @Test
    void queuedRunningDoneAndRequestsDuringARunQueueOneMore() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        try (BackgroundRepublish republish = new BackgroundRepublish(dir, warehouseDir -> {
            runs.incrementAndGet();
            started.countDown();
            await(release);
        }, clock, Duration.ofMillis(10))) {
            assertEquals(State.IDLE, republish.status().state());
            republish.request();
            assertTrue(started.await(10, TimeUnit.SECONDS));
            assertEquals(State.RUNNING, republish.status().state());
            republish.request(); // saved again while it runs: one more, reading the scenarios then
            republish.request(); // and again: shares the queued one
            release.countDown();
            waitFor(() -> runs.get() == 2 && republish.status().state() == State.DONE);
            Thread.sleep(100);
            assertEquals(2, runs.get());
            assertEquals(State.DONE, republish.status().state());
        }
    }

    @Test
    void aPipelineRunHoldingTheLockMakesItWaitThenItRuns() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        RunLock pipeline = RunLock.acquire(dir, "manual pipeline run", RunLock.PATIENCE);
        try (BackgroundRepublish republish = new BackgroundRepublish(dir, warehouseDir -> {
            try (RunLock lock = RunLock.acquire(warehouseDir, "scenario republish", Duration.ZERO)) {
                runs.incrementAndGet();
            }
        }, clock, Duration.ofMillis(20))) {
            republish.request();
            waitFor(() -> republish.status().detail() != null);
            assertEquals(State.QUEUED, republish.status().state());
            assertEquals("waiting for the manual pipeline run to finish", republish.status().detail());
            assertEquals("<p class=\"note\" id=\"republish-state\" role=\"status\" data-state=\"queued\">Remaking the"
                    + " forecast with the saved scenarios: queued since " + timeShown() + ", waiting for the manual"
                    + " pipeline run to finish.</p>\n", shown(republish.status()));
            pipeline.close();
            waitFor(() -> republish.status().state() == State.DONE);
            assertEquals(1, runs.get());
        } finally {
            pipeline.close();
        }
    }

    @Test
    void aFailureIsShownWithItsReason() throws Exception {
        try (BackgroundRepublish republish = new BackgroundRepublish(dir, warehouseDir -> {
            throw new IllegalStateException("No published snapshot in " + warehouseDir);
        }, clock, Duration.ofMillis(10))) {
            republish.request();
            waitFor(() -> republish.status().state() == State.FAILED);
            assertEquals("<p class=\"note\" id=\"republish-state\" role=\"status\" data-state=\"failed\">Remaking the"
                    + " forecast with the saved scenarios: failed at " + timeShown() + " (No published snapshot in "
                    + dir + "). The scenarios are saved; the charts show the forecast before the change.</p>\n",
                    shown(republish.status()));
        }
    }

    /** The sentence as the Forecast page shows it. */
    private static String shown(BackgroundRepublish.Status status) {
        return Templates.render("republish.jte", java.util.Map.of("status", ScenarioEditor.republishState(status)));
    }

    /** 01:52:03 UTC as the page shows it, in the server's zone. */
    private String timeShown() {
        return java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").withZone(java.time.ZoneId.systemDefault())
                .format(clock.instant());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void waitFor(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.get()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(10);
        }
    }
}
