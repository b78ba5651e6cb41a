package uk.sufficiency.dashboard;

import java.nio.file.Path;
import java.util.Optional;
import uk.sufficiency.warehouse.Snapshots;
import uk.sufficiency.warehouse.Warehouse;

/**
 * The warehouse of whichever snapshot the {@code current} pointer names, reopened when a run
 * publishes a new one. Each request reads the tiny pointer file, which is cheaper than any query,
 * so a new run shows up on the next request without restarting the server. Requests hold a
 * {@link Lease}, and a superseded snapshot is closed only when its last lease is returned, so a
 * publish never pulls the connection from under a query that is still running.
 */
final class CurrentWarehouse implements AutoCloseable {
    private final Snapshots snapshots;
    private Opened opened; // guarded by this

    CurrentWarehouse(Path warehouseDir) {
        this.snapshots = new Snapshots(warehouseDir);
    }

    /** A lease on the current snapshot's warehouse, or empty when nothing has been published yet. */
    Optional<Lease> lease() {
        Optional<Path> current = snapshots.current();
        if (current.isEmpty()) {
            return Optional.empty();
        }
        synchronized (this) {
            if (opened == null || !opened.warehouse.snapshot().equals(current.get())) {
                // Open before retiring, so a snapshot that fails to open leaves the old one serving.
                Opened fresh = new Opened(Warehouse.open(current.get()));
                retire();
                opened = fresh;
            }
            opened.users++;
            return Optional.of(new Lease(opened));
        }
    }

    private synchronized void release(Opened lent) {
        lent.users--;
        closeIfUnused(lent);
    }

    private void retire() {
        if (opened != null) {
            opened.retired = true;
            closeIfUnused(opened);
            opened = null;
        }
    }

    private static void closeIfUnused(Opened candidate) {
        if (candidate.retired && candidate.users == 0) {
            candidate.warehouse.close();
        }
    }

    @Override
    public synchronized void close() {
        retire();
    }

    /** One opened snapshot and how many requests are using it. */
    private static final class Opened {
        final Warehouse warehouse;
        int users;
        boolean retired;

        Opened(Warehouse warehouse) {
            this.warehouse = warehouse;
        }
    }

    /** A request's hold on one snapshot: return it with {@link #close()} (try-with-resources). */
    final class Lease implements AutoCloseable {
        private final Opened lent;
        private boolean returned;

        private Lease(Opened lent) {
            this.lent = lent;
        }

        Warehouse warehouse() {
            return lent.warehouse;
        }

        @Override
        public void close() {
            if (!returned) {
                returned = true;
                release(lent);
            }
        }
    }
}
