package uk.sufficiency.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.sufficiency.warehouse.Snapshots;
import uk.sufficiency.warehouse.Warehouse;

/** Inputs that once were misread: each case's expected figures are worked out in its comments. */
class InputEdgeCasesTest {
    private static final String EPISODES =
            "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN";
    private static final String HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB";

    @TempDir
    Path temp;

    private static void write(Path file, String... lines) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
    }

    private RunSummary run(Path input, String la) {
        return PipelineRun.run(TestSpark.session(), new RunOptions(input, temp.resolve("warehouse"), la, null),
                Progress.SILENT);
    }

    private List<List<Object>> rows(String sql) {
        try (Warehouse warehouse = Warehouse.openCurrent(temp.resolve("warehouse"))) {
            return warehouse.query(sql).stream().map(r -> List.copyOf(r.values())).toList();
        }
    }

    @Test
    void aReturnWhoseEpisodesAllReappearLaterStillOpensTheWindow() throws Exception {
        // Child 1 is open in the 2021 return and closed (E8, 01/06/2021) in 2022: after dedup only the
        // 2022 copy survives, yet the LA sent a 2021 return, so the window starts 1 April 2020.
        // Child 3: REC without DEC, then a later episode: rec_without_dec, then closed_at_next.
        // Line 4 of the 2022 file has 12 fields: bad_row. Line 5 has a quoted comma in a postcode: fine.
        write(temp.resolve("in/2021/episodes.csv"), EPISODES,
                "1,01/06/2020,S,C2,N1,U4,PR1,,,,AB1 1AA,AB2 2BB,",
                "3,01/07/2020,S,C2,N1,U4,PR1,,E8,,AB1 1AA,AB2 2BB,",
                "3,01/09/2020,P,C2,N1,U5,PR4,,,,AB1 1AA,AB2 2BB,");
        write(temp.resolve("in/2022/episodes.csv"), EPISODES,
                "1,01/06/2020,S,C2,N1,U4,PR1,01/06/2021,E8,,AB1 1AA,AB2 2BB,",
                "3,01/09/2020,P,C2,N1,U5,PR4,,,,AB1 1AA,AB2 2BB,",
                "4,01/10/2021,S,C2,N1,U4,PR1,,,AB1 1AA,AB2 2BB,",
                "5,01/10/2021,S,C2,N1,U4,PR1,,,,\"AB1, 1AA\",AB2 2BB,");
        // Two-digit years from 70 to 99 are 19xx.
        write(temp.resolve("in/2022/header.csv"), HEADER, "1,1,15/03/75,WBRI,,,", "3,2,01/01/10,WBRI,,,",
                "5,1,01/01/10,WBRI,,,");
        RunSummary summary = run(temp.resolve("in"), "W");

        assertEquals(List.of(List.of(2021, 2022)), rows("SELECT first_year, last_year FROM la_window"));
        // 2021: children 1 and 3 at 31 March, both started. 2022: 3 and 5 at 31 March; 5 started; 1 ceased.
        assertEquals(List.of(List.of(2021, 2L, 2L, 0L), List.of(2022, 2L, 1L, 1L)),
                rows("SELECT year, looked_after_31_march, started, ceased FROM cla_year ORDER BY year"));
        assertEquals(Map.of("bad_row", 1L), summary.rejectedByReason());
        assertEquals(List.of(List.of(Path.of("2022", "episodes.csv").toString(), 4)),
                rows("SELECT file, line FROM rejected_episodes"));
        assertEquals(1L, summary.warningsByType().get("rec_without_dec"));
        assertEquals(1L, summary.warningsByType().get("closed_at_next"));
        assertEquals(List.of(List.of("1975-03-15")), rows("SELECT CAST(dob AS VARCHAR) FROM children WHERE sex = 'male' "
                + "AND dob < DATE '2000-01-01'"));
    }

    @Test
    void yearColumnsHoldingSpansAreReadAsTheirLaterYear() throws Exception {
        // Child 2 appears in the 2020-21 and 2021-22 returns; the later copy, closed 31/12/2021, wins.
        // A YEAR that is no year ("x") is reported as bad_year and the row dated from its file's data.
        write(temp.resolve("pooled/episodes.csv"), EPISODES + ",LA,YEAR",
                "2,01/06/2020,S,C2,N1,U4,PR1,,,,AB1 1AA,AB2 2BB,,P,2020-21",
                "2,01/06/2020,S,C2,N1,U4,PR1,31/12/2021,E8,,AB1 1AA,AB2 2BB,,P,2021_22",
                "6,01/02/2022,S,C2,N1,U4,PR1,,,,AB1 1AA,AB2 2BB,,P,x");
        RunSummary summary = run(temp.resolve("pooled"), null);
        assertEquals(List.of(List.of(2021, 2022)), rows("SELECT first_year, last_year FROM la_window"));
        assertEquals(List.of(List.of("2021-12-31", 2022)),
                rows("SELECT CAST(dec AS VARCHAR), year FROM episodes WHERE decom = DATE '2020-06-01'"));
        // The latest DEC in the file is 31/12/2021, so the undated row's year is 2022.
        assertEquals(List.of(List.of(2022)), rows("SELECT year FROM episodes WHERE decom = DATE '2022-02-01'"));
        assertEquals(1L, summary.warningsByType().get("bad_year"));
    }

    @Test
    void aRepeatedRequiredColumnFailsTheRun() throws Exception {
        write(temp.resolve("dup/episodes_2022.csv"), EPISODES + ",CIN", "1,01/06/2021,S,C2,N1,U4,PR1,,,,A,B,,N2");
        InputProblem problem = assertThrows(InputProblem.class, () -> run(temp.resolve("dup"), "W"));
        assertEquals("episodes_2022.csv: has the column CIN more than once; which one holds the data is unclear",
                problem.getMessage());
    }

    @Test
    void aTruncatedXmlReturnFailsNamingTheFileAndLeavesNoStagingBehind() throws Exception {
        write(temp.resolve("good/episodes_2022.csv"), EPISODES, "1,01/06/2021,S,C2,N1,U4,PR1,,,,A,B,");
        Path published = run(temp.resolve("good"), "W").snapshot();
        write(temp.resolve("bad/return_2022.xml"), "<Children><Child><Header><CHILDID>1</CHILDID></Header>",
                "<Episode><DECOM>01/06/2021");
        InputProblem problem = assertThrows(InputProblem.class, () -> run(temp.resolve("bad"), "W"));
        assertTrue(problem.getMessage().startsWith("return_2022.xml: is not well-formed XML"), problem.getMessage());
        Snapshots snapshots = new Snapshots(temp.resolve("warehouse"));
        assertEquals(Optional.of(published), snapshots.current());
        try (var left = Files.list(temp.resolve("warehouse/snapshots"))) {
            assertEquals(List.of(published.getFileName().toString()),
                    left.map(p -> p.getFileName().toString()).toList());
        }
    }
}
