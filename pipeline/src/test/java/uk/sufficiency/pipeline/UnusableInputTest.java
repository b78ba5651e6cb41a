package uk.sufficiency.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.sufficiency.warehouse.Snapshots;

/** Counting-rules §2 and §4: a file that cannot be used fails the run and publishes nothing. */
class UnusableInputTest {
    private static final String EPISODES_HEADER =
            "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n";

    @TempDir
    Path dir;

    @Test
    void aMissingRequiredColumnFailsTheRunAndKeepsTheLastSnapshot() throws Exception {
        Path good = Files.createDirectories(dir.resolve("good"));
        Files.writeString(good.resolve("episodes_2022.csv"), EPISODES_HEADER + "1,01/04/2021,S,C2,N1,U4,PR1,,,,A,B,\n");
        Path warehouse = dir.resolve("warehouse");
        Path published = PipelineRun.run(TestSpark.session(), new RunOptions(good, warehouse, "X", null),
                Progress.SILENT).snapshot();

        Path bad = Files.createDirectories(dir.resolve("bad/2022"));
        Files.writeString(bad.resolve("episodes.csv"), "\uFEFFchild, decom ,RNE,LS,CIN,PLACE,PLACE_PROVIDER,REC\n1,01/04/2021,S,C2,N1,U4,PR1,\n");
        InputProblem problem = assertThrows(InputProblem.class, () ->
                PipelineRun.run(TestSpark.session(), new RunOptions(dir.resolve("bad"), warehouse, "X", null), Progress.SILENT));
        assertEquals(Path.of("2022", "episodes.csv") + ": looks like a episodes table but lacks the required columns "
                + "DEC, REASON_PLACE_CHANGE, HOME_POST, PL_POST, URN", problem.getMessage());
        assertEquals(Optional.of(published), new Snapshots(warehouse).current());
        assertEquals(1, new Snapshots(warehouse).published().size());
    }

    @Test
    void aFileWithoutLaNeedsTheLaOption() throws Exception {
        Files.writeString(dir.resolve("episodes_2022.csv"), EPISODES_HEADER);
        InputProblem problem = assertThrows(InputProblem.class, () -> PipelineRun.run(TestSpark.session(),
                new RunOptions(dir, dir.resolve("warehouse"), null, null), Progress.SILENT));
        assertTrue(problem.getMessage().startsWith("episodes_2022.csv: has no LA column"), problem.getMessage());
    }

    @Test
    void aFolderWithoutEpisodesIsRefused() throws Exception {
        Files.writeString(dir.resolve("notes.csv"), "a,b\n1,2\n");
        InputProblem problem = assertThrows(InputProblem.class, () -> PipelineRun.run(TestSpark.session(),
                new RunOptions(dir, dir.resolve("warehouse"), "X", null), Progress.SILENT));
        assertTrue(problem.getMessage().contains("holds no 903 episodes table"), problem.getMessage());
    }
}
