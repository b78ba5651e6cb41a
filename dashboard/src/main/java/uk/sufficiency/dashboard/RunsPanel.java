package uk.sufficiency.dashboard;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import uk.sufficiency.warehouse.runs.RunHistory;
import uk.sufficiency.warehouse.runs.RunRecord;

/**
 * The data-quality page's account (runs.jte) of the pipeline's runs (runs/history.jsonl): the last runs with
 * their outcome and totals, and the files the run behind the current snapshot read for this LA.
 * Runs hold aggregates and file names only, never a row about a child.
 */
final class RunsPanel {
    static final int RUNS_SHOWN = 10;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK)
            .withZone(ZoneId.systemDefault());

    private RunsPanel() {
    }

    /** The last runs as JSON-ready rows, newest first. */
    static List<Map<String, Object>> runs(Path warehouseDir) {
        return new RunHistory(warehouseDir).recent(RUNS_SHOWN).stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("start", r.start().toString());
            row.put("seconds", r.duration().toMillis() / 1000.0);
            row.put("trigger", r.trigger().toString());
            row.put("outcome", r.outcome().toString());
            row.put("rows_read", r.rowsRead());
            row.put("rows_rejected", r.rejectedTotal());
            row.put("warnings", r.warningsByType() == null ? null
                    : r.warningsByType().values().stream().mapToLong(Long::longValue).sum());
            row.put("snapshot", r.snapshot());
            row.put("error", r.error() == null ? null : r.error().lines().findFirst().orElse(""));
            return row;
        }).toList();
    }

    /**
     * What runs.jte shows: either table is null when there is nothing to list; {@code notices} are what
     * the run behind the snapshot said about whole files (in plain words, with what to do), as its
     * summary printed them; {@code noticesWithheld} says there are some this reader may not see.
     */
    record View(List<String> notices, boolean noticesWithheld, Table runs, String snapshot, Table files)
            implements Panel {
    }

    /**
     * {@code exactForEveryLa}: the reader sees every LA of the warehouse exactly. Only then are the
     * notices shown, because they count a file's episodes, which may be few, and name no LA to suppress by.
     */
    static View view(Path warehouseDir, String snapshot, boolean exactForEveryLa) {
        List<RunRecord> runs = new RunHistory(warehouseDir).recent(RUNS_SHOWN);
        List<List<String>> runRows = runs.stream().map(r -> List.of(WHEN.format(r.start()),
                String.format(Locale.UK, "%.1f s", r.duration().toMillis() / 1000.0), r.trigger().toString(),
                r.outcome().toString(), ChartPanel.display(r.rowsRead()), ChartPanel.display(r.rejectedTotal()),
                r.outcome() == RunRecord.Outcome.SUCCEEDED ? Objects.toString(r.snapshot(), "")
                        : r.error().lines().findFirst().orElse(""))).toList();
        Optional<RunRecord> behind = runs.stream().filter(r -> snapshot.equals(r.snapshot())).findFirst();
        List<List<String>> fileRows = behind.map(RunRecord::files).orElse(List.of()).stream()
                .map(f -> List.of(Path.of(f.path()).getFileName().toString(), f.table(),
                        Objects.toString(f.year(), ""), Objects.toString(f.la(), ""))).toList();
        // Records written before runs kept their notices have none.
        List<String> notices = behind.map(RunRecord::notices).orElse(List.of());
        return new View(exactForEveryLa ? notices : List.of(), !exactForEveryLa && !notices.isEmpty(), runs.isEmpty() ? null : new Table("Pipeline runs", List.of("Started", "Took",
                "Trigger", "Outcome", "Rows read", "Rows rejected", "Snapshot or error"), runRows), snapshot,
                fileRows.isEmpty() ? null : new Table("Files read", List.of("File", "Table", "Collection year", "LA"),
                        fileRows));
    }
}
