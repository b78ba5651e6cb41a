package uk.sufficiency.jobs.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.sufficiency.pipeline.RunSummary;
import uk.sufficiency.warehouse.runs.RunHistory;
import uk.sufficiency.warehouse.runs.RunRecord.Trigger;
import uk.sufficiency.warehouse.runs.RunRecord;

class RunHistoryTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Path INPUT = Path.of("/landing");

    @TempDir
    Path warehouse;

    private static RunRecord ok(String start, long seconds, Trigger trigger, long rows) {
        Instant t = Instant.parse(start);
        return RecordedRun.succeeded(t, t.plusSeconds(seconds), trigger, INPUT, Path.of("/wh"),
                FakeAction.summary(rows, Duration.ofSeconds(seconds)));
    }

    private static RunRecord failed(String start, long seconds, String error) {
        Instant t = Instant.parse(start);
        return RunRecord.failed(t, t.plusSeconds(seconds), Trigger.NEW_FILES, INPUT, Path.of("/wh"), error);
    }

    @Test
    void emptyHistorySaysSo() {
        RunHistory history = new RunHistory(warehouse);
        assertEquals(List.of(), history.recent(10));
        assertEquals("Run history: no runs recorded yet.\n", history.format(10, LONDON));
    }

    @Test
    void recentIsNewestFirstAndAtMostN() {
        RunHistory history = new RunHistory(warehouse);
        RunRecord first = ok("2025-03-01T02:00:00Z", 60, Trigger.CRON, 1);
        RunRecord second = failed("2025-03-02T02:00:00Z", 3, "boom");
        RunRecord third = ok("2025-03-03T02:00:00Z", 60, Trigger.MANUAL, 3);
        history.finished(first);
        history.finished(second);
        history.finished(third);
        assertEquals(List.of(third, second), history.recent(2));
        assertEquals(List.of(third, second, first), history.recent(10));
        assertEquals(List.of(), history.recent(0));
    }

    @Test
    void historySurvivesReopeningAndSkipsATornLine() throws Exception {
        RunRecord run = ok("2025-03-01T02:00:00Z", 65, Trigger.CRON, 1_234);
        new RunHistory(warehouse).finished(run);
        Path file = warehouse.resolve("runs/history.jsonl");
        Files.writeString(file, "{\"start\":\"2025-03-0", java.nio.file.StandardOpenOption.APPEND);

        assertEquals(List.of(run), new RunHistory(warehouse).recent(5));
        assertEquals("{\"start\":\"2025-03-01T02:00:00Z\",\"end\":\"2025-03-01T02:01:05Z\",\"outcome\":\"succeeded\","
                + "\"trigger\":\"cron\",\"inputDir\":\"/landing\",\"warehouseDir\":\"/wh\",\"rowsRead\":1234,"
                + "\"rejectedTotal\":7,\"rejectedByReason\":{\"duplicate_episode\":5,\"missing_dob\":2},"
                + "\"warningsByType\":{\"overlap_repaired\":7},\"snapshot\":\"20250301-020000-000\",\"seconds\":65.0,\"files\":[],"
                + "\"notices\":[]}",
                Files.readAllLines(file).get(0));
    }

    @Test
    void aRunsNoticesAboutItsFilesAreKeptForTheDataQualityPage() {
        String notice = "2017-episodes.csv line 12: the file ends in the middle of a row";
        Instant t = Instant.parse("2025-03-01T02:00:00Z");
        RunSummary summary = new RunSummary(Path.of("/wh/snapshots/20250301-020000-000"), List.of(), 10, Map.of(),
                Map.of(), Duration.ofSeconds(5), List.of(), List.of(notice));
        new RunHistory(warehouse).finished(RecordedRun.succeeded(t, t.plusSeconds(5), Trigger.CRON, INPUT, Path.of("/wh"),
                summary));
        assertEquals(List.of(notice), new RunHistory(warehouse).recent(1).get(0).notices());
    }

    @Test
    void statusTableListsNewestFirst() {
        RunHistory history = new RunHistory(warehouse);
        history.finished(ok("2025-03-01T02:00:00Z", 65, Trigger.CRON, 1_234_567));
        history.finished(failed("2025-03-01T14:12:30Z", 3, "episodes_2024.csv: no DECOM column\nat line 1"));
        history.started(new RunHistory.Running(Instant.parse("2025-06-02T01:00:00Z"), Trigger.CRON, Path.of("/in")));

        assertEquals("""
                Running now: started 2025-06-02 02:00:00 (cron)

                Start                Duration  Trigger    Outcome     Rows read  Rejected  Snapshot or error
                2025-03-01 14:12:30        3s  new_files  failed              -         -  episodes_2024.csv: no DECOM column
                2025-03-01 02:00:00    1m 05s  cron       succeeded   1,234,567         7  20250301-020000-000
                """, history.format(10, LONDON));
    }

    @Test
    void finishingRemovesTheRunningMarker() {
        RunHistory history = new RunHistory(warehouse);
        history.started(new RunHistory.Running(Instant.parse("2025-03-01T02:00:00Z"), Trigger.MANUAL, Path.of("/in")));
        assertEquals(Trigger.MANUAL, history.running().orElseThrow().trigger());
        history.finished(ok("2025-03-01T02:00:00Z", 1, Trigger.MANUAL, 1));
        assertTrue(history.running().isEmpty());
    }
}
