package uk.sufficiency.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.sufficiency.warehouse.Snapshots;
import uk.sufficiency.warehouse.runs.RunHistory;
import uk.sufficiency.warehouse.runs.RunRecord;

/** A real run killed (kill -9) while it writes the facts leaves nothing behind once the next run has started. */
class KilledRunTest {
    private static final Path RULES = Path.of("..", "pipeline", "src", "test", "resources", "fixtures", "rules");
    /** Every CHILD of the input starts with this, so a raw id on disk can be looked for. */
    private static final String RAW = "RAWCHILDID";

    @TempDir
    Path temp;

    @Test
    void theNextRunRemovesTheKilledRunsStagingRecordsItAndPublishes() throws Exception {
        Path warehouse = temp.resolve("warehouse");
        Path input = markedCopyOfRules(temp.resolve("input"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g"));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens=")).forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "run",
                "--input", input.toString(), "--warehouse", warehouse.toString(), "--la", "Testshire",
                "--master", "local[1]"));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.contains("Writing children, data windows and population"));
            assertTrue(line != null, "the run never reached the facts");
            child.destroyForcibly(); // kill -9, with the episodes fact written and the children's being written
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        assertEquals(1, staging(warehouse).size(), "the killed run left its staging folder");
        // What it left (staging facts, Spark's shuffle and spill files) holds no raw CHILD id.
        Path sparkFiles = Path.of(System.getProperty("java.io.tmpdir"), "sufficiency-spark-" + child.pid());
        assertEquals(List.of(), filesHoldingRawIds(warehouse, sparkFiles));
        assertTrue(new RunHistory(warehouse).running().isPresent(), "and its running marker");

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(List.of("run", "--input", input.toString(), "--warehouse", warehouse.toString(),
                "--la", "Testshire"), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertEquals(List.of(), staging(warehouse));
        assertTrue(new Snapshots(warehouse).current().isPresent());
        List<RunRecord.Outcome> outcomes = new RunHistory(warehouse).recent(5).stream().map(RunRecord::outcome).toList();
        assertEquals(List.of(RunRecord.Outcome.SUCCEEDED, RunRecord.Outcome.KILLED), outcomes);
        assertEquals(List.of(), filesHoldingRawIds(warehouse, sparkFiles));
    }

    /** The rules fixture with every CHILD (the first column of episodes and header) prefixed by {@link #RAW}. */
    private static Path markedCopyOfRules(Path input) throws Exception {
        try (Stream<Path> files = Files.walk(RULES)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = input.resolve(RULES.relativize(file).toString());
                Files.createDirectories(target.getParent());
                List<String> lines = Files.readAllLines(file);
                if (lines.get(0).startsWith("CHILD,")) {
                    lines = Stream.concat(Stream.of(lines.get(0)), lines.stream().skip(1).map(line -> RAW + line)).toList();
                }
                Files.write(target, lines);
            }
        }
        return input;
    }

    private static List<Path> filesHoldingRawIds(Path... folders) throws Exception {
        List<Path> holding = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.exists(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    if (new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(RAW)) {
                        holding.add(file);
                    }
                }
            }
        }
        return holding;
    }

    private static List<Path> staging(Path warehouse) throws Exception {
        try (Stream<Path> list = Files.list(warehouse.resolve("snapshots"))) {
            return list.filter(p -> p.getFileName().toString().startsWith(".staging-")).toList();
        }
    }
}
