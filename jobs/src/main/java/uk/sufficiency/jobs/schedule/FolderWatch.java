package uk.sufficiency.jobs.schedule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;

/**
 * Tells when the files under a folder have changed since a run last read them and then stayed
 * the same for one whole poll, so a file still being copied is not read half-written. A file's
 * state is its size and modification time, which also covers the folder's latest modification.
 */
final class FolderWatch {
    private record FileState(long size, long modifiedMillis) {
    }

    private final Path dir;
    /** What the previous poll saw. */
    private Map<String, FileState> previous;
    /** What the latest run (started or asked for) reads: changes are measured against this. */
    private Map<String, FileState> handled;

    /** Files already present count as handled: only what arrives after this is new. */
    FolderWatch(Path dir) {
        this.dir = dir;
        this.previous = scan();
        this.handled = previous;
    }

    /**
     * Scans the folder; true when it differs from what was handled and equals the previous scan.
     * A true answer counts as handled, since the caller is about to ask for a run.
     */
    synchronized boolean changedAndSettled() {
        Map<String, FileState> now = scan();
        boolean settled = now.equals(previous) && !now.equals(handled);
        previous = now;
        if (settled) {
            handled = now;
        }
        return settled;
    }

    /** A run is starting and will read the folder as it is now, whatever started it. */
    synchronized void runStarting() {
        handled = scan();
    }

    /** The run did not start after all: what it would have read counts as unhandled again. */
    synchronized void runRefused() {
        handled = Map.of();
    }

    private Map<String, FileState> scan() {
        Map<String, FileState> files = new HashMap<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        files.put(dir.relativize(file).toString(),
                                new FileState(attrs.size(), attrs.lastModifiedTime().toMillis()));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    // A file deleted mid-scan is simply absent; the folder itself missing is an error.
                    if (e instanceof NoSuchFileException && !file.equals(dir)) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot scan the input folder " + dir, e);
        }
        return files;
    }
}
