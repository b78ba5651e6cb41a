package uk.sufficiency.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import uk.sufficiency.warehouse.PrivateDir;

/**
 * The one SparkSession a JVM uses: small shuffles, no UI, session time zone fixed to UTC for dates.
 * Shuffle, spill and cached blocks on disk hold child-level rows, so Spark encrypts them
 * ({@code spark.io.encryption.enabled}, a key per application held in memory) and, when Spark runs
 * in this JVM, keeps them in a private folder of this process (0700), which the next JVM to start
 * Spark removes if this one was killed before its own clean-up.
 */
public final class SparkSessions {
    private static final String LOCAL_DIR_PREFIX = "sufficiency-spark-";
    private static Path localDir; // guarded by SparkSessions.class

    private SparkSessions() {
    }

    public static SparkSession getOrCreate(String master) {
        SparkSession.Builder builder = SparkSession.builder()
                .appName("sufficiency-warehouse")
                .master(master)
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", "8")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.ansi.enabled", "false")
                .config("spark.sql.legacy.timeParserPolicy", "CORRECTED")
                .config("spark.io.encryption.enabled", "true");
        if (master.startsWith("local")) {
            // On a cluster each worker's own local folders apply (SPARK_LOCAL_DIRS); they are encrypted too.
            builder.config("spark.local.dir", localDir().toString());
        }
        String pipelineJar = pipelineJar();
        if (!master.startsWith("local") && pipelineJar != null) {
            // Executors on a cluster need the pipeline's own classes (e.g. the XML parser).
            builder.config("spark.jars", pipelineJar);
        }
        String executorOptions = executorJavaOptions();
        if (!master.startsWith("local") && !executorOptions.isEmpty()
                && System.getProperty("spark.executor.extraJavaOptions") == null) {
            // Executors on a cluster are JVMs of their own: give them the --add-opens this driver runs with.
            builder.config("spark.executor.extraJavaOptions", executorOptions);
        }
        return builder.getOrCreate();
    }

    /**
     * This process's folder for Spark's local files, {@code sufficiency-spark-PID} in the temporary
     * folder, owner-only; created (after removing the folders of processes that have ended) on first use.
     */
    public static synchronized Path localDir() {
        if (localDir == null) {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            removeLeftBehind(tmp);
            Path dir = PrivateDir.create(tmp.resolve(LOCAL_DIR_PREFIX + ProcessHandle.current().pid()));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    PrivateDir.deleteTree(dir);
                } catch (UncheckedIOException e) {
                    // Spark's own hook may be deleting inside it at the same moment; the next start finishes it
                }
            }, "spark-local-dir-cleanup"));
            localDir = dir;
        }
        return localDir;
    }

    /** Removes the Spark folders of processes on this machine that have ended (killed, say) and left them. */
    static void removeLeftBehind(Path tmp) {
        try (Stream<Path> dirs = Files.list(tmp)) {
            for (Path dir : dirs.filter(p -> p.getFileName().toString().startsWith(LOCAL_DIR_PREFIX)).toList()) {
                String pid = dir.getFileName().toString().substring(LOCAL_DIR_PREFIX.length());
                boolean ended = pid.matches("[0-9]+")
                        && !ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
                if (ended) {
                    try {
                        PrivateDir.deleteTree(dir);
                    } catch (UncheckedIOException e) {
                        // another user's folder, say: not ours to remove
                    }
                }
            }
        } catch (IOException e) {
            // an unlistable temporary folder: nothing to tidy
        }
    }

    /** This JVM's own {@code --add-opens} flags (the launcher's and the build's list), space-separated. */
    private static String executorJavaOptions() {
        return String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> argument.startsWith("--add-opens=")).toList());
    }

    /** The jar this class was loaded from, or null when running from a classes folder (tests). */
    private static String pipelineJar() {
        try {
            Path location = Path.of(SparkSessions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.toString().endsWith(".jar") ? location.toString() : null;
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
    }
}
