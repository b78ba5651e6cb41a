package uk.sufficiency.jobs.schedule;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderWatchTest {
    @TempDir
    Path input;

    @Test
    void aFileCountsOnceItHasStoppedGrowing() throws Exception {
        Files.writeString(input.resolve("old.csv"), "already here");
        FolderWatch watch = new FolderWatch(input);
        assertFalse(watch.changedAndSettled(), "files present at start are not new");

        Path file = Files.createDirectories(input.resolve("2025")).resolve("episodes.csv");
        Files.writeString(file, "CHILD,DECOM\n");
        assertFalse(watch.changedAndSettled(), "just arrived");
        Files.writeString(file, "1,2025-01-01\n", StandardOpenOption.APPEND);
        assertFalse(watch.changedAndSettled(), "still being copied");
        assertTrue(watch.changedAndSettled(), "unchanged for one poll");
        assertFalse(watch.changedAndSettled(), "already reported");
    }

    @Test
    void whatARunHasReadIsNotNew() throws Exception {
        FolderWatch watch = new FolderWatch(input);
        Files.writeString(input.resolve("episodes.csv"), "CHILD\n");
        watch.changedAndSettled();
        watch.runStarting();
        assertFalse(watch.changedAndSettled());
        assertFalse(watch.changedAndSettled());

        Files.delete(input.resolve("episodes.csv"));
        assertFalse(watch.changedAndSettled());
        assertTrue(watch.changedAndSettled(), "a removed file is a change too");
    }
}
