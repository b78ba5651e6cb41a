package uk.sufficiency.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.sufficiency.warehouse.Warehouse;

/**
 * Rows that once vanished or slipped in (issue 13.5, 11.7): every fault in one hand-made folder,
 * each row's fate worked out in the comments, so read = kept + rejected + duplicates can be checked
 * by hand for every source.
 */
class FileFaultsTest {
    private static final String EPISODES =
            "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN";
    private static final String HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB";

    @TempDir
    static Path temp;
    private static RunSummary summary;

    @BeforeAll
    static void run() throws Exception {
        Path in = temp.resolve("in");
        // 2021: child 1 (also in 2022: a duplicate) and child 10, who starts 01/05/2021, after the 2020-21
        // return's end: 1 of the file's 2 episodes, and none after 31 March 2022, so the file looks dated
        // by the year its return starts.
        write(in.resolve("2021/episodes.csv"), EPISODES + "\n"
                + "1,01/03/2021,S,C2,N1,U4,PR1,,,,AB1 1AA,AB2 2BB,\n"
                + "10,01/05/2021,S,C2,N1,U4,PR1,,,,AB1 1AA,AB2 2BB,\n");
        write(in.resolve("2022/episodes.csv"), EPISODES + "\n"
                + "1,01/03/2021,S,C2,N1,U4,PR1,,,,AB1 1AA,AB2 2BB,\n" // line 2: kept (the 2021 copy is the duplicate)
                + "2,01/05/2031,S,C2,N1,U4,PR1,,,,AB1 1AA,AB2 2BB,\n" // 3: DECOM in the future
                + "3,01/06/2021,S,C2,N1,U4,PR1,01/01/2032,E8,,AB1 1AA,AB2 2BB,\n" // 4: DEC in the future
                + "4\u0000x,01/06/2021,S,C2,N1,U4,PR1,,,,AB1 1AA,AB2 2BB,\n" // 5: NUL in CHILD
                + "6,01/07/2021,S,C2,N1,U4\n" // 6: short, but every key there: kept, padded, warned
                + "7,,S\n" // 7: short and without DECOM: short_row, not missing_key
                + "8,01/08/2021,S,C2,N1,Q9,PR1,,,,AB1 1AA,AB2 2BB,\n" // 8: PLACE Q9
                + "9,01/09/2021,S,C2,N1,U4,PR1,,,,AB1 1AA,AB2"); // 9: cut off inside PL_POST
        write(in.resolve("2022/episodes_extra.csv"), EPISODES + "\n"); // a header and no rows
        write(in.resolve("2021/header.csv"), HEADER + "\n1,1,01/01/2010,WBRI,,,\n");
        write(in.resolve("2022/header.csv"), HEADER + "\n1,1,01/01/2010,WBRI,,,\n6,2,01/01/2012,WBRI,,,\n");
        // Costs: two good lines and one below zero.
        write(in.resolve("costs.csv"), "CHILD,PROVIDER_ID,CONTRACT,WEEKLY_COST,COST_FROM\n"
                + "1,P1,spot,1000,01/04/2021\n6,P1,spot,500,01/07/2021\n1,P2,spot,-5,01/05/2021\n");
        write(in.resolve("notes.txt"), "not data\n");
        write(in.resolve("blank.csv"), "");
        Files.write(in.resolve("sheet.csv"), new byte[] {'P', 'K', 3, 4, 0, 0, 1, 2});
        write(in.resolve("reviews.csv"), "CHILD,DOB,REVIEW\n1,01/01/2010,01/01/2022\n");
        summary = PipelineRun.run(TestSpark.session(), new RunOptions(in, temp.resolve("warehouse"), "W", null),
                Progress.SILENT);
    }

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static List<List<Object>> rows(String sql) {
        try (Warehouse warehouse = Warehouse.openCurrent(temp.resolve("warehouse"))) {
            return warehouse.query(sql).stream().map(r -> List.copyOf(r.values())).toList();
        }
    }

    @Test
    void eachRejectHasItsOwnReasonAndNamesTheColumnAndValue() {
        String today = LocalDate.now().toString();
        String episodes = Path.of("2022", "episodes.csv").toString();
        assertEquals(List.of(
                        List.of(episodes, 3, "future_date", "DECOM 01/05/2031 is after the run's date, " + today),
                        List.of(episodes, 4, "future_date", "DEC 01/01/2032 is after the run's date, " + today),
                        List.of(episodes, 5, "bad_id", "CHILD holds a control character"),
                        List.of(episodes, 7, "short_row", "fewer fields than the header"),
                        List.of(episodes, 8, "bad_code", "PLACE 'Q9'"),
                        List.of(episodes, 9, "short_row", "fewer fields than the header; the file ends inside this line")),
                rows("SELECT file, line, reason, detail FROM rejected_episodes ORDER BY line"));
        assertEquals(Map.of("future_date", 2L, "bad_id", 1L, "short_row", 2L, "bad_code", 1L,
                "placement_costs: negative_cost", 1L), summary.rejectedByReason());
    }

    @Test
    void everySourceReadsAsKeptPlusRejectedPlusDuplicates() {
        // Episodes: 2 + 8 lines read; 6 rejected; children 1, 6 and 10 kept; child 1's 2021 copy a duplicate.
        // Header: 3 lines; children 1 and 6 kept; child 1's 2021 line a duplicate. Costs: 3 read, 1 rejected.
        assertEquals(List.of(new RunSummary.SourceRows("episodes", 10, 3, 6, 1),
                        new RunSummary.SourceRows("header", 3, 2, 0, 1),
                        new RunSummary.SourceRows("placement_costs", 3, 2, 1, 0)),
                summary.sources());
        assertEquals(16, summary.rowsRead(), "placement-cost rows count in rows read");
        String printed = summary.format();
        assertTrue(printed.contains("Rows read: 16\n"), printed);
        assertTrue(printed.contains(String.format("  %-20s %,10d %,10d %,10d %,10d%n", "placement_costs", 3, 2, 1, 0)),
                printed);
    }

    @Test
    void shortLinesAndAnEmptyEpisodesFileAreWarnings() {
        assertEquals(1L, summary.warningsByType().get("short_line"));
        assertEquals(1L, summary.warningsByType().get("empty_episodes_file"));
        assertEquals(List.of(List.of("W", "episodes", 1L)),
                rows("SELECT la, source, count FROM data_quality WHERE warning = 'empty_episodes_file'"));
    }

    @Test
    void theSummarySaysInPlainWordsWhatWholeFilesLookLike() {
        String y2021 = Path.of("2021", "episodes.csv").toString();
        String y2022 = Path.of("2022", "episodes.csv").toString();
        String extra = Path.of("2022", "episodes_extra.csv").toString();
        assertEquals(List.of(
                y2021 + ": 1 of 2 episodes (50%) start after 31 March 2021, the end of the 2020-21 return the file is "
                        + "dated by, and none after 31 March 2022 (decom_after_return_year). The file is probably named "
                        + "by the year its return starts, so its dates sit a year late. Rename it by the year the return "
                        + "ends (for example 2022-episodes.csv or 2021-22) and run again; its episodes are counted "
                        + "meanwhile, but dated a year early.",
                y2022 + " line 9: the file ends in the middle of a row (no line break, fewer fields than the header), so "
                        + "that row was rejected as short_row. The file may be incomplete (an interrupted copy or "
                        + "export): copy or export it again and run again.",
                y2022 + " line 6: 1 line has fewer fields than the header (short_line; the first at line 6); the missing "
                        + "fields were read as blank. The file may be incomplete: check it against the source system "
                        + "and export it again if so.",
                extra + ": an episodes file with its header and no rows (empty_episodes_file). The export may have "
                        + "failed or been interrupted: export the return's episodes again; if the LA really had none "
                        + "that year, remove the file."),
                summary.notices());
        assertTrue(summary.format().contains("Notices:\n  " + y2021 + ": 1 of 2 episodes"), summary.format());
    }

    @Test
    void everyCodeInTheSummaryComesWithItsMeaningAndWhatToDo() {
        String printed = summary.format();
        assertTrue(printed.contains("  future_date            2\n      A date (DECOM or DEC) is after the day of the run: "
                + "it cannot have happened yet. What to do: correct the date in the source system (often a mistyped "
                + "year) and export again.\n"), printed);
        assertTrue(printed.contains("  placement_costs: negative_cost 1\n      The weekly cost is below zero. What to do: "),
                printed);
    }

    @Test
    void ignoredFilesSayWhy() {
        Map<String, String> notes = new java.util.TreeMap<>();
        summary.files().stream().filter(f -> f.table().equals("ignored")).forEach(f -> notes.put(f.path(), f.note()));
        assertEquals(Map.of(
                "blank.csv", "ignored: empty (0 bytes)",
                "notes.txt", "ignored: not a CSV or XML file",
                "reviews.csv", "ignored: its columns match no input the product reads (a 903 table it does not use, "
                        + "such as missing or reviews?)",
                "sheet.csv", "ignored: binary, not text (a spreadsheet or archive saved under a .csv name?)"), notes);
    }
}
