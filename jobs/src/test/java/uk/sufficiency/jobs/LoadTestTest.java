package uk.sufficiency.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./sufficiency loadtest}: its arithmetic worked by hand, its reading of a page, and a tiny run. */
class LoadTestTest {
    private static final Path RULES = Path.of("..", "pipeline", "src", "test", "resources", "fixtures", "rules");

    @TempDir
    Path temp;

    private static List<Long> values(long... values) {
        return LongStream.of(values).boxed().toList();
    }

    @Test
    void medianIsTheMiddleValueOrTheMeanOfTheTwoMiddleOnes() {
        assertEquals(7, LoadTest.median(values(7)));
        assertEquals(3, LoadTest.median(values(5, 1, 3)));          // sorted 1 3 5
        assertEquals(2.5, LoadTest.median(values(4, 1, 3, 2)));     // sorted 1 2 | 3 4 -> (2 + 3) / 2
        assertEquals(15, LoadTest.median(values(10, 20)));
        assertEquals(4, LoadTest.median(values(9, 4, 4, 1, 100)));  // sorted 1 4 4 9 100: an outlier does not move it
    }

    @Test
    void percentilesAreByNearestRank() {
        // 1..20: rank ceil(0.95 x 20) = 19 -> 19; ceil(0.5 x 20) = 10 -> 10; ceil(0.01 x 20) = 1 -> 1
        List<Long> twenty = LongStream.rangeClosed(1, 20).boxed().toList();
        assertEquals(19, LoadTest.percentile(twenty, 95));
        assertEquals(10, LoadTest.percentile(twenty, 50));
        assertEquals(1, LoadTest.percentile(twenty, 1));
        assertEquals(20, LoadTest.percentile(twenty, 100));
        // 10 values in any order: rank ceil(9.5) = 10, the largest
        assertEquals(55, LoadTest.percentile(values(30, 10, 55, 20, 40, 5, 15, 25, 35, 45), 95));
        // 200 values 1..200: rank 190 -> 190
        assertEquals(190, LoadTest.percentile(LongStream.rangeClosed(1, 200).boxed().toList(), 95));
        // one value is every percentile of itself
        assertEquals(8, LoadTest.percentile(values(8), 95));
        assertEquals(12, LoadTest.max(values(3, 12, 7)));
        assertThrows(IllegalArgumentException.class, () -> LoadTest.median(List.of()));
        assertThrows(IllegalArgumentException.class, () -> LoadTest.percentile(values(1), 0));
    }

    @Test
    void aPagesTargetsAreItsChartDataAndDownloadsOnThisServerOnly() {
        String html = """
                <nav><ul><li><a href="/">KPIs</a></li></ul></nav>
                <div class="chart" data-src="/api/cla-year?la=Demo+County&amp;from=2020-04-01"></div>
                <p class="downloads"><a href="/api/cla-year.csv?la=Demo+County" download>CSV</a>
                <a href="/api/cla-year.xlsx?la=Demo+County" download>XLSX</a>
                <a href="/api/cla-year?la=Demo+County">JSON</a>
                <a href="/api/cla-year.csv?la=Demo+County&amp;publication=true" download>CSV for publication</a>
                <a href="https://example.org/file.csv">elsewhere</a> <a href="//example.org/x.xlsx">elsewhere</a>
                <link rel="stylesheet" href="/app.css"></p>
                """;
        assertEquals(List.of("/api/cla-year?la=Demo+County&from=2020-04-01", "/api/cla-year.csv?la=Demo+County",
                        "/api/cla-year.xlsx?la=Demo+County", "/api/cla-year.csv?la=Demo+County&publication=true"),
                LoadTest.targetsOf(html));
    }

    @Test
    void refusesUnboundedRuns() {
        assertThrows(Args.UsageError.class, () -> LoadTest.checkBounds(0, java.time.Duration.ofSeconds(10)));
        assertThrows(Args.UsageError.class, () -> LoadTest.checkBounds(1001, java.time.Duration.ofSeconds(10)));
        assertThrows(Args.UsageError.class, () -> LoadTest.checkBounds(10, java.time.Duration.ofSeconds(601)));
    }

    @Test
    void aTinyLoadTestOnASmallWarehouseSignsInTimesEveryTargetAndCleansUp() {
        Path warehouse = temp.resolve("warehouse");
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream quiet = new PrintStream(sink, true, StandardCharsets.UTF_8);
        assertEquals(0, Main.run(List.of("run", "--input", RULES.toString(), "--warehouse", warehouse.toString(),
                "--la", "Testshire"), quiet, quiet), sink.toString(StandardCharsets.UTF_8));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(List.of("loadtest", "--warehouse", warehouse.toString(), "--requests", "2",
                        "--seconds", "60"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String report = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, report + err.toString(StandardCharsets.UTF_8));
        for (String target : List.of("/children", "/benchmarks", "/fostering", "/data-quality", "/api/cla-year?la=Testshire",
                "/api/cla-year.csv?la=Testshire", "/api/cla-year.xlsx?la=Testshire")) {
            assertTrue(report.lines().anyMatch(l -> l.startsWith(target + " ")), target + " is timed: " + report);
        }
        assertTrue(report.contains("Overall median: "), report);
        // two requests per target in each pass
        assertTrue(report.lines().filter(l -> l.startsWith("/api/cla-year.csv?la=Testshire "))
                .allMatch(l -> l.matches(".*\\|\\s+2\\s.*\\|\\s+2\\s.*")), report);
        // the throwaway user's file is gone again: it did not exist before
        assertFalse(Files.exists(warehouse.resolve("users.csv")), "users.csv removed");
    }
}
