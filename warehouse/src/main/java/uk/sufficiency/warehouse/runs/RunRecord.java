package uk.sufficiency.warehouse.runs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One finished pipeline run as the history keeps it: when, why, where, and either the run's
 * aggregates (with its notices about whole input files, in plain words with what to do) or its error. Nothing here is child-level; the aggregate fields are null on failure
 * and {@code error} is null on success, and null fields are left out of the JSON line.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunRecord(Instant start,
                        Instant end,
                        Outcome outcome,
                        Trigger trigger,
                        String inputDir,
                        String warehouseDir,
                        Long rowsRead,
                        Long rejectedTotal,
                        Map<String, Long> rejectedByReason,
                        Map<String, Long> warningsByType,
                        String snapshot,
                        Double seconds,
                        String error,
                        List<FileRead> files,
                        List<String> notices) {

    /** One input file a run read (or listed as ignored): aggregates about a file, never its rows. */
    public record FileRead(String path, String table, String year, String la) {
    }

    public enum Outcome {
        SUCCEEDED, FAILED, KILLED;

        @JsonValue
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What started the run; {@code SCENARIO} is a scenario saved on the dashboard, which remade the projections. */
    public enum Trigger {
        MANUAL, CRON, NEW_FILES, SCENARIO;

        @JsonValue
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static RunRecord succeeded(Instant start, Instant end, Trigger trigger, Path inputDir, Path warehouseDir,
                                      long rowsRead, Map<String, Long> rejectedByReason,
                                      Map<String, Long> warningsByType, Path snapshot, Duration elapsed,
                                      List<FileRead> files, List<String> notices) {
        // Sorted copies, so the same summary always gives the same line.
        return new RunRecord(start, end, Outcome.SUCCEEDED, trigger, text(inputDir), text(warehouseDir),
                rowsRead, rejectedByReason.values().stream().mapToLong(Long::longValue).sum(),
                new TreeMap<>(rejectedByReason), new TreeMap<>(warningsByType),
                snapshot == null ? null : snapshot.getFileName().toString(), elapsed.toMillis() / 1000.0, null,
                List.copyOf(files), List.copyOf(notices));
    }

    public static RunRecord failed(Instant start, Instant end, Trigger trigger, Path inputDir, Path warehouseDir,
                                   String error) {
        return new RunRecord(start, end, Outcome.FAILED, trigger, text(inputDir), text(warehouseDir),
                null, null, null, null, null, null, error, null, null);
    }

    /** A run whose process ended without finishing, noticed at {@code noticed} by the next holder of the run lock. */
    public static RunRecord killed(Instant start, Instant noticed, Trigger trigger, String inputDir, Path warehouseDir,
                                   String error) {
        return new RunRecord(start, noticed, Outcome.KILLED, trigger, inputDir, text(warehouseDir),
                null, null, null, null, null, null, error, null, null);
    }

    /** Wall-clock time from start to end (not a JSON field: Jackson only maps record components). */
    public Duration duration() {
        return Duration.between(start, end);
    }

    private static String text(Path dir) {
        return dir.toAbsolutePath().normalize().toString();
    }
}
