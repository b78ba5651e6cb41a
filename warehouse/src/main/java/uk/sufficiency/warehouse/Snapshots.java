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

    /** A fresh, empty directory for a run to write its facts into. */
    public Path beginStaging() {
        try {
            Files.createDirectories(snapshotsDir());
            String id = LocalDateTime.now().format(ID_FORMAT);
            Path staging = snapshotsDir().resolve(STAGING_PREFIX + id);
            for (int n = 1; Files.exists(staging) || Files.exists(snapshotsDir().resolve(id)); n++) {
                id = LocalDateTime.now().format(ID_FORMAT) + "-" + n;
                staging = snapshotsDir().resolve(STAGING_PREFIX + id);
            }
            return Files.createDirectory(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a staging snapshot under " + snapshotsDir(), e);
        }
    }

    /** Makes a completely written staging directory the current snapshot; returns its final path. */
    public Path publish(Path staging) {
        String name = staging.getFileName().toString();
        if (!name.startsWith(STAGING_PREFIX)) {
            throw new IllegalArgumentException("Not a staging snapshot: " + staging);
        }
        try {
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

    /** Removes a failed run's staging directory; the current snapshot is untouched. */
    public void discard(Path staging) {
        deleteTree(staging);
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

    private void prune() {
        List<Path> all = published();
        Optional<Path> current = current();
        for (Path old : all.subList(0, Math.max(0, all.size() - SNAPSHOTS_KEPT))) {
            if (current.map(c -> !c.equals(old)).orElse(true)) {
                deleteTree(old);
            }
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + root, e);
        }
    }
}
