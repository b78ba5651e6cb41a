package uk.sufficiency.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.sufficiency.warehouse.forecast.ForecastPublisher;
import uk.sufficiency.warehouse.runs.RunHistory;
import uk.sufficiency.warehouse.runs.RunLock;
import uk.sufficiency.warehouse.runs.RunRecord;

/** The command line as a user meets it: exit codes, printed CSV, messages, run history. */
class MainTest {
    /** The hand-worked fixture of the pipeline's counting-rules test (see CountingRulesTest). */
    private static final Path RULES = Path.of("..", "pipeline", "src", "test", "resources", "fixtures", "rules");

    @TempDir
    Path temp;

    private record Result(int status, String out, String err) {
    }

    private static Result cli(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(List.of(argv), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void runThenQueryThenAFailedRunThenStatus() throws Exception {
        String warehouse = temp.resolve("warehouse").toString();
        Result run = cli("run", "--input", RULES.toString(), "--warehouse", warehouse, "--la", "Testshire");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("Rows read: 40"), run.out());
        assertTrue(run.out().contains("Rows rejected: 4"), run.out());
        assertTrue(run.err().contains("Reading and validating episodes"), "progress is shown: " + run.err());

        Result sql = cli("sql", "--warehouse", warehouse,
                "SELECT year, looked_after_31_march, rate_per_10000 FROM cla_year ORDER BY year");
        assertEquals(new Result(0, "year,looked_after_31_march,rate_per_10000\n2021,5,1.7\n2022,6,7.5\n", ""), sql);

        Result refused = cli("sql", "--warehouse", warehouse, "DROP VIEW episodes");
        assertEquals(1, refused.status());
        assertEquals("error: Only queries can run here (SELECT, WITH, FROM, VALUES, DESCRIBE, SHOW, SUMMARIZE):"
                + " DuckDB reads a statement of another kind in this text, so nothing was run.\n", refused.err());

        Path bad = Files.createDirectories(temp.resolve("bad"));
        Files.writeString(bad.resolve("episodes_2022.csv"), "CHILD,DECOM,LS\n1,01/04/2021,C2\n");
        Result failed = cli("run", "--input", bad.toString(), "--warehouse", warehouse, "--la", "Testshire");
        assertEquals(1, failed.status());
        assertTrue(failed.err().contains("episodes_2022.csv: looks like a episodes table but lacks the required columns RNE,"),
                failed.err());
        assertTrue(failed.err().contains("Nothing was published"), failed.err());
        // The first run's figures are still current.
        assertEquals(sql, cli("sql", "--warehouse", warehouse,
                "SELECT year, looked_after_31_march, rate_per_10000 FROM cla_year ORDER BY year"));

        Result status = cli("status", "--warehouse", warehouse);
        assertEquals(0, status.status());
        String[] lines = status.out().split("\n");
        String newest = List.of(lines).stream().filter(l -> l.contains("failed")).findFirst().orElse("");
        String older = List.of(lines).stream().filter(l -> l.contains("succeeded")).findFirst().orElse("");
        assertTrue(newest.contains("manual") && newest.contains("lacks the required columns"), status.out());
        assertTrue(older.contains("manual") && older.contains("40"), status.out());
        assertTrue(status.out().indexOf(newest) < status.out().indexOf(older), "newest first: " + status.out());
    }

    @Test
    void forecastPrintsThePublishedProjectionAndAScenarioBesideIt() throws Exception {
        String warehouse = temp.resolve("warehouse").toString();
        assertEquals(0, cli("run", "--input", RULES.toString(), "--warehouse", warehouse, "--la", "Testshire").status());
        Result forecast = cli("forecast", "--warehouse", warehouse);
        assertEquals(0, forecast.status(), forecast.err());
        // The window is 2021-2022, shorter than three years: the rates come from all of it.
        assertTrue(forecast.out().startsWith("Forecast for Testshire from 31/03/2022: rates fitted on 01/04/2020 to"
                + " 31/03/2022, 500 simulated runs (seed 20261201), fees rising 3.0% a year"), forecast.out());
        // The printed medians and bands are the published ones, as the Forecast page reads them.
        Result published = cli("sql", "--warehouse", warehouse, """
                SELECT printf('%.0f [%.0f-%.0f]', p50, p05, p95) AS cell FROM forecast_group
                WHERE scenario = 'base' AND placement_group = 'all' AND strftime(date, '%m-%d') = '03-31' ORDER BY date""");
        List<String> cells = published.out().lines().skip(1).toList();
        assertEquals(4, cells.size(), published.out());
        String allRow = forecast.out().lines().filter(l -> l.startsWith("All placements")).findFirst().orElseThrow();
        for (String cell : cells) {
            assertTrue(allRow.contains(cell), cell + " in " + allRow);
        }
        assertTrue(forecast.out().contains("Backtest: the data window is too short"), forecast.out());

        // Nobody enters, and nobody leaves before 18: the six looked after at 31 March 2022 (cla_year
        // above) can only age out, so the expected total never rises above 6.
        Path scenario = Files.writeString(temp.resolve("closed.json"), """
                {"name": "Closed doors", "rateChanges": [{"kind": "entry", "multiply": 0},
                                                         {"kind": "leaving", "multiply": 0}]}""");
        Result withScenario = cli("forecast", "--warehouse", warehouse, "--scenario", scenario.toString());
        assertEquals(0, withScenario.status(), withScenario.err());
        String scenarioAll = withScenario.out().lines().filter(l -> l.startsWith("All placements")).reduce((a, b) -> b)
                .orElseThrow();
        List<Long> projected = Pattern.compile("-> (\\d+) \\(").matcher(scenarioAll).results()
                .map(m -> Long.parseLong(m.group(1))).toList();
        assertEquals(4, projected.size(), scenarioAll);
        for (int i = 0; i < projected.size(); i++) {
            assertTrue(projected.get(i) <= (i == 0 ? 6 : projected.get(i - 1)), scenarioAll);
        }
        // Saved and published, the scenario's figures are the ones the command printed.
        Files.createDirectories(Path.of(warehouse, "scenarios"));
        Files.copy(scenario, Path.of(warehouse, "scenarios", "closed-doors.json"));
        ForecastPublisher.republish(Path.of(warehouse), message -> { });
        Result saved = cli("sql", "--warehouse", warehouse, """
                SELECT round(expected) AS expected FROM forecast_group WHERE scenario = 'Closed doors'
                  AND placement_group = 'all' AND strftime(date, '%m-%d') = '03-31' ORDER BY date""");
        assertEquals(projected, saved.out().lines().skip(1).map(v -> Math.round(Double.parseDouble(v))).toList());

        Result missing = cli("forecast", "--warehouse", warehouse, "--scenario", temp.resolve("nope.json").toString());
        assertEquals(1, missing.status());
        assertTrue(missing.err().startsWith("error: " + temp.resolve("nope.json")), missing.err());
    }

    @Test
    void usageMistakesExitWithStatusTwo() {
        Result unknown = cli("frobnicate");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().startsWith("error: unknown command 'frobnicate'\nUsage: ./sufficiency COMMAND"));
        Result missing = cli("run", "--input", "x");
        assertEquals(2, missing.status());
        assertTrue(missing.err().startsWith("error: 'run' needs --warehouse"), missing.err());
        assertEquals(2, cli("sql", "--warehouse", "x", "--bogus", "1").status());
    }

    @Test
    void queryingAWarehouseWithNoSnapshotSaysSo() {
        Result result = cli("sql", "--warehouse", temp.toString(), "SELECT 1");
        assertEquals(1, result.status());
        assertTrue(result.err().contains("No published snapshot in"), result.err());
    }

    @Test
    void statusShowsARunWhoseProcessIsGoneAsKilledAndRecordsIt() throws Exception {
        Process ended = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).start();
        ended.getInputStream().readAllBytes();
        ended.waitFor();
        RunHistory history = new RunHistory(temp);
        history.started(new RunHistory.Running(Instant.parse("2026-12-04T01:00:00Z"), RunRecord.Trigger.CRON,
                ended.pid(), new RunHistory.Running(Instant.EPOCH, RunRecord.Trigger.CRON, temp).host(), "/landing"));

        Result status = cli("status", "--warehouse", temp.toString());

        assertEquals(0, status.status(), status.err());
        assertTrue(history.running().isEmpty(), "the stale marker is gone: " + status.out());
        RunRecord killed = history.recent(1).get(0);
        assertEquals(RunRecord.Outcome.KILLED, killed.outcome());
        assertTrue(status.out().lines().anyMatch(l -> l.contains("       -  cron       killed ")), status.out());
        assertTrue(killed.error().startsWith("Killed: the run ended without finishing, its process (pid " + ended.pid()),
                killed.error());
    }

    @Test
    void aSecondRunIsRefusedNamingTheFirst() {
        try (RunLock first = RunLock.acquire(temp.resolve("wh"), "cron pipeline run", RunLock.PATIENCE)) {
            Result second = cli("run", "--input", RULES.toString(), "--warehouse", temp.resolve("wh").toString(),
                    "--la", "Testshire");
            assertEquals(1, second.status());
            assertTrue(second.err().startsWith("error: Another run is using the warehouse " + temp.resolve("wh")
                    + " (cron pipeline run, pid " + ProcessHandle.current().pid() + " on "), second.err());
            assertTrue(new RunHistory(temp.resolve("wh")).recent(5).isEmpty(), "the refused run is not recorded");
        }
    }
}
