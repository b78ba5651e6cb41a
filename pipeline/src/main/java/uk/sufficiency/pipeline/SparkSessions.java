package uk.sufficiency.pipeline;

import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** The one SparkSession a JVM uses: small shuffles, no UI, session time zone fixed to UTC for dates. */
public final class SparkSessions {
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
                .config("spark.sql.legacy.timeParserPolicy", "CORRECTED");
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
