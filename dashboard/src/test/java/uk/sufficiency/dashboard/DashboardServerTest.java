package uk.sufficiency.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.sufficiency.warehouse.FactTable;

/**
 * The pages and API over the two-LA snapshot of {@link TestSnapshot#lancashireAndBlackpool()},
 * read by a regional analyst, who sees every LA's exact figures. Suppression for other readers is
 * in {@link ScopingTest}; signing in and out in {@link LoginTest}.
 */
class DashboardServerTest {
    static final ObjectMapper JSON = new ObjectMapper();

    private static Path publishFirstSnapshot(Path warehouseDir) throws Exception {
        return TestSnapshot.lancashireAndBlackpool().publish(warehouseDir);
    }

    /** Runs a test against a server for the warehouse, in a browser signed in as the regional analyst. */
    private static void asRegionalAnalyst(Path dir, Consumer<Browser> test) {
        TestUsers.write(dir);
        JavalinTest.test(DashboardServer.create(dir), (server, client) ->
                test.accept(new Browser(server).signedInAs(TestUsers.REGION)));
    }

    /** Every field of the expected object is in the answer with the same value (rows compared whole). */
    static void assertJson(String expected, Browser.Reply reply) throws Exception {
        assertEquals("application/json", reply.header("Content-Type"), reply.body());
        JsonNode want = JSON.readTree(expected);
        JsonNode got = JSON.readTree(reply.body());
        want.fieldNames().forEachRemaining(field -> assertEquals(want.get(field), got.get(field), field + " in " + reply.body()));
    }

    /** The month-end CSV text block as the JSON rows the API should give (quoting [c] as a string). */
    static String csvAsJsonRows(String csv) {
        return csv.lines().skip(1).map(line -> line.split(","))
                .map(cells -> "{\"month_end\":\"%s\",\"category\":\"%s\",\"children\":%s}".formatted(cells[0], cells[1],
                        cells[2].equals("[c]") ? "\"[c]\"" : cells[2]))
                .collect(Collectors.joining(",", "[", "]"));
    }

    static void assertSecurityHeaders(Browser.Reply reply) {
        assertEquals("default-src 'self'; frame-ancestors 'none'", reply.header("Content-Security-Policy"));
        assertEquals("nosniff", reply.header("X-Content-Type-Options"));
        assertEquals("no-referrer", reply.header("Referrer-Policy"));
        assertEquals("DENY", reply.header("X-Frame-Options"));
    }

    private static void run(Path dir, Consumer<Browser> test) {
        asRegionalAnalyst(dir, test);
    }

    private interface Check {
        void run(Browser browser) throws Exception;
    }

    private static Consumer<Browser> checked(Check check) {
        return browser -> {
            try {
                check.run(browser);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
    }

    @Test
    void listsTheLasAlphabetically(@TempDir Path dir) throws Exception {
        publishFirstSnapshot(dir);
        run(dir, checked(browser -> assertJson("{\"las\":[\"Blackpool\",\"Lancashire\"]}", browser.get("/api/las"))));
    }

    @Test
    void monthEndAggregatesFollowTheCountingRules(@TempDir Path dir) throws Exception {
        publishFirstSnapshot(dir);
        run(dir, checked(browser -> {
            assertJson("{\"la\":\"Lancashire\",\"rows\":" + csvAsJsonRows(TestSnapshot.LANCASHIRE_CSV) + "}",
                    browser.get("/api/cla-month-end?la=Lancashire"));
            assertJson("""
                    {"la":"Blackpool","rows":[
                      {"month_end":"2022-01-31","category":"foster_inhouse","children":5},
                      {"month_end":"2022-02-28","category":"foster_inhouse","children":5},
                      {"month_end":"2022-02-28","category":"foster_kinship","children":1},
                      {"month_end":"2022-03-31","category":"foster_ifa","children":1},
                      {"month_end":"2022-03-31","category":"foster_inhouse","children":5},
                      {"month_end":"2022-03-31","category":"foster_kinship","children":1}]}""",
                    browser.get("/api/cla-month-end?la=Blackpool"));
        }));
    }

    @Test
    void monthEndApiNeverHandsOutChildLevelFields(@TempDir Path dir) throws Exception {
        publishFirstSnapshot(dir);
        run(dir, checked(browser -> {
            for (JsonNode row : JSON.readTree(browser.get("/api/cla-month-end?la=Lancashire").body()).get("rows")) {
                List<String> fields = new ArrayList<>();
                row.fieldNames().forEachRemaining(fields::add);
                assertEquals(List.of("month_end", "category", "children"), fields);
            }
        }));
    }

    @Test
    void yearFiguresComeFromClaYear(@TempDir Path dir) throws Exception {
        publishFirstSnapshot(dir);
        run(dir, checked(browser -> {
            assertJson("""
                    {"la":"Lancashire","rows":[{"year":2022,"looked_after_31_march":1,"started":5,
                      "ceased":4,"placement_moves":1,"population_0_17":3000,"rate_per_10000":3.3}]}""",
                    browser.get("/api/cla-year?la=Lancashire"));
            assertJson("""
                    {"la":"Blackpool","rows":[{"year":2022,"looked_after_31_march":7,"started":7,
                      "ceased":0,"placement_moves":0,"population_0_17":2000,"rate_per_10000":35.0}]}""",
                    browser.get("/api/cla-year?la=Blackpool"));
        }));
    }

    @Test
    void csvHasTheSameAggregatesWithAHeader(@TempDir Path dir) throws Exception {
        publishFirstSnapshot(dir);
        run(dir, checked(browser -> {
            Browser.Reply reply = browser.get("/api/cla-month-end.csv?la=Lancashire");
            assertEquals(200, reply.code());
            assertEquals("text/csv; charset=utf-8", reply.header("Content-Type"));
            assertEquals("attachment; filename=\"cla-month-end-lancashire.csv\"", reply.header("Content-Disposition"));
            assertEquals(TestSnapshot.LANCASHIRE_CSV, reply.body());
            assertEquals(TestSnapshot.BLACKPOOL_CSV, browser.get("/api/cla-month-end.csv?la=Blackpool").body());
        }));
    }

    @Test
    void unknownLaIsA404WithAJsonError(@TempDir Path dir) throws Exception {
        publishFirstSnapshot(dir);
        run(dir, checked(browser -> {
            for (String path : new String[] {"/api/cla-month-end?la=Nowhere", "/api/cla-year?la=Nowhere",
                    "/api/cla-month-end.csv?la=Nowhere"}) {
                Browser.Reply reply = browser.get(path);
                assertEquals(404, reply.code(), path);
                assertEquals("The warehouse holds no figures for the local authority 'Nowhere'. "
                        + "It holds: Blackpool, Lancashire.", JSON.readTree(reply.body()).get("error").asText(), path);
                assertSecurityHeaders(reply);
            }
            Browser.Reply page = browser.get("/?la=%3Cb%3ENowhere");
            assertEquals(404, page.code());
            assertTrue(page.body().contains("local authority '&lt;b&gt;Nowhere'"), page.body());
            assertFalse(page.body().contains("<b>Nowhere"));
        }));
    }

    @Test
    void noPublishedSnapshotIsA503SayingSo(@TempDir Path dir) {
        run(dir, checked(browser -> {
            Browser.Reply api = browser.get("/api/cla-month-end?la=Lancashire");
            assertEquals(503, api.code());
            assertTrue(JSON.readTree(api.body()).get("error").asText().contains("no published snapshot"));
            assertSecurityHeaders(api);

            Browser.Reply page = browser.get("/");
            assertEquals(503, page.code());
            assertTrue(page.body().contains("<h1>No figures yet</h1>"), page.body());
            assertTrue(page.body().contains("the warehouse has no published snapshot"), page.body());
        }));
    }

    @Test
    void everyResponseCarriesTheSecurityHeadersAndPagesAreNotCached(@TempDir Path dir) throws Exception {
        publishFirstSnapshot(dir);
        run(dir, checked(browser -> {
            for (String path : new String[] {"/", "/api/las", "/api/cla-month-end.csv", "/no-such-page", "/login"}) {
                Browser.Reply reply = browser.get(path);
                assertSecurityHeaders(reply);
                assertEquals("no-store", reply.header("Cache-Control"), path);
            }
            for (String path : new String[] {"/app.js", "/app.css", DashboardPage.ECHARTS_SCRIPT}) {
                assertSecurityHeaders(browser.get(path));
            }
            // Refusals too: a browser with no session.
            Browser stranger = new Browser(browser);
            for (String path : new String[] {"/", "/api/las", "/login"}) {
                Browser.Reply reply = stranger.get(path);
                assertSecurityHeaders(reply);
                assertEquals("no-store", reply.header("Cache-Control"), path);
            }
        }));
    }

    @Test
    void echartsAndThePageScriptAreServedLocallyWithoutSigningIn(@TempDir Path dir) throws Exception {
        publishFirstSnapshot(dir);
        run(dir, checked(signedIn -> {
            Browser browser = new Browser(signedIn); // no session: static files need none
            // The webjar keeps echarts.min.js at its root: there is no dist/ folder in org.webjars:echarts:5.5.0.
            assertEquals("/webjars/echarts/5.5.0/echarts.min.js", DashboardPage.ECHARTS_SCRIPT);
            Browser.Reply echarts = browser.get("/webjars/echarts/5.5.0/echarts.min.js");
            assertEquals(200, echarts.code());
            assertTrue(echarts.body().contains("echarts"));

            Browser.Reply script = browser.get("/app.js");
            assertEquals(200, script.code());
            assertTrue(script.header("Content-Type").startsWith("text/javascript")
                    || script.header("Content-Type").startsWith("application/javascript"), script.header("Content-Type"));
            assertTrue(script.body().contains("echarts.init"));
            assertEquals(200, browser.get("/app.css").code());
        }));
    }

    @Test
    void childrenPageHasEachChartWithItsTableAndDownloads(@TempDir Path dir) throws Exception {
        Path snapshot = publishFirstSnapshot(dir);
        run(dir, checked(browser -> {
            Browser.Reply reply = browser.get("/children?la=Lancashire");
            assertEquals(200, reply.code());
            assertTrue(reply.header("Content-Type").startsWith("text/html"));
            String html = reply.body();
            assertTrue(html.contains("<html lang=\"en\">"));
            assertTrue(html.contains("<title>Children looked after: Lancashire</title>"), html);
            assertTrue(html.contains("<h1>Children looked after</h1>"));
            assertTrue(html.contains("<a href=\"/children\" aria-current=\"page\">Children looked after</a>"), html);
            // The month-end chart: its heading says what, whose and when; its data is the figure's JSON.
            assertTrue(html.contains("<h2 id=\"cla-month-end-heading\">Children looked after at each month end, by "
                    + "placement category: Lancashire, 30 April 2021 to 31 March 2022</h2>"), html);
            assertTrue(html.contains("<div id=\"cla-month-end-chart\" class=\"chart\" role=\"img\" "
                    + "aria-labelledby=\"cla-month-end-heading\" data-src=\"/api/cla-month-end?la=Lancashire\""), html);
            assertTrue(html.contains("<script src=\"/webjars/echarts/5.5.0/echarts.min.js\" defer></script>"));
            assertTrue(html.contains("<script src=\"/app.js\" defer></script>"));
            assertFalse(html.contains("<script>"), "no inline script: the CSP forbids it");
            assertFalse(html.contains("style="), "no inline style: the CSP forbids it");
            assertTrue(html.contains("<a href=\"/api/cla-month-end.csv?la=Lancashire\" download>CSV</a>"), html);
            assertTrue(html.contains("<a href=\"/api/cla-month-end.xlsx?la=Lancashire\" download>Excel (XLSX)</a>"));
            assertTrue(html.contains("<a href=\"/api/cla-month-end.csv?la=Lancashire&amp;publication=true\" download>"));
            assertTrue(html.contains("<button type=\"button\" class=\"save-png\" data-chart=\"cla-month-end-chart\""));
            // The selector, because the warehouse holds two LAs, with this one chosen.
            assertTrue(html.contains("<option value=\"Lancashire\" selected>Lancashire</option>"));
            assertTrue(html.contains("<option value=\"Blackpool\">Blackpool</option>"));
            // The month-end table, pivoted: categories in §8 order, then 31 March 2022 as worked out in TestSnapshot.
            assertTrue(html.contains("<tr><th scope=\"col\">Month end</th><th scope=\"col\">Fostering: in-house</th>"
                    + "<th scope=\"col\">Fostering: independent agency</th><th scope=\"col\">Children's home: "
                    + "private or voluntary</th><th scope=\"col\">Secure children's home</th>"
                    + "<th scope=\"col\">Placed with parents</th></tr>"), html);
            assertTrue(html.contains("<tr><th scope=\"row\">31 Dec 2021</th><td>0</td><td>0</td><td>1</td><td>1</td>"
                    + "<td>0</td></tr>"), html);
            assertTrue(html.contains("<tr><th scope=\"row\">31 Mar 2022</th><td>0</td><td>0</td><td>0</td><td>0</td>"
                    + "<td>1</td></tr>"), html);
            // The year table as cla_year has it: 1 looked after, 5 started, 4 ceased, population 3,000, rate 3.3.
            assertTrue(html.contains("<tr><th scope=\"row\">2022</th><td>1</td><td>5</td><td>4</td><td>1</td><td>3,000</td>"
                    + "<td>3.3</td></tr>"), html);
            assertFalse(html.contains("<td>[c]</td>"), "a regional analyst sees exact figures");
            assertFalse(html.contains("suppression-note"), html);
            assertTrue(html.contains("Warehouse snapshot " + snapshot.getFileName() + "."));
            // Who is signed in, and a sign-out form that carries its token.
            assertTrue(html.contains("<p>Signed in as <strong>region</strong> (all local authorities)</p>"), html);
            assertTrue(html.contains("<form method=\"post\" action=\"/logout\">"), html);
            assertEquals(43, Browser.csrf(html).length());
        }));
    }

    @Test
    void kpiPageShowsEachKpiAgainstItsTrajectoryAndSaysWhichAreNotMeasured(@TempDir Path dir) throws Exception {
        // Children's homes share: baseline 50.0 at 31 March 2021, target 0.0 by 31 March 2022, lower is better.
        // Lancashire's latest month end, 31 March 2022: c4 with parents, so 0 of 1 in a home: 0.0, on the
        // trajectory (which has reached the target), so green.
        TestSnapshot.lancashireAndBlackpool()
                .rows(FactTable.KPI_TARGETS, "('Lancashire', 'childrens_homes_share', '2021-03-31', 50.0, '2022-03-31', "
                        + "0.0, 'down', 1.0, 'targets.csv')")
                .publish(dir);
        run(dir, checked(browser -> {
            String html = browser.get("/?la=Lancashire").body();
            assertTrue(html.contains("<a href=\"/\" aria-current=\"page\">Strategy KPIs</a>"), html);
            String card = html.substring(html.indexOf("<article class=\"kpi\" id=\"kpi-childrens_homes_share\">"));
            card = card.substring(0, card.indexOf("</article>"));
            assertTrue(card.contains("<p class=\"kpi-value\"><span class=\"big\">0.0%</span> at March 2022</p>"), card);
            assertTrue(card.contains("<p class=\"rag rag-green\">Green: at or better than the trajectory</p>"), card);
            // 31 March 2021 is before Lancashire's window, so the baseline is the one the targets file states.
            assertTrue(card.contains("<dt>Baseline</dt><dd>50.0% at 31 March 2021 (as the targets file states it: the"
                    + " data does not reach back to this date)</dd>"), card);
            assertTrue(card.contains("<dt>Target from</dt><dd>targets.csv</dd>"), card);
            assertTrue(card.contains("<dt>Target</dt><dd>0.0% by 31 March 2022 (lower is better)</dd>"), card);
            assertTrue(card.contains("<dt>Trajectory now</dt><dd>0.0%</dd>"), card);
            assertTrue(card.contains("<dt>Amber when</dt><dd>worse than the trajectory by 1.0 points or less</dd>"), card);
            assertTrue(card.contains("data-src=\"/api/kpi-childrens-homes-share?la=Lancashire\""), card);
            assertTrue(html.contains("<strong>Not measured yet:</strong> this KPI needs placement requests"), html);
        }));
    }

    @Test
    void benchmarksPageSaysWhatItCanRankAgainst(@TempDir Path dir) throws Exception {
        publishFirstSnapshot(dir);
        run(dir, checked(browser -> {
            String html = browser.get("/benchmarks?la=Lancashire").body();
            assertTrue(html.contains("<p class=\"summary\">Year to 31 March 2022: no rank (no other LA's published "
                    + "rate that year); no statistical neighbours loaded. Not drawn: England, the region (the LA's"
                    + " region is not known), statistical neighbours, because no published figure for this measure"
                    + " is loaded for them"), html);
        }));
    }

    @Test
    void pageDefaultsToTheFirstLaForARegionalAnalyst(@TempDir Path dir) throws Exception {
        publishFirstSnapshot(dir);
        run(dir, checked(browser -> {
            String html = browser.get("/children").body();
            assertTrue(html.contains("<option value=\"Blackpool\" selected>Blackpool</option>"));
            // Kinship, in-house, IFA: §8 order.
            assertTrue(html.contains("<tr><th scope=\"row\">31 Mar 2022</th><td>1</td><td>5</td><td>1</td></tr>"), html);
        }));
    }

    @Test
    void aNewlyPublishedSnapshotIsServedOnTheNextRequestAndAMissingRateIsBlank(@TempDir Path dir) throws Exception {
        publishFirstSnapshot(dir);
        run(dir, checked(browser -> {
            assertJson("{\"las\":[\"Blackpool\",\"Lancashire\"]}", browser.get("/api/las"));
            assertEquals(200, browser.get("/api/cla-year?la=Blackpool").code());

            // The next run: Lancashire only, one open foster placement from 1 April 2022, window 2023, and
            // no population estimate for calendar 2022, so no rate.
            new TestSnapshot()
                    .rows(FactTable.EPISODES,
                            "('Lancashire', 'c9', '2022-04-01', NULL, NULL, 'S', 'C2', 'U4', 'PR1', 'foster_inhouse', 2023, NULL)")
                    .rows(FactTable.LA_WINDOW, "('Lancashire', 2023, 2023)")
                    .publish(dir);

            assertJson("{\"las\":[\"Lancashire\"]}", browser.get("/api/las"));
            assertJson("""
                    {"la":"Lancashire","rows":[{"year":2023,"looked_after_31_march":1,"started":1,
                      "ceased":0,"placement_moves":0,"population_0_17":null,"rate_per_10000":null}]}""",
                    browser.get("/api/cla-year?la=Lancashire"));
            assertEquals(404, browser.get("/api/cla-year?la=Blackpool").code());
            String html = browser.get("/children").body();
            assertFalse(html.contains("<select"), "one LA: no selector");
            assertTrue(html.contains("<tr><th scope=\"row\">2023</th><td>1</td><td>1</td><td>0</td><td>0</td>"
                    + "<td></td><td></td></tr>"), html);
        }));
    }

    @Test
    void refusesToStartWithoutUsersSayingHowToAddOne(@TempDir Path dir) throws Exception {
        publishFirstSnapshot(dir);
        IllegalStateException noFile = assertThrows(IllegalStateException.class, () -> DashboardServer.create(dir));
        assertTrue(noFile.getMessage().contains(dir.resolve("users.csv").toAbsolutePath() + " lists none"),
                noFile.getMessage());
        assertTrue(noFile.getMessage().contains("./sufficiency user add --warehouse "), noFile.getMessage());

        Files.writeString(dir.resolve("users.csv"), "username,la,role,password_hash\n");
        assertThrows(IllegalStateException.class, () -> DashboardServer.start(dir, "127.0.0.1", 0));
    }

    @Test
    void aDamagedUsersFileStopsTheStartNamingTheLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("users.csv"), "username,la,role,password_hash\nalice,Lancashire,viewer,secret\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DashboardServer.create(dir));
        assertTrue(e.getMessage().contains("users.csv line 2: the password_hash is not a bcrypt hash"), e.getMessage());
    }
}
