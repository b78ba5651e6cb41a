package uk.sufficiency.pipeline.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.sufficiency.pipeline.InputProblem;

/** Files that look like a 903 table but cannot be read as one fail the run, even beside good files. */
class InputCatalogTest {
    private static final String EPISODES =
            "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n";

    @TempDir
    Path dir;

    private String problem() {
        return assertThrows(InputProblem.class, () -> InputCatalog.scan(dir)).getMessage();
    }

    private void goodFiles() throws Exception {
        Files.writeString(dir.resolve("2022-episodes.csv"), EPISODES + "1,01/04/2021,S,C2,N1,U4,PR1,,,,A,B,\n");
        Files.writeString(dir.resolve("2022-header.csv"), "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n");
    }

    @Test
    void anEpisodesTableWithoutDecomAmongGoodFilesFails() throws Exception {
        goodFiles();
        // Named by the LA's own system, not "episodes": known by its columns.
        Files.writeString(dir.resolve("2021-cla-extract.csv"), EPISODES.replace("DECOM,", "") + "1,S,C2\n");
        assertEquals("2021-cla-extract.csv: looks like a episodes table but lacks the required column DECOM", problem());
    }

    @Test
    void aHeaderTableMissingColumnsIsKnownByTheRest() throws Exception {
        goodFiles();
        Files.writeString(dir.resolve("2021-children.csv"), "CHILD,SEX,DOB,MOTHER,MC_DOB\n");
        assertEquals("2021-children.csv: looks like a header table but lacks the required columns ETHNIC, UPN", problem());
    }

    @Test
    void aBinaryOrEmptyFileNamedAsA903TableFails() throws Exception {
        goodFiles();
        Files.write(dir.resolve("2021-episodes.csv"), new byte[] {'P', 'K', 3, 4, 0, 0});
        assertEquals("2021-episodes.csv: is named as a 903 episodes table but is binary, not text (a spreadsheet or "
                + "archive saved under a .csv name?); its rows cannot be read. Export it again as CSV (or the XML "
                + "return), or move it out of the folder", problem());
        Files.delete(dir.resolve("2021-episodes.csv"));
        Files.writeString(dir.resolve("2021-uasc.csv"), "");
        assertEquals("2021-uasc.csv: is named as a 903 uasc table but is empty (0 bytes); its rows cannot be read. "
                + "Export it again as CSV (or the XML return), or move it out of the folder", problem());
        Files.delete(dir.resolve("2021-uasc.csv"));
        Files.writeString(dir.resolve("2021-episodes.xlsx"), "x");
        assertEquals("2021-episodes.xlsx: is named as a 903 episodes table but is not a CSV or XML file; its rows "
                + "cannot be read. Export it again as CSV (or the XML return), or move it out of the folder", problem());
    }

    @Test
    void other903TablesAndUnrelatedFilesAreIgnoredWithAReason() throws Exception {
        goodFiles();
        Files.writeString(dir.resolve("2022-oc2.csv"), "CHILD,DOB,SDQ_SCORE,SDQ_REASON\n");
        Files.writeString(dir.resolve("header.png"), "x");
        InputCatalog catalog = InputCatalog.scan(dir);
        assertEquals(2, catalog.recognised().size());
        assertEquals(java.util.List.of(
                new InputCatalog.Ignored("2022-oc2.csv", "its columns match no input the product reads (a 903 table "
                        + "it does not use, such as missing or reviews?)"),
                new InputCatalog.Ignored("header.png", "not a CSV or XML file")), catalog.ignoredWithReasons());
    }
}
