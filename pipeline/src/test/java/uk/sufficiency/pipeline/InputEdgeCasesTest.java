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
        // Line 4 of the 2022 file has an unquoted comma in a postcode, so 14 fields: bad_row. Line 5 has a
        // quoted comma in a postcode: fine.
        write(temp.resolve("in/2021/episodes.csv"), EPISODES,
                "1,01/06/2020,S,C2,N1,U4,PR1,,,,AB1 1AA,AB2 2BB,",
                "3,01/07/2020,S,C2,N1,U4,PR1,,E8,,AB1 1AA,AB2 2BB,",
                "3,01/09/2020,P,C2,N1,U5,PR4,,,,AB1 1AA,AB2 2BB,");
        write(temp.resolve("in/2022/episodes.csv"), EPISODES,
                "1,01/06/2020,S,C2,N1,U4,PR1,01/06/2021,E8,,AB1 1AA,AB2 2BB,",
                "3,01/09/2020,P,C2,N1,U5,PR4,,,,AB1 1AA,AB2 2BB,",
                "4,01/10/2021,S,C2,N1,U4,PR1,,,,AB1, 1AA,AB2 2BB,",
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
    void aMisreadLineInAFileWithAnLaColumnMakesNoLa() throws Exception {
        // Line 3 has an unquoted comma in its postcode (16 fields for 15): every later field shifts, so
        // its LA would read "SC123" (the URN) and its YEAR "P". It is a bad_row and opens no window;
        // the file name dates the real row 2022.
        write(temp.resolve("pooled/episodes_2022.csv"), EPISODES + ",LA,YEAR",
                "1,01/06/2021,S,C2,N1,U4,PR1,,,,AB1 1AA,AB2 2BB,,P,2022",
                "2,01/07/2021,S,C2,N1,U4,PR1,,,,AB1, 1AA,AB2 2BB,SC123,P,2022");
        RunSummary summary = run(temp.resolve("pooled"), null);
        assertEquals(List.of(List.of("P", 2022, 2022)), rows("SELECT la, first_year, last_year FROM la_window"));
        assertEquals(List.of(List.of("P", 2022, 1L, 1L)),
                rows("SELECT la, year, looked_after_31_march, started FROM cla_year"));
        assertEquals(Map.of("bad_row", 1L), summary.rejectedByReason());
    }

    @Test
    void aShortLineHasItsMissingTrailingFieldsBlank() throws Exception {
        // Lines 2-4 end early, as exports that drop trailing fields do: the missing fields are blank. (The last
        // line ends with a line break, so none was cut off.)
        // Line 5 has one field too many: bad_row. At 31/03/2022 children 1 and 2; started 1, 2, 3;
        // ceased 3 (E4A). Children 2 and 3 have no postcodes; neither has a Header row.
        write(temp.resolve("short/episodes_2022.csv"), EPISODES,
                "1,01/06/2021,S,C2,N1,U4,PR1,,,,AB1 1AA,AB2 2BB",
                "2,01/07/2021,S,C2,N1,U5,PR4",
                "3,01/08/2021,S,C2,N1,U4,PR1,01/02/2022,E4A",
                "4,01/09/2021,S,C2,N1,U4,PR1,,,,AB1 1AA,AB2 2BB,,X");
        // Three of seven fields: child 1 is male, born 01/01/2010, with no warning.
        write(temp.resolve("short/header_2022.csv"), HEADER, "1,1,01/01/2010");
        RunSummary summary = run(temp.resolve("short"), "W");
        assertEquals(List.of(List.of(2022, 2L, 3L, 1L)),
                rows("SELECT year, looked_after_31_march, started, ceased FROM cla_year"));
        assertEquals(List.of(List.of(Path.of("episodes_2022.csv").toString(), 5, "bad_row")),
                rows("SELECT file, line, reason FROM rejected_episodes"));
        assertEquals(List.of(List.of("male", "2010-01-01")), rows("SELECT sex, CAST(dob AS VARCHAR) FROM children"));
        // Lines 2-4 are each warned short_line (the file may be incomplete), with a notice naming the first.
        assertEquals(Map.of("missing_postcode", 2L, "no_header", 2L, "short_line", 3L), summary.warningsByType());
        assertEquals(List.of("episodes_2022.csv line 2: 3 lines have fewer fields than the header (short_line; the first "
                + "at line 2); the missing fields were read as blank. The file may be incomplete: check it against the "
                + "source system and export it again if so."), summary.notices());
    }

    @Test
    void headerLinesLeftOutAreReportedAsWarnings() throws Exception {
        // Header line 3 has no CHILD (North's); line 4 no LA and no --la; line 5 has an unquoted comma in
        // its UPN (9 fields for 8), so its LA would read "01/01/1990": counted with no LA, not as an LA.
        write(temp.resolve("hdr/episodes_2022.csv"), EPISODES + ",LA",
                "1,01/06/2021,S,C2,N1,U4,PR1,,,,AB1 1AA,AB2 2BB,,North");
        write(temp.resolve("hdr/header_2022.csv"), HEADER + ",LA",
                "1,1,01/01/2010,WBRI,,,,North",
                ",2,01/01/2011,WBRI,,,,North",
                "2,2,01/01/2011,WBRI,,,,",
                "3,1,01/01/2012,WBRI,UPN1, X,,01/01/1990,North");
        run(temp.resolve("hdr"), null);
        assertEquals(List.of(List.of("-", "header", "header_bad_row", 1L),
                        List.of("-", "header", "header_missing_la", 1L),
                        List.of("North", "header", "header_missing_child", 1L)),
                rows("SELECT coalesce(la, '-'), source, warning, count FROM data_quality ORDER BY ALL"));
        assertEquals(List.of(List.of("North", 1L)), rows("SELECT la, count(*) FROM children GROUP BY la"));
    }

    @Test
    void onATieOfReturnYearsTheCopyWithDecFilledWins() throws Exception {
        // Two 2022 returns hold child 1's episode; a/ (with DEC and REC) sorts before b/ (open), so only the
        // DEC rule keeps a/'s copy: the child ceased on 31/01/2022 and is not looked after at 31 March.
        write(temp.resolve("tie/a/episodes_2022.csv"), EPISODES,
                "1,01/06/2021,S,C2,N1,U4,PR1,31/01/2022,E8,,AB1 1AA,AB2 2BB,");
        write(temp.resolve("tie/b/episodes_2022.csv"), EPISODES, "1,01/06/2021,S,C2,N1,U4,PR1,,,,AB1 1AA,AB2 2BB,");
        run(temp.resolve("tie"), "W");
        assertEquals(List.of(List.of("2022-01-31", "E8", 2022)),
                rows("SELECT CAST(dec AS VARCHAR), rec, year FROM episodes"));
        assertEquals(List.of(List.of(2022, 0L, 1L, 1L)),
                rows("SELECT year, looked_after_31_march, started, ceased FROM cla_year"));
    }

    @Test
    void aYearColumnWinsOverTheYearInTheFileName() throws Exception {
        // The name says 2021, the YEAR column 2022: the window is 2022 only, and DECOM 01/06/2021 is inside
        // the return's year (read as 2021 it would warn decom_after_return_year).
        write(temp.resolve("yearcol/episodes_2021.csv"), EPISODES + ",YEAR",
                "1,01/06/2021,S,C2,N1,U4,PR1,,,,AB1 1AA,AB2 2BB,,2022");
        RunSummary summary = run(temp.resolve("yearcol"), "W");
        assertEquals(List.of(List.of(2022, 2022)), rows("SELECT first_year, last_year FROM la_window"));
        assertEquals(List.of(List.of(2022)), rows("SELECT year FROM episodes"));
        assertEquals(Map.of("no_header", 1L), summary.warningsByType());
    }

    @Test
    void rejectReasonsForLegalStatusDecAndDecom() throws Exception {
        // Each line has one fault: LS Z9 is no code, DEC 31/13/2021 no date, DECOM blank. Line 5 is fine.
        write(temp.resolve("rejects/episodes_2022.csv"), EPISODES,
                "1,01/06/2021,S,Z9,N1,U4,PR1,,,,AB1 1AA,AB2 2BB,",
                "2,01/06/2021,S,C2,N1,U4,PR1,31/13/2021,E8,,AB1 1AA,AB2 2BB,",
                "3,,S,C2,N1,U4,PR1,,,,AB1 1AA,AB2 2BB,",
                "4,01/06/2021,S,C2,N1,U4,PR1,,,,AB1 1AA,AB2 2BB,");
        run(temp.resolve("rejects"), "W");
        assertEquals(List.of(List.of(2, "bad_code"), List.of(3, "bad_date"), List.of(4, "missing_key")),
                rows("SELECT line, reason FROM rejected_episodes ORDER BY line"));
        assertEquals(List.of(List.of(1L)), rows("SELECT count(*) FROM episodes"));
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
