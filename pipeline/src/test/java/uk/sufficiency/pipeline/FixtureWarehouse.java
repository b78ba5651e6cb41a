package uk.sufficiency.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.sufficiency.warehouse.Warehouse;

/**
 * The warehouse the pipeline publishes from one folder of src/test/resources/fixtures, run with the
 * shared {@link TestSpark} session, and the queries tests ask of it. The run happens on first use and
 * once per test JVM for each fixture and LA, so test classes on the same fixture share it; the
 * warehouse stays open until the JVM ends.
 */
final class FixtureWarehouse {
    private static final Map<String, FixtureWarehouse> BY_FIXTURE_AND_LA = new HashMap<>();
    private static final String EPISODES_COLUMNS =
            "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN";

    private final String fixture;
    private final String la;
    private Warehouse warehouse;
    private RunSummary summary;

    private FixtureWarehouse(String fixture, String la) {
        this.fixture = fixture;
        this.la = la;
    }

    /** fixtures/{@code fixture} run with {@code --la la}. */
    static synchronized FixtureWarehouse of(String fixture, String la) {
        return BY_FIXTURE_AND_LA.computeIfAbsent(fixture + " --la " + la, key -> new FixtureWarehouse(fixture, la));
    }

    private synchronized void run() {
        if (warehouse != null) {
            return;
        }
        try {
            Path input = Path.of(FixtureWarehouse.class.getResource("/fixtures/" + fixture).toURI());
            Path warehouseDir = Files.createTempDirectory(fixture + "-warehouse");
            summary = PipelineRun.run(TestSpark.session(), new RunOptions(input, warehouseDir, la, null),
                    Progress.SILENT);
            warehouse = Warehouse.openCurrent(warehouseDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    Warehouse warehouse() {
        run();
        return warehouse;
    }

    RunSummary summary() {
        run();
        return summary;
    }

    List<Map<String, Object>> query(String sql, Object... parameters) {
        return warehouse().query(sql, parameters);
    }

    /** Each row's values in column order; a list, not List.of, as values may be null. */
    List<List<Object>> rows(String sql, Object... parameters) {
        return rows(warehouse(), sql, parameters);
    }

    static List<List<Object>> rows(Warehouse warehouse, String sql, Object... parameters) {
        return warehouse.query(sql, parameters).stream().map(r -> (List<Object>) new ArrayList<>(r.values()))
                .toList();
    }

    /** The one row the query answers. */
    List<Object> row(String sql, Object... parameters) {
        List<List<Object>> all = rows(sql, parameters);
        assertEquals(1, all.size(), "one row expected from " + sql);
        return all.get(0);
    }

    /** An expected row: unlike List.of, it may hold nulls. */
    static List<Object> list(Object... values) {
        return Arrays.asList(values);
    }

    /** The problem a run on {@code input} stops with; it must stop with one. */
    static InputProblem problemRunning(Path input, String la, Path warehouseDir) {
        return assertThrows(InputProblem.class, () -> PipelineRun.run(TestSpark.session(),
                new RunOptions(input, warehouseDir, la, null), Progress.SILENT));
    }

    /**
     * The problem a run stops with on temp/in (with {@code --la X}): a 2022 return of one episode, so
     * that the run gets as far as the other inputs, and {@code file} beside it holding {@code text}.
     */
    static InputProblem problemRunningOneEpisodeWith(Path temp, String file, String text) throws IOException {
        Path input = Files.createDirectories(temp.resolve("in/2022"));
        Files.writeString(input.resolve("episodes.csv"), EPISODES_COLUMNS + "\n1,01/04/2021,S,C2,N1,U4,PR1,,,,A,B,\n");
        Files.writeString(temp.resolve("in").resolve(file), text);
        return problemRunning(temp.resolve("in"), "X", temp.resolve("warehouse"));
    }
}
