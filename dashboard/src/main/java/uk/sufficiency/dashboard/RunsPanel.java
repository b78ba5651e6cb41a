package uk.sufficiency.dashboard;

import static uk.sufficiency.dashboard.DashboardPage.escape;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import uk.sufficiency.warehouse.runs.RunHistory;
import uk.sufficiency.warehouse.runs.RunRecord;

/**
 * The data-quality page's account of the pipeline's runs (runs/history.jsonl): the last runs with
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

    static String render(Path warehouseDir, String snapshot) {
        List<RunRecord> runs = new RunHistory(warehouseDir).recent(RUNS_SHOWN);
        List<List<String>> runRows = runs.stream().map(r -> List.of(escape(WHEN.format(r.start())),
                String.format(Locale.UK, "%.1f s", r.duration().toMillis() / 1000.0), escape(r.trigger().toString()),
                escape(r.outcome().toString()), ChartPanel.display(r.rowsRead()), ChartPanel.display(r.rejectedTotal()),
                escape(r.outcome() == RunRecord.Outcome.SUCCEEDED ? Objects.toString(r.snapshot(), "")
                        : r.error().lines().findFirst().orElse("")))).toList();
        List<List<String>> fileRows = runs.stream().filter(r -> snapshot.equals(r.snapshot()) && r.files() != null)
                .findFirst().map(RunRecord::files).orElse(List.of()).stream()
                .map(f -> List.of(escape(Path.of(f.path()).getFileName().toString()), escape(f.table()),
                        escape(Objects.toString(f.year(), "")), escape(Objects.toString(f.la(), "")))).toList();
        return """
                <section class="panel" id="runs" aria-labelledby="runs-heading">
                <h2 id="runs-heading">The last runs of the pipeline, newest first</h2>
                %1$s
                <p class="downloads">Download: <a href="/api/runs">JSON</a></p>
                </section>
                <section class="panel" id="files" aria-labelledby="files-heading">
                <h2 id="files-heading">Files read by the run that published snapshot %2$s</h2>
                %3$s
                </section>
                """.formatted(runs.isEmpty() ? "<p>No runs are recorded in this warehouse.</p>"
                        : ChartPanel.html("Pipeline runs", List.of("Started", "Took", "Trigger", "Outcome", "Rows read",
                        "Rows rejected", "Snapshot or error"), runRows),
                escape(snapshot), fileRows.isEmpty() ? "<p>The run history does not list the files of this snapshot.</p>"
                        : ChartPanel.html("Files read", List.of("File", "Table", "Collection year", "LA"), fileRows));
    }
}
