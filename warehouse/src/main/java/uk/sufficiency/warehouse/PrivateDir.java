package uk.sufficiency.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/** Folders only their owner can open (0700), for files that may hold child-level rows. */
public final class PrivateDir {
    private PrivateDir() {
    }

    /** A new, empty owner-only folder under the system's temporary folder. */
    public static Path createTemp(String prefix) {
        try {
            try {
                return Files.createTempDirectory(prefix,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException noPosix) {
                return Files.createTempDirectory(prefix); // not POSIX: the user's own temporary folder applies
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a private temporary folder", e);
        }
    }

    /** Creates {@code dir} (and parents) if missing and makes it owner-only. */
    public static Path create(Path dir) {
        try {
            Files.createDirectories(dir);
            ownerOnly(dir, "rwx------");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the private folder " + dir, e);
        }
    }

    /** Sets POSIX permissions such as {@code rw-------}; a file system without them is left as it is. */
    public static void ownerOnly(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException noPosix) {
            // not a POSIX file system: the folder's own permissions apply
        }
    }

    /** Removes a folder and everything under it; a missing folder is fine. */
    public static void deleteTree(Path root) {
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
