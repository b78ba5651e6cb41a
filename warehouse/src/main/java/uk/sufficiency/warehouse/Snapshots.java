package uk.sufficiency.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The warehouse directory: {@code snapshots/<id>/} holds one run's Parquet facts and the file
 * {@code current} names the snapshot readers use. A run writes into a staging directory that no
 * reader looks at, and only {@link #publish} makes it current, by renaming the directory and then
 * atomically replacing {@code current}; a failed run calls {@link #discard} and nothing changes.
 */
public final class Snapshots {
    public static final int SNAPSHOTS_KEPT = 3;
    private static final String STAGING_PREFIX = ".staging-";
    /** In a staging folder: the snapshot that was current when it began ("" for none). */
    private static final String BASED_ON = ".based-on";
    /** In a snapshot a scenario save made from another: its facts are that run's (see {@link #prune}). */
    private static final String REPUBLISHED = ".republished";
    private static final DateTimeFormatter ID_FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final Path warehouseDir;

    public Snapshots(Path warehouseDir) {
        this.warehouseDir = warehouseDir.toAbsolutePath().normalize();
    }

    public Path warehouseDir() {
        return warehouseDir;
    }

    private Path snapshotsDir() {
        return warehouseDir.resolve("snapshots");
    }

    /**
     * A fresh directory for a run to write its facts into, owner-only (0700) as its facts hold
     * child-level rows. It remembers which snapshot was current, so {@link #publish} can refuse to
     * replace a newer one.
     */
    public Path beginStaging() {
        try {
            Files.createDirectories(snapshotsDir());
            String id = LocalDateTime.now().format(ID_FORMAT);
            Path staging = snapshotsDir().resolve(STAGING_PREFIX + id);
            for (int n = 1; Files.exists(staging) || Files.exists(snapshotsDir().resolve(id)); n++) {
                id = LocalDateTime.now().format(ID_FORMAT) + "-" + n;
                staging = snapshotsDir().resolve(STAGING_PREFIX + id);
            }
            PrivateDir.create(staging);
            Files.writeString(staging.resolve(BASED_ON),
                    current().map(c -> c.getFileName().toString()).orElse(""), StandardCharsets.UTF_8);
            return staging;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a staging snapshot under " + snapshotsDir(), e);
        }
    }

    /**
     * Makes a completely written staging directory the current snapshot; returns its final path.
     * Refused when another snapshot was published since the staging began: that one is newer.
     */
    public Path publish(Path staging) {
        String name = staging.getFileName().toString();
        if (!name.startsWith(STAGING_PREFIX)) {
            throw new IllegalArgumentException("Not a staging snapshot: " + staging);
        }
        try {
            Path basedOn = staging.resolve(BASED_ON);
            if (Files.exists(basedOn)) {
                String then = Files.readString(basedOn, StandardCharsets.UTF_8);
                String now = current().map(c -> c.getFileName().toString()).orElse("");
                if (!then.equals(now)) {
                    throw new IllegalStateException("Snapshot " + now + " was published while this run worked; it"
                            + " stays current and this run publishes nothing.");
                }
                Files.delete(basedOn);
            }
            ownerOnly(staging);
            Path finalDir = snapshotsDir().resolve(name.substring(STAGING_PREFIX.length()));
            Files.move(staging, finalDir, StandardCopyOption.ATOMIC_MOVE);
            Path pointer = warehouseDir.resolve("current");
            Path temp = warehouseDir.resolve("current.tmp");
            Files.writeString(temp, finalDir.getFileName().toString() + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(temp, pointer, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, pointer, StandardCopyOption.REPLACE_EXISTING);
            }
            prune();
            return finalDir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot publish snapshot " + staging, e);
        }
    }

    /** Marks a staging folder as a republish of {@code source}'s data with new projections. */
    public void markRepublished(Path staging, Path source) {
        try {
            Files.writeString(staging.resolve(REPUBLISHED), source.getFileName().toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot mark " + staging, e);
        }
    }

    /** True for a snapshot a pipeline run published (not a republish after a scenario save). */
    public static boolean fromPipelineRun(Path snapshot) {
        return !Files.exists(snapshot.resolve(REPUBLISHED));
    }

    /** Removes a failed run's staging directory; the current snapshot is untouched. */
    public void discard(Path staging) {
        PrivateDir.deleteTree(staging);
    }

    /**
     * Removes every staging folder: runs that were killed while writing leave theirs, holding
     * partial facts. Only the holder of the run lock calls this, so none belongs to a live run.
     */
    public void removeStaging() {
        if (!Files.isDirectory(snapshotsDir())) {
            return;
        }
        try (Stream<Path> dirs = Files.list(snapshotsDir())) {
            for (Path dir : dirs.filter(p -> p.getFileName().toString().startsWith(STAGING_PREFIX)).toList()) {
                PrivateDir.deleteTree(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + snapshotsDir(), e);
        }
    }

    public Optional<Path> current() {
        Path pointer = warehouseDir.resolve("current");
        if (!Files.isRegularFile(pointer)) {
            return Optional.empty();
        }
        try {
            String id = Files.readString(pointer, StandardCharsets.UTF_8).trim();
            Path dir = snapshotsDir().resolve(id);
            return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + pointer, e);
        }
    }

    /** The current snapshot, or fails saying there is none yet. */
    public Path requireCurrent() {
        return current().orElseThrow(() -> new IllegalStateException(
                "No published snapshot in " + warehouseDir + ": run './sufficiency run' first."));
    }

    /** Published snapshots, oldest first. */
    public List<Path> published() {
        if (!Files.isDirectory(snapshotsDir())) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(snapshotsDir())) {
            return dirs.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + snapshotsDir(), e);
        }
    }

    /**
     * Keeps the newest {@link #SNAPSHOTS_KEPT}, the current one and the newest a pipeline run
     * published, however many scenario saves republished after it: that is the run to go back to.
     */
    private void prune() {
        List<Path> all = published();
        Optional<Path> current = current();
        Optional<Path> newestRun = all.stream().filter(Snapshots::fromPipelineRun).reduce((a, b) -> b);
        for (Path old : all.subList(0, Math.max(0, all.size() - SNAPSHOTS_KEPT))) {
            if (!current.equals(Optional.of(old)) && !newestRun.equals(Optional.of(old))) {
                PrivateDir.deleteTree(old);
            }
        }
    }

    /** Facts hold child-level rows (episodes, children): owner-only folders (0700) and files (0600), like the key. */
    private static void ownerOnly(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                PrivateDir.ownerOnly(p, Files.isDirectory(p) ? "rwx------" : "rw-------");
            }
        }
    }
}
