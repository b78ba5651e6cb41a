package uk.sufficiency.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The per-installation key that pseudonymises child ids. It lives beside the snapshots (never in
 * one), is created on first use and readable by its owner only, so the same child keeps the same
 * pseudonym across runs but cannot be traced back without the key.
 */
public final class InstallationSecret {
    private static final String FILE_NAME = ".pseudonym-key";

    private InstallationSecret() {
    }

    private static void setOwnerOnly(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException noPosix) {
            // not a POSIX file system: the folder's own permissions apply
        }
    }

    public static String load(Path warehouseDir) {
        Path file = warehouseDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(warehouseDir);
            if (!Files.exists(file)) {
                // Written whole under a temporary name, then moved into place without replacing: two
                // first runs at once agree on whichever key landed first, and never read a half-written one.
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Path temp = Files.createTempFile(warehouseDir, ".pseudonym-key", ".tmp");
                try {
                    setOwnerOnly(temp);
                    Files.writeString(temp, HexFormat.of().formatHex(key), StandardCharsets.UTF_8);
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException raced) {
                    // another run created it first; use theirs
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the pseudonymisation key " + file, e);
        }
    }
}
