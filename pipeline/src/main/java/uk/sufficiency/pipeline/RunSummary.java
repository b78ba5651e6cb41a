package uk.sufficiency.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import uk.sufficiency.warehouse.QualityCode;

/**
 * What a run did, in aggregates only (never a child-level row): files recognised, rows read (and,
 * per source, how many were kept, rejected or duplicates), rejects by reason, warnings by type,
 * notices about whole files in plain words, time taken, and the snapshot it published.
 */
public record RunSummary(Path snapshot,
                         List<RecognisedFileSummary> files,
                         long rowsRead,
                         Map<String, Long> rejectedByReason,
                         Map<String, Long> warningsByType,
                         Duration elapsed,
                         List<SourceRows> sources,
                         List<String> notices) {

    public RunSummary {
        sources = List.copyOf(sources);
        notices = List.copyOf(notices);
    }

    public RunSummary(Path snapshot, List<RecognisedFileSummary> files, long rowsRead,
                      Map<String, Long> rejectedByReason, Map<String, Long> warningsByType, Duration elapsed) {
        this(snapshot, files, rowsRead, rejectedByReason, warningsByType, elapsed, List.of(), List.of());
    }

    /**
     * One input file as the run understood it; {@code table} is {@code ignored} when unrecognised,
     * and {@code note} then says why.
     */
    public record RecognisedFileSummary(String path, String table, String year, String la, List<String> extraColumns,
                                        String note) {
        public RecognisedFileSummary(String path, String table, String year, String la, List<String> extraColumns) {
            this(path, table, year, la, extraColumns, null);
        }
    }

    /**
     * One source's rows: every row read is kept, rejected, or a duplicate (an older copy of a row a
     * later return repeats, or a Header line left out), so {@code read = kept + rejected + duplicates}.
     */
    public record SourceRows(String source, long read, long kept, long rejected, long duplicates) {
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
            if (f.note() != null) {
                out.append("             ").append(f.note()).append('\n');
            }
        }
        out.append(String.format("Rows read: %,d%n", rowsRead));
        if (!sources.isEmpty()) {
            out.append(String.format("  %-20s %10s %10s %10s %10s%n", "source", "read", "kept", "rejected", "duplicates"));
            for (SourceRows s : sources) {
                out.append(String.format("  %-20s %,10d %,10d %,10d %,10d%n", s.source(), s.read(), s.kept(), s.rejected(),
                        s.duplicates()));
            }
        }
        out.append(String.format("Rows rejected: %,d%n", rejectedTotal()));
        rejectedByReason.forEach((reason, n) -> explained(out, reason, n));
        out.append("Warnings:\n");
        if (warningsByType.isEmpty()) {
            out.append("  none\n");
        }
        warningsByType.forEach((type, n) -> explained(out, type, n));
        if (!notices.isEmpty()) {
            out.append("Notices:\n");
            notices.forEach(n -> out.append("  ").append(n).append('\n'));
        }
        out.append(String.format("Time taken: %.1f s%n", elapsed.toMillis() / 1000.0));
        out.append("Published snapshot: ").append(snapshot).append('\n');
        return out.toString();
    }

    /** A count under its code, and the code's meaning and what to do on the next line. */
    private static void explained(StringBuilder out, String key, long n) {
        out.append(String.format("  %-22s %,d%n", key, n));
        // Other sources' rejects are keyed "source: reason".
        String code = key.contains(": ") ? key.substring(key.indexOf(": ") + 2) : key;
        out.append("      ").append(QualityCode.explain(code)).append('\n');
    }
}
