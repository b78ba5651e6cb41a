package uk.sufficiency.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.sufficiency.warehouse.Snapshots;
import uk.sufficiency.warehouse.runs.RunHistory;
import uk.sufficiency.warehouse.runs.RunRecord;

/**
 * The run summary's notices about whole files reach the Data quality page, from the run behind the
 * snapshot, for a reader who sees every LA exactly (they count a file's episodes and name no LA).
 */
class DataQualityNoticesTest extends TwoLaServerTest {
    /** As EpisodeFiles words them for a d2i file named by its start year, and for a file cut off mid-row. */
    private static final String MISDATED = "2017-episodes.csv: 941 of 1,460 episodes (64%) start after 31 March 2017,"
            + " the end of the 2016-17 return the file is dated by, and none after 31 March 2018"
            + " (decom_after_return_year). The file is probably named by the year its return starts, so its dates sit"
            + " a year late. Rename it by the year the return ends (for example 2018-episodes.csv or 2017-18) and run"
            + " again; its episodes are counted meanwhile, but dated a year early.";
    private static final String CUT_OFF = "episodes.csv line 412: the file ends in the middle of a row (no line break,"
            + " fewer fields than the header), so that row was rejected as short_row. The file may be incomplete (an"
            + " interrupted copy or export): copy or export it again and run again.";

    @Test
    void theNoticesOfTheRunBehindTheSnapshotAreListedInOrderAndAnOlderRunsAreNot() {
        RunHistory history = new RunHistory(dir);
        history.finished(run("2022-04-01T02:00:00Z", Path.of("20220401-020000-000"), List.of("old.csv: not this one")));
        history.finished(run("2022-04-02T02:00:00Z", new Snapshots(dir).current().orElseThrow(),
                List.of(MISDATED, CUT_OFF)));
        as(TestUsers.REGION, browser -> {
            Browser.Reply reply = browser.get("/data-quality");
            assertEquals(200, reply.code(), reply.body());
            String page = reply.body();
            assertTrue(page.contains("<section class=\"panel\" id=\"file-notices\" aria-labelledby=\"file-notices-heading\">"),
                    page);
            assertTrue(page.contains("<ul class=\"notices\">\n<li>" + MISDATED + "</li>\n<li>" + CUT_OFF + "</li>\n</ul>"),
                    page);
            assertFalse(page.contains("not this one"), page);
            assertFalse(page.contains("file-notices-withheld"), page);
        });
        // Lancashire's viewer does not see Blackpool exactly, so is told the notices exist, not what they say.
        as(TestUsers.LANCASHIRE, browser -> {
            String page = browser.get("/data-quality").body();
            assertFalse(page.contains("941 of 1,460"), page);
            assertFalse(page.contains("line 412"), page);
            assertTrue(page.contains("<p class=\"note\" id=\"file-notices-withheld\">The run that published snapshot "
                    + new Snapshots(dir).current().orElseThrow().getFileName() + " left notices about some of its files."),
                    page);
        });
    }

    @Test
    void aRunWithoutNoticesShowsNoList() {
        new RunHistory(dir).finished(run("2022-04-02T02:00:00Z", new Snapshots(dir).current().orElseThrow(), List.of()));
        as(TestUsers.REGION, browser -> {
            String page = browser.get("/data-quality").body();
            assertFalse(page.contains("file-notices"), page);
            assertTrue(page.contains("<h2 id=\"runs-heading\">"), page);
        });
    }

    private RunRecord run(String start, Path snapshot, List<String> notices) {
        Instant t = Instant.parse(start);
        return RunRecord.succeeded(t, t.plusSeconds(60), RunRecord.Trigger.CRON, dir, dir, 10, Map.of(), Map.of(),
                snapshot, Duration.ofSeconds(60), List.of(), notices);
    }
}
