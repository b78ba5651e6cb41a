package uk.sufficiency.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spark's shuffle and spill files hold child-level rows: private to this process, and encrypted. */
class SparkLocalFilesTest {
    private static final Path RULES = Path.of("src", "test", "resources", "fixtures", "rules");
    private static final String RAW = "RAWCHILDID";

    @TempDir
    Path temp;

    @Test
    void noRawChildIdIsReadableInSparksLocalFiles() throws Exception {
        // The rules fixture with every CHILD made unmistakable, so a search cannot match by chance.
        Path input = temp.resolve("in");
        for (String year : List.of("2021", "2022")) {
            for (String file : List.of("episodes.csv", "header.csv")) {
                List<String> lines = Files.readAllLines(RULES.resolve(year).resolve(file));
                List<String> renamed = new ArrayList<>(List.of(lines.get(0)));
                lines.stream().skip(1).map(line -> RAW + line).forEach(renamed::add);
                Files.createDirectories(input.resolve(year));
                Files.write(input.resolve(year).resolve(file), renamed);
            }
        }
        RunSummary summary = PipelineRun.run(TestSpark.session(), new RunOptions(input, temp.resolve("wh"), "Testshire", null),
                Progress.SILENT);
        assertEquals(40, summary.rowsRead());

        Path local = SparkSessions.localDir();
        assertEquals(local.toString(), TestSpark.session().sparkContext().getConf().get("spark.local.dir"));
        assertEquals("true", TestSpark.session().sparkContext().getConf().get("spark.io.encryption.enabled"));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(local)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().startsWith("shuffle_")),
                "the run shuffled through the private folder: " + files.size() + " files");
        List<Path> readable = new ArrayList<>();
        for (Path file : files) {
            if (new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(RAW)) {
                readable.add(file);
            }
        }
        assertEquals(List.of(), readable, "raw CHILD ids in plain bytes");
        assumeTrue(local.getFileSystem().supportedFileAttributeViews().contains("posix"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(local)));
    }

    @Test
    void foldersOfEndedProcessesAreRemovedAtTheNextStart() throws Exception {
        Process ended = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).start();
        ended.getInputStream().readAllBytes();
        ended.waitFor();
        Path left = Files.createDirectories(temp.resolve("sufficiency-spark-" + ended.pid()).resolve("blockmgr-1"));
        Files.writeString(left.resolve("shuffle_0_0_0.data"), RAW + "1");
        Path alive = Files.createDirectories(temp.resolve("sufficiency-spark-" + ProcessHandle.current().pid()));
        Path other = Files.createDirectories(temp.resolve("something-else"));

        SparkSessions.removeLeftBehind(temp);

        assertFalse(Files.exists(left.getParent()));
        assertTrue(Files.exists(alive), "a live process keeps its folder");
        assertTrue(Files.exists(other));
    }
}
