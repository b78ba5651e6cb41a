package uk.sufficiency.dashboard;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import uk.sufficiency.warehouse.runs.RunLock;

/**
 * Remakes the forecast after a scenario is saved or deleted, on a thread of its own, so the save
 * answers at once; the Forecast page shows where it is (queued, running, done, failed). Requests
 * made while one is queued share it; one made while it runs queues one more, which reads the
 * scenarios as they are then. While a pipeline run holds the warehouse's lock it waits its turn.
 */
final class BackgroundRepublish implements AutoCloseable {
    /** How often a republish waiting for a pipeline run tries the lock again. */
    static final Duration RETRY = Duration.ofSeconds(5);
    private static final System.Logger LOG = System.getLogger(BackgroundRepublish.class.getName());

    enum State { IDLE, QUEUED, RUNNING, DONE, FAILED }

    /** What the page shows: the state, since when, and for a failure or a wait, why. */
    record Status(State state, Instant since, String detail) {
    }

    private final Path warehouseDir;
    private final Republisher republisher;
    private final Clock clock;
    private final Duration retry;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "forecast-republish");
        thread.setDaemon(true);
        return thread;
    });
    private Status status; // guarded by this
    private boolean queued; // guarded by this: a request is waiting for the worker

    BackgroundRepublish(Path warehouseDir, Republisher republisher, Clock clock, Duration retry) {
        this.warehouseDir = warehouseDir;
        this.republisher = republisher;
        this.clock = clock;
        this.retry = retry;
        this.status = new Status(State.IDLE, clock.instant(), null);
    }

    synchronized Status status() {
        return status;
    }

    /** Asks for the forecast to be remade with the saved scenarios as they are when it starts. */
    synchronized void request() {
        if (queued) {
            return;
        }
        queued = true;
        if (status.state() != State.RUNNING) {
            status = new Status(State.QUEUED, clock.instant(), null);
        }
        worker.execute(this::work);
    }

    private void work() {
        synchronized (this) {
            queued = false;
            status = new Status(State.RUNNING, clock.instant(), null);
        }
        while (true) {
            try {
                republisher.republish(warehouseDir);
                set(new Status(State.DONE, clock.instant(), null));
                return;
            } catch (RunLock.Busy busy) {
                set(new Status(State.QUEUED, clock.instant(), busy.holder() == null ? "waiting for another run"
                        : "waiting for the " + busy.holder().what() + " to finish"));
                if (!sleep()) {
                    return;
                }
                set(new Status(State.RUNNING, clock.instant(), null));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "Remaking the forecast failed", e);
                set(new Status(State.FAILED, clock.instant(), e.getMessage()));
                return;
            }
        }
    }

    private synchronized void set(Status next) {
        status = next;
    }

    private boolean sleep() {
        try {
            Thread.sleep(retry.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
