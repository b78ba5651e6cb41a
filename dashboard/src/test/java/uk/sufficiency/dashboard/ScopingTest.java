package uk.sufficiency.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.sufficiency.dashboard.DashboardServerTest.assertJson;
import static uk.sufficiency.dashboard.DashboardServerTest.csvAsJsonRows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Counting-rules §9 end to end: each reader gets exact figures for their own LA and another LA's
 * counts of 1 to 4 (and rates from them) as [c], by every route: JSON, CSV and the page. The
 * expected figures are those worked out in {@link TestSnapshot#lancashireAndBlackpool()}.
 */
class ScopingTest extends TwoLaServerTest {
    /**
     * Blackpool's month ends as a Lancashire user sees them: the 1s suppressed, and the 5s beside them
     * too (secondary suppression): on 28 February the month's 6 (the rate figure's) less the 5 would give
     * the kinship 1 back; on 31 March 7 - 5 = 2 would say both hidden cells are 1. Each month's hidden
     * cells are shown together as one "suppressed" row (6, 7), so a stacked bar keeps its true total.
     */
    static final String BLACKPOOL_SEEN_FROM_ELSEWHERE = """
            month_end,category,children
            2022-01-31,foster_inhouse,5
            2022-02-28,foster_inhouse,[c]
            2022-02-28,foster_kinship,[c]
            2022-02-28,suppressed,6
            2022-03-31,foster_ifa,[c]
            2022-03-31,foster_inhouse,[c]
            2022-03-31,foster_kinship,[c]
            2022-03-31,suppressed,7
            """;
    /** Lancashire's month ends as a Blackpool user sees them: every cell is 1 or 2. */
    static final String LANCASHIRE_SEEN_FROM_ELSEWHERE = TestSnapshot.LANCASHIRE_CSV
            .replaceAll(",[12]\n", ",[c]\n");

    /** Blackpool's year: 7 looked after, 7 started, 0 ceased, rate 35.0, all exact (none is 1 to 4). */
    static final String BLACKPOOL_YEAR = """
            {"la":"Blackpool","rows":[{"year":2022,"looked_after_31_march":7,"started":7,
              "ceased":0,"placement_moves":0,"population_0_17":2000,"rate_per_10000":35.0}]}""";
    /** Lancashire's year from elsewhere: 1 -> [c], 5 exact, 4 -> [c], rate 3.3 from the 1 -> [c]. */
    static final String LANCASHIRE_YEAR_SEEN_FROM_ELSEWHERE = """
            {"la":"Lancashire","rows":[{"year":2022,"looked_after_31_march":"[c]","started":5,
              "ceased":"[c]","placement_moves":"[c]","population_0_17":3000,"rate_per_10000":"[c]"}]}""";

    /** The 31 March 2022 row of the children page's month-end table (categories in §8 order: kinship, in-house, IFA). */
    static final String BLACKPOOL_ROW_EXACT = "<tr><th scope=\"row\">31 Mar 2022</th><td>1</td><td>5</td><td>1</td></tr>";
    static final String BLACKPOOL_ROW_SUPPRESSED = "<tr><th scope=\"row\">31 Mar 2022</th><td>[c]</td><td>[c]</td>"
            + "<td>[c]</td><td>7</td></tr>";
    /** Lancashire's row of the children page's year table seen from elsewhere: the population stays exact. */
    static final String LANCASHIRE_ROW_SUPPRESSED = "<tr><th scope=\"row\">2022</th><td>[c]</td><td>5</td>"
            + "<td>[c]</td><td>[c]</td><td>3,000</td><td>[c]</td></tr>";

    @Test
    void aLancashireUserSeesBlackpoolsSmallCountsAsC() {
        as(TestUsers.LANCASHIRE, browser -> {
            assertJson("{\"la\":\"Blackpool\",\"rows\":" + csvAsJsonRows(BLACKPOOL_SEEN_FROM_ELSEWHERE) + "}",
                    browser.get("/api/cla-month-end?la=Blackpool"));
            assertEquals(BLACKPOOL_SEEN_FROM_ELSEWHERE, browser.get("/api/cla-month-end.csv?la=Blackpool").body());
            assertJson(BLACKPOOL_YEAR, browser.get("/api/cla-year?la=Blackpool"));

            String page = browser.get("/children?la=Blackpool").body();
            assertTrue(page.contains(BLACKPOOL_ROW_SUPPRESSED), page);
            assertTrue(page.contains("<th scope=\"col\">" + SeriesLabels.SUPPRESSED_LABEL + "</th>"), page);
            assertTrue(page.contains("each bar's hidden figures are shown together as one grey <strong>Suppressed</strong>"
                    + " part, so the bar keeps its true total."), page);
            assertTrue(page.contains("<p class=\"note\" id=\"suppression-note\">Blackpool is not your local authority, "
                    + "so counts of 1 to 4 children, and any rate or share computed from one, are shown as "
                    + "<strong>[c]</strong>"), page);
        });
    }

    @Test
    void aBlackpoolUserSeesLancashiresSmallCountsAndTheRateFromThemAsC() {
        as(TestUsers.BLACKPOOL, browser -> {
            assertJson("{\"la\":\"Lancashire\",\"rows\":" + csvAsJsonRows(LANCASHIRE_SEEN_FROM_ELSEWHERE) + "}",
                    browser.get("/api/cla-month-end?la=Lancashire"));
            assertEquals(LANCASHIRE_SEEN_FROM_ELSEWHERE, browser.get("/api/cla-month-end.csv?la=Lancashire").body());
            assertJson(LANCASHIRE_YEAR_SEEN_FROM_ELSEWHERE, browser.get("/api/cla-year?la=Lancashire"));
            String page = browser.get("/children?la=Lancashire").body();
            assertTrue(page.contains(LANCASHIRE_ROW_SUPPRESSED), page);
        });
    }

    @Test
    void eachUserSeesTheirOwnLaExactlyAndStartsOnIt() {
        as(TestUsers.LANCASHIRE, browser -> {
            assertEquals(TestSnapshot.LANCASHIRE_CSV, browser.get("/api/cla-month-end.csv?la=Lancashire").body());
            assertJson("""
                    {"la":"Lancashire","rows":[{"year":2022,"looked_after_31_march":1,"started":5,
                      "ceased":4,"placement_moves":1,"population_0_17":3000,"rate_per_10000":3.3}]}""", browser.get("/api/cla-year"));
            assertJson("{\"la\":\"Lancashire\",\"rows\":" + csvAsJsonRows(TestSnapshot.LANCASHIRE_CSV) + "}",
                    browser.get("/api/cla-month-end"));
            String page = browser.get("/children").body();
            assertTrue(page.contains("<option value=\"Lancashire\" selected>"), "own LA first, not the first alphabetically");
            assertTrue(page.contains("<td>1</td><td>5</td><td>4</td><td>1</td><td>3,000</td><td>3.3</td>"), page);
            assertFalse(page.contains("suppression-note"), page);
        });
        as(TestUsers.BLACKPOOL, browser -> {
            assertEquals(TestSnapshot.BLACKPOOL_CSV, browser.get("/api/cla-month-end.csv").body());
            assertTrue(browser.get("/children").body().contains(BLACKPOOL_ROW_EXACT));
        });
    }

    @Test
    void aRegionalAnalystSeesEveryLaExactly() {
        as(TestUsers.REGION, browser -> {
            assertEquals(TestSnapshot.BLACKPOOL_CSV, browser.get("/api/cla-month-end.csv?la=Blackpool").body());
            assertEquals(TestSnapshot.LANCASHIRE_CSV, browser.get("/api/cla-month-end.csv?la=Lancashire").body());
            assertJson(BLACKPOOL_YEAR, browser.get("/api/cla-year?la=Blackpool"));
            assertTrue(browser.get("/children?la=Blackpool").body().contains(BLACKPOOL_ROW_EXACT));
        });
    }

    @Test
    void exportsForPublicationSuppressEverywhere() {
        as(TestUsers.REGION, browser -> {
            Browser.Reply csv = browser.get("/api/cla-month-end.csv?la=Blackpool&publication=true");
            assertEquals(BLACKPOOL_SEEN_FROM_ELSEWHERE, csv.body());
            assertEquals("attachment; filename=\"cla-month-end-blackpool-publication.csv\"",
                    csv.header("Content-Disposition"));
            assertEquals(TestSnapshot.BLACKPOOL_CSV, browser.get("/api/cla-month-end.csv?la=Blackpool&publication=false")
                    .body());
        });
        as(TestUsers.LANCASHIRE, browser -> {
            assertEquals(LANCASHIRE_SEEN_FROM_ELSEWHERE,
                    browser.get("/api/cla-month-end.csv?la=Lancashire&publication=true").body(), "even the own LA");
            assertJson(LANCASHIRE_YEAR_SEEN_FROM_ELSEWHERE, browser.get("/api/cla-year?publication=true"));
            String page = browser.get("/children?publication=true").body();
            assertTrue(page.contains("These figures are marked for publication"), page);
            assertTrue(page.contains("data-src=\"/api/cla-month-end?la=Lancashire&amp;publication=true\""), page);
            // A mistyped flag is refused rather than read as "not for publication".
            Browser.Reply typo = browser.get("/api/cla-month-end.csv?la=Lancashire&publication=yes");
            assertEquals(400, typo.code());
            assertEquals("{\"error\":\"publication must be true or false, not 'yes'.\"}", typo.body());
        });
    }

    @Test
    void noUrlOrParameterGivesALancashireUserBlackpoolsExactSmallCounts() {
        as(TestUsers.LANCASHIRE, browser -> {
            for (String path : List.of(
                    "/api/cla-month-end?la=Blackpool",
                    "/api/cla-month-end?la=Blackpool&la=Lancashire",
                    "/api/cla-month-end?la=Blackpool&publication=false",
                    "/api/cla-month-end?la=Blackpool&viewer=*&la_scope=all&exact=true",
                    "/api/cla-month-end.csv?la=Blackpool",
                    "/api/cla-month-end.csv?la=Blackpool&publication=false",
                    "/api/cla-year?la=Blackpool",
                    "/?la=Blackpool",
                    "/?la=Blackpool&la=Lancashire")) {
                Browser.Reply reply = browser.get(path);
                assertEquals(200, reply.code(), path);
                String body = reply.body();
                assertFalse(body.contains("\"children\":1") || body.contains(",1\n") || body.contains("<td>1</td>"),
                        path + " shows an exact 1:\n" + body);
            }
            // Asking for an LA under another spelling finds nothing rather than something exact.
            for (String la : List.of("blackpool", "Blackpool%20", "BLACKPOOL", "%2A", "*")) {
                assertEquals(404, browser.get("/api/cla-month-end?la=" + la).code(), la);
            }
        });
    }
}
