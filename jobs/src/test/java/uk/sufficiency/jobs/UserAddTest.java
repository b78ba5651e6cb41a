package uk.sufficiency.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.sufficiency.dashboard.auth.Users;
import uk.sufficiency.warehouse.FactTable;
import uk.sufficiency.warehouse.Snapshots;

/** {@code user add} refuses an LA the warehouse does not hold, naming the closest, unless forced. */
class UserAddTest {
    @TempDir
    Path dir;

    /** A published snapshot whose la_window holds three LAs (the other facts empty but typed). */
    private void warehouseOf(String... las) throws Exception {
        Snapshots snapshots = new Snapshots(dir);
        Path staging = snapshots.beginStaging();
        StringBuilder window = new StringBuilder("SELECT * FROM (VALUES ");
        for (int i = 0; i < las.length; i++) {
            window.append(i == 0 ? "" : ", ").append("('").append(las[i]).append("', 2021, 2022)");
        }
        window.append(") AS t(la, first_year, last_year)");
        Map<FactTable, String> facts = Map.of(
                FactTable.LA_WINDOW, window.toString(),
                FactTable.EPISODES, empty(FactTable.EPISODES), FactTable.CHILDREN, empty(FactTable.CHILDREN),
                FactTable.POPULATION, empty(FactTable.POPULATION),
                FactTable.REJECTED_EPISODES, empty(FactTable.REJECTED_EPISODES),
                FactTable.DATA_QUALITY, empty(FactTable.DATA_QUALITY));
        try (var duckdb = DriverManager.getConnection("jdbc:duckdb:"); var statement = duckdb.createStatement()) {
            for (var fact : facts.entrySet()) {
                Path folder = Files.createDirectories(staging.resolve(fact.getKey().directory()));
                statement.execute("COPY (" + fact.getValue() + ") TO '" + folder.resolve("part-0.parquet")
                        + "' (FORMAT parquet)");
            }
        }
        snapshots.publish(staging);
    }

    private static String empty(FactTable table) {
        StringBuilder sql = new StringBuilder("SELECT ");
        String[] columns = table.columns().split(",");
        for (int i = 0; i < columns.length; i++) {
            String[] nameAndType = columns[i].strip().split(" ", 2);
            sql.append(i == 0 ? "" : ", ").append("CAST(NULL AS ").append(nameAndType[1]).append(") AS ")
                    .append(nameAndType[0]);
        }
        return sql.append(" LIMIT 0").toString();
    }

    private record Result(int status, String out, String err) {
    }

    private Result add(String... options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream stdin = System.in;
        System.setIn(new ByteArrayInputStream("a long enough password\n".getBytes(StandardCharsets.UTF_8)));
        try {
            List<String> argv = new java.util.ArrayList<>(List.of("user", "add", "--warehouse", dir.toString()));
            argv.addAll(List.of(options));
            int status = Main.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void aMisspeltLaIsRefusedWithTheClosestNames() throws Exception {
        warehouseOf("Bromley", "Barnsley", "Southwark", "Hillingdon");
        assertEquals(new Result(1, "", "error: the warehouse holds no LA named 'Bromely'. Closest: Bromley, Barnsley, "
                + "Southwark. Name the LA exactly as the warehouse does, or add --force to add the user anyway\n"),
                add("--user", "j.smith", "--la", "Bromely"));
        assertEquals(List.of(), Users.load(dir).all(), "nobody was added");

        assertEquals(new Result(0, "User 'j.smith' can sign in; sees Bromley exactly.\n", ""),
                add("--user", "j.smith", "--la", "Bromley"));
        assertEquals(new Result(0, "User 'k.jones' can sign in; sees Bromely exactly.\n", ""),
                add("--user", "k.jones", "--la", "Bromely", "--force"));
        assertEquals(new Result(0, "User 'region' can sign in; sees every LA exactly.\n", ""),
                add("--user", "region", "--la", "*"));
    }

    @Test
    void beforeTheFirstRunOnlyForceAdds() {
        Result refused = add("--user", "j.smith", "--la", "Bromley");
        assertEquals(new Result(1, "", "error: the warehouse has no published snapshot yet, so the LA 'Bromley' cannot "
                + "be checked: run the pipeline first, or add --force to add the user anyway\n"), refused);
        assertEquals(0, add("--force", "--user", "j.smith", "--la", "Bromley").status());
    }

    @Test
    void editDistance() {
        assertEquals(2, ClosestNames.distance("bromely", "bromley"));
        assertEquals(3, ClosestNames.distance("kitten", "sitting"));
    }
}
