package uk.sufficiency.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a run did, in aggregates only (never a child-level row): files recognised, rows read,
 * rejects by reason, warnings by type, time taken, and the snapshot it published.
 */
public record RunSummary(Path snapshot,
                         List<RecognisedFileSummary> files,
                         long rowsRead,
                         Map<String, Long> rejectedByReason,
                         Map<String, Long> warningsByType,
                         Duration elapsed) {

    /** One input file as the run understood it; {@code table} is {@code ignored} when unrecognised. */
    public record RecognisedFileSummary(String path, String table, String year, String la, List<String> extraColumns) {
    }

    public long rejectedTotal() {
        return rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The summary as printed at the end of {@code ./sufficiency run}. */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append("Files:\n");
        for (RecognisedFileSummary f : files) {
            out.append(String.format("  %-10s year %-6s LA %-20s %s%n", f.table(), f.year(), f.la(), f.path()));
            if (!f.extraColumns().isEmpty()) {
                out.append("             extra columns ignored: ").append(String.join(", ", f.extraColumns())).append('\n');
            }
        }
        out.append(String.format("Rows read: %,d%n", rowsRead));
        out.append(String.format("Rows rejected: %,d%n", rejectedTotal()));
        rejectedByReason.forEach((reason, n) -> out.append(String.format("  %-22s %,d%n", reason, n)));
        out.append("Warnings:\n");
        if (warningsByType.isEmpty()) {
            out.append("  none\n");
        }
        warningsByType.forEach((type, n) -> out.append(String.format("  %-22s %,d%n", type, n)));
        out.append(String.format("Time taken: %.1f s%n", elapsed.toMillis() / 1000.0));
        out.append("Published snapshot: ").append(snapshot).append('\n');
        return out.toString();
    }
}
