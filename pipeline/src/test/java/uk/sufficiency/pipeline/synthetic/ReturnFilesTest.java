package uk.sufficiency.pipeline.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReturnFilesTest {
    private static final Placement FOSTER = new Placement(Setting.SHORT_TERM_FOSTER, "PR4", "SC100007", "QB3 4CD", 1);
    private static final Placement HOME = new Placement(Setting.CHILDRENS_HOME, "PR1", "SC700003", "QA5 6EF", 2);

    /** A girl in care from 10 Feb 2021 who moved on 20 May 2022 and left care on 3 Apr 2023. */
    private static final Child CHILD = new Child("12345", false, LocalDate.of(2006, 7, 15), "WBRI", "A800123456789",
            null, List.of(
                    new Episode(LocalDate.of(2021, 2, 10), LocalDate.of(2022, 5, 20), "S", "V2", "N4", FOSTER, "X1", "CREQB", "QA1 2AB"),
                    new Episode(LocalDate.of(2022, 5, 20), LocalDate.of(2023, 4, 3), "P", "V2", "N4", HOME, "E8", "", "QA1 2AB")));

    @Test
    void eachReturnShowsTheEpisodesOfItsYearAsTheyStoodOn31March(@TempDir Path out) throws IOException {
        GeneratorOptions options = new GeneratorOptions(out, 1, 4, 1, 2024);
        try (ReturnFiles returns = new ReturnFiles(options)) {
            returns.write("Demo County", CHILD);
        }

        // 2020-21: the first episode is open at 31 March 2021
        assertEquals(List.of(ReturnFiles.EPISODE_COLUMNS,
                "12345,10/02/2021,S,V2,N4,U6,PR4,,,,QA1 2AB,QB3 4CD,SC100007"), lines(out, "2021/episodes_2021.csv"));
        // 2021-22: still open at 31 March 2022, so still no DEC, REC or reason for the move
        assertEquals(List.of(ReturnFiles.EPISODE_COLUMNS,
                "12345,10/02/2021,S,V2,N4,U6,PR4,,,,QA1 2AB,QB3 4CD,SC100007"), lines(out, "2022/episodes_2022.csv"));
        // 2022-23: the first episode closed in the year, the second is open at 31 March 2023
        assertEquals(List.of(ReturnFiles.EPISODE_COLUMNS,
                "12345,10/02/2021,S,V2,N4,U6,PR4,20/05/2022,X1,CREQB,QA1 2AB,QB3 4CD,SC100007",
                "12345,20/05/2022,P,V2,N4,K2,PR1,,,,QA1 2AB,QA5 6EF,SC700003"), lines(out, "2023/episodes_2023.csv"));
        // 2023-24: the second episode closed on 3 April 2023, inside the year
        assertEquals(List.of(ReturnFiles.EPISODE_COLUMNS,
                "12345,20/05/2022,P,V2,N4,K2,PR1,03/04/2023,E8,,QA1 2AB,QA5 6EF,SC700003"), lines(out, "2024/episodes_2024.csv"));
        // one header row per return; a girl's MOTHER is 0 when she has no child
        assertEquals(List.of(ReturnFiles.HEADER_COLUMNS, "12345,2,15/07/2006,WBRI,A800123456789,0,"),
                lines(out, "2024/header_2024.csv"));
    }

    @Test
    void pooledReturnsAddLaAndYearColumns(@TempDir Path out) throws IOException {
        GeneratorOptions options = new GeneratorOptions(out, 2, 1, 1, 2021);
        try (ReturnFiles returns = new ReturnFiles(options)) {
            returns.write("Synthetic LA 002", CHILD);
        }
        assertEquals(List.of(ReturnFiles.EPISODE_COLUMNS + ",LA,YEAR",
                "12345,10/02/2021,S,V2,N4,U6,PR4,,,,QA1 2AB,QB3 4CD,SC100007,Synthetic LA 002,2021"),
                lines(out, "episodes_2021.csv"));
        assertEquals(List.of(ReturnFiles.HEADER_COLUMNS + ",LA,YEAR",
                "12345,2,15/07/2006,WBRI,A800123456789,0,,Synthetic LA 002,2021"), lines(out, "header_2021.csv"));
    }

    @Test
    void childrenUnderFiveHaveNoUpnYet(@TempDir Path out) throws IOException {
        Child baby = new Child("7", true, LocalDate.of(2019, 4, 1), "MWBC", "A800123456789", null,
                List.of(new Episode(LocalDate.of(2019, 4, 2), LocalDate.of(2025, 1, 1), "S", "C2", "N1", FOSTER, "E11", "", "QA1 2AB")));
        try (ReturnFiles returns = new ReturnFiles(new GeneratorOptions(out, 1, 2, 1, 2024))) {
            returns.write("Demo County", baby);
        }
        // five on 1 April 2024: not yet at 31 March 2024, so UN1; a boy's MOTHER is blank
        assertEquals("7,1,01/04/2019,MWBC,UN1,,", lines(out, "2024/header_2024.csv").get(1));
    }

    private static List<String> lines(Path out, String file) throws IOException {
        return Files.readAllLines(out.resolve(file));
    }
}
