package uk.sufficiency.pipeline;

import java.nio.file.Path;

/**
 * What one pipeline run reads and where it publishes.
 *
 * @param inputDir     landing folder, read recursively
 * @param warehouseDir warehouse directory (snapshots, current pointer, pseudonymisation key)
 * @param la           the LA for files without an {@code LA} column, or null
 * @param master       Spark master URL, e.g. {@code local[*]} or {@code spark://127.0.0.1:7077}
 */
public record RunOptions(Path inputDir, Path warehouseDir, String la, String master) {
    public static final String DEFAULT_MASTER = "local[*]";

    public RunOptions {
        if (master == null || master.isBlank()) {
            master = DEFAULT_MASTER;
        }
    }
}
