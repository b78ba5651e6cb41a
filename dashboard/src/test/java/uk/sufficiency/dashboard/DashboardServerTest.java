package uk.sufficiency.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.sufficiency.warehouse.FactTable;

class DashboardServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /*
     * Two LAs, each with the single collection year 2022 as its window, so month ends run from
     * 30 April 2021 to 31 March 2022.
     *
     * Lancashire (population 0-17 for calendar 2021 = 3,000; the 2022 figure must not be used):
     *   c1     15/03/2021-30/06/2021 foster_ifa, REC E13: 30 Apr, 31 May. Not 31 Mar 2021 (before the
     *          window) and not 30 Jun (an episode ending on a month end does not count that day).
     *          Started in 2021, not 2022; ceased in 2022.
     *   c2     30/06/2021-30/09/2021 foster_inhouse, no REC (repaired close): 30 Jun (starts on the month
     *          end, so counts), 31 Jul, 31 Aug. Started.
     *   c2     30/09/2021-15/01/2022 home_agency, RNE P, REC E11: 30 Sep, 31 Oct, 30 Nov, 31 Dec. Ceased.
     *   c3     from 01/05/2021, open, legal status V3: never counts, not started.
     *   c4     from 31/03/2022, open, with_parents: 31 Mar 2022 only. Started.
     *   c5     10/12/2021-31/03/2022 secure, REC E4A: 31 Dec, 31 Jan, 28 Feb; not 31 Mar. Started, ceased.
     *   c6     01/08/2021-20/08/2021 supported, REC X1: at no month end. Started; X1 is not ceased.
     *   c7     15/07/2021-01/09/2021 foster_inhouse, REC E8: 31 Jul, 31 Aug. Started, ceased.
     *   So at 31 March 2022: 1 looked after (c4); started 5 (c2 c4 c5 c6 c7); ceased 4 (c1 c2 c5 c7);
     *   rate 1 / 3,000 x 10,000 = 3.33 -> 3.3.
     *
     * Blackpool (no population estimate, so the rate is null):
     *   b1     from 01/02/2022, open, foster_kinship: 28 Feb, 31 Mar.
     *   b2     from 01/03/2022, open, foster_ifa: 31 Mar.
     *   At 31 March 2022: 2 looked after; started 2; ceased 0.
     */
    private static final String LANCASHIRE_CSV = """
            month_end,category,children
            2021-04-30,foster_ifa,1
            2021-05-31,foster_ifa,1
            2021-06-30,foster_inhouse,1
            2021-07-31,foster_inhouse,2
            2021-08-31,foster_inhouse,2
            2021-09-30,home_agency,1
            2021-10-31,home_agency,1
            2021-11-30,home_agency,1
            2021-12-31,home_agency,1
            2021-12-31,secure,1
            2022-01-31,secure,1
            2022-02-28,secure,1
            2022-03-31,with_parents,1
            """;

    private static Path publishFirstSnapshot(Path warehouseDir) throws Exception {
        return new TestSnapshot()
                .rows(FactTable.EPISODES,
                        "('Lancashire', 'c1', '2021-03-15', '2021-06-30', 'E13', 'S', 'C2', 'U5', 'PR4', 'foster_ifa', 2022, NULL)",
                        "('Lancashire', 'c2', '2021-06-30', '2021-09-30', NULL, 'S', 'C2', 'U4', 'PR1', 'foster_inhouse', 2022, 'closed_at_next')",
                        "('Lancashire', 'c2', '2021-09-30', '2022-01-15', 'E11', 'P', 'C2', 'K2', 'PR4', 'home_agency', 2022, NULL)",
                        "('Lancashire', 'c3', '2021-05-01', NULL, NULL, 'S', 'V3', 'U4', 'PR1', 'foster_inhouse', 2022, NULL)",
                        "('Lancashire', 'c4', '2022-03-31', NULL, NULL, 'S', 'C2', 'P1', 'PR0', 'with_parents', 2022, NULL)",
                        "('Lancashire', 'c5', '2021-12-10', '2022-03-31', 'E4A', 'S', 'C2', 'K1', 'PR1', 'secure', 2022, NULL)",
                        "('Lancashire', 'c6', '2021-08-01', '2021-08-20', 'X1', 'S', 'C2', 'H5', 'PR0', 'supported', 2022, NULL)",
                        "('Lancashire', 'c7', '2021-07-15', '2021-09-01', 'E8', 'S', 'C2', 'U6', 'PR1', 'foster_inhouse', 2022, NULL)",
                        "('Blackpool', 'b1', '2022-02-01', NULL, NULL, 'S', 'C2', 'U1', 'PR0', 'foster_kinship', 2022, NULL)",
                        "('Blackpool', 'b2', '2022-03-01', NULL, NULL, 'S', 'C2', 'U6', 'PR4', 'foster_ifa', 2022, NULL)")
                .rows(FactTable.CHILDREN,
                        "('Lancashire', 'c1', 'female', '2010-05-01')", "('Lancashire', 'c4', 'male', NULL)",
                        "('Blackpool', 'b1', 'unknown', '2021-01-01')")
                .rows(FactTable.LA_WINDOW, "('Lancashire', 2022, 2022)", "('Blackpool', 2022, 2022)")
                .rows(FactTable.POPULATION, "('LANCASHIRE', 2021, 3000)", "('LANCASHIRE', 2022, 9999)")
                .rows(FactTable.REJECTED_EPISODES, "('Lancashire', 'episodes.csv', 9, 'c9', 'bad_date')")
                .rows(FactTable.DATA_QUALITY, "('Lancashire', '903', 'closed_at_next', 1)")
                .publish(warehouseDir);
    }

    private static String body(Response response) throws Exception {
        return response.body().string();
    }

    private static void assertJson(String expected, Response response) throws Exception {
        assertEquals("application/json", response.header("Content-Type"));
        assertEquals(JSON.readTree(expected), JSON.readTree(body(response)));
    }

    /** The month-end CSV text block as the JSON rows the API should give. */
    private static String csvAsJsonRows(String csv) {
        return csv.lines().skip(1).map(line -> line.split(","))
                .map(cells -> "{\"month_end\":\"%s\",\"category\":\"%s\",\"children\":%s}".formatted((Object[]) cells))
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static void assertSecurityHeaders(Response response) {
        assertEquals("default-src 'self'; frame-ancestors 'none'", response.header("Content-Security-Policy"));
        assertEquals("nosniff", response.header("X-Content-Type-Options"));
        assertEquals("no-referrer", response.header("Referrer-Policy"));
    }

    @Test
    void listsTheLasAlphabetically(@TempDir Path dir) throws Exception {
        publishFirstSnapshot(dir);
        JavalinTest.test(DashboardServer.create(dir), (server, client) ->
                assertJson("{\"las\":[\"Blackpool\",\"Lancashire\"]}", client.get("/api/las")));
    }

    @Test
    void monthEndAggregatesFollowTheCountingRules(@TempDir Path dir) throws Exception {
        publishFirstSnapshot(dir);
        JavalinTest.test(DashboardServer.create(dir), (server, client) -> {
            assertJson("{\"la\":\"Lancashire\",\"rows\":" + csvAsJsonRows(LANCASHIRE_CSV) + "}",
                    client.get("/api/cla-month-end?la=Lancashire"));
            assertJson("""
                    {"la":"Blackpool","rows":[
                      {"month_end":"2022-02-28","category":"foster_kinship","children":1},
                      {"month_end":"2022-03-31","category":"foster_ifa","children":1},
                      {"month_end":"2022-03-31","category":"foster_kinship","children":1}]}""",
                    client.get("/api/cla-month-end?la=Blackpool"));
        });
    }

    @Test
    void monthEndApiNeverHandsOutChildLevelFields(@TempDir Path dir) throws Exception {
        publishFirstSnapshot(dir);
        JavalinTest.test(DashboardServer.create(dir), (server, client) -> {
            for (JsonNode row : JSON.readTree(body(client.get("/api/cla-month-end?la=Lancashire"))).get("rows")) {
                List<String> fields = new ArrayList<>();
                row.fieldNames().forEachRemaining(fields::add);
                assertEquals(List.of("month_end", "category", "children"), fields);
            }
        });
    }

    @Test
    void yearFiguresComeFromClaYear(@TempDir Path dir) throws Exception {
        publishFirstSnapshot(dir);
        JavalinTest.test(DashboardServer.create(dir), (server, client) -> {
            assertJson("""
                    {"la":"Lancashire","rows":[{"la":"Lancashire","year":2022,"looked_after_31_march":1,"started":5,
                      "ceased":4,"population_0_17":3000,"rate_per_10000":3.3}]}""",
                    client.get("/api/cla-year?la=Lancashire"));
            assertJson("""
                    {"la":"Blackpool","rows":[{"la":"Blackpool","year":2022,"looked_after_31_march":2,"started":2,
                      "ceased":0,"population_0_17":null,"rate_per_10000":null}]}""",
                    client.get("/api/cla-year?la=Blackpool"));
        });
    }

    @Test
    void csvHasTheSameAggregatesWithAHeader(@TempDir Path dir) throws Exception {
        publishFirstSnapshot(dir);
        JavalinTest.test(DashboardServer.create(dir), (server, client) -> {
            Response response = client.get("/api/cla-month-end.csv?la=Lancashire");
            assertEquals(200, response.code());
            assertEquals("text/csv; charset=utf-8", response.header("Content-Type"));
            assertEquals("attachment; filename=\"cla-month-end-lancashire.csv\"", response.header("Content-Disposition"));
            assertEquals(LANCASHIRE_CSV, body(response));
        });
    }

    @Test
    void unknownLaIsA404WithAJsonError(@TempDir Path dir) throws Exception {
        publishFirstSnapshot(dir);
        JavalinTest.test(DashboardServer.create(dir), (server, client) -> {
            for (String path : new String[] {"/api/cla-month-end?la=Nowhere", "/api/cla-year?la=Nowhere",
                    "/api/cla-month-end.csv?la=Nowhere"}) {
                Response response = client.get(path);
                assertEquals(404, response.code(), path);
                assertEquals("The warehouse holds no figures for the local authority 'Nowhere'. "
                        + "It holds: Blackpool, Lancashire.", JSON.readTree(body(response)).get("error").asText(), path);
                assertSecurityHeaders(response);
            }
            Response page = client.get("/?la=%3Cb%3ENowhere");
            assertEquals(404, page.code());
            String html = body(page);
            assertTrue(html.contains("local authority &#39;&lt;b&gt;Nowhere&#39;"), html);
            assertFalse(html.contains("<b>Nowhere"));
        });
    }

    @Test
    void noPublishedSnapshotIsA503SayingSo(@TempDir Path dir) {
        JavalinTest.test(DashboardServer.create(dir), (server, client) -> {
            Response api = client.get("/api/cla-month-end?la=Lancashire");
            assertEquals(503, api.code());
            assertTrue(JSON.readTree(body(api)).get("error").asText().contains("no published snapshot"));
            assertSecurityHeaders(api);

            Response page = client.get("/");
            assertEquals(503, page.code());
            String html = body(page);
            assertTrue(html.contains("<h1>No figures yet</h1>"), html);
            assertTrue(html.contains("the warehouse has no published snapshot"), html);
        });
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders(@TempDir Path dir) throws Exception {
        publishFirstSnapshot(dir);
        JavalinTest.test(DashboardServer.create(dir), (server, client) -> {
            for (String path : new String[] {"/", "/api/las", "/app.js", "/app.css", DashboardPage.ECHARTS_SCRIPT,
                    "/no-such-page"}) {
                assertSecurityHeaders(client.get(path));
            }
        });
    }

    @Test
    void echartsAndThePageScriptAreServedLocally(@TempDir Path dir) throws Exception {
        publishFirstSnapshot(dir);
        JavalinTest.test(DashboardServer.create(dir), (server, client) -> {
            // The webjar keeps echarts.min.js at its root: there is no dist/ folder in org.webjars:echarts:5.5.0.
            assertEquals("/webjars/echarts/5.5.0/echarts.min.js", DashboardPage.ECHARTS_SCRIPT);
            Response echarts = client.get("/webjars/echarts/5.5.0/echarts.min.js");
            assertEquals(200, echarts.code());
            assertTrue(body(echarts).contains("echarts"));

            Response script = client.get("/app.js");
            assertEquals(200, script.code());
            assertTrue(script.header("Content-Type").startsWith("text/javascript")
                    || script.header("Content-Type").startsWith("application/javascript"), script.header("Content-Type"));
            assertTrue(body(script).contains("echarts.init"));
        });
    }

    @Test
    void pageHasTheChartTheYearTableAndTheDownload(@TempDir Path dir) throws Exception {
        Path snapshot = publishFirstSnapshot(dir);
        JavalinTest.test(DashboardServer.create(dir), (server, client) -> {
            Response response = client.get("/?la=Lancashire");
            assertEquals(200, response.code());
            assertTrue(response.header("Content-Type").startsWith("text/html"));
            String html = body(response);
            assertTrue(html.contains("<html lang=\"en\">"));
            assertTrue(html.contains("<title>Children looked after at each month end, from 30 April 2021 to "
                    + "31 March 2022: Lancashire</title>"), html);
            assertTrue(html.contains("<h1>Children looked after at each month end</h1>"));
            assertTrue(html.contains("<strong>Lancashire</strong>: the number of children looked after at the end of "
                    + "each month from 30 April 2021 to 31 March 2022, by placement category."), html);
            assertTrue(html.contains("<div id=\"chart\""));
            assertTrue(html.contains("data-src=\"/api/cla-month-end?la=Lancashire\""));
            assertTrue(html.contains("data-from=\"2021-04-30\" data-to=\"2022-03-31\""));
            assertTrue(html.contains("<script src=\"/webjars/echarts/5.5.0/echarts.min.js\" defer></script>"));
            assertTrue(html.contains("<script src=\"/app.js\" defer></script>"));
            assertFalse(html.contains("<script>"), "no inline script: the CSP forbids it");
            assertFalse(html.contains("style="), "no inline style: the CSP forbids it");
            assertTrue(html.contains("<a href=\"/api/cla-month-end.csv?la=Lancashire\" download>"));
            // The selector, because the warehouse holds two LAs, with this one chosen.
            assertTrue(html.contains("<option value=\"Lancashire\" selected>Lancashire</option>"));
            assertTrue(html.contains("<option value=\"Blackpool\">Blackpool</option>"));
            // The table: categories in §8 order, then the 31 March 2022 row worked out above.
            assertTrue(html.contains("<table>"));
            assertTrue(html.contains("<caption>Lancashire: children looked after at 31 March"));
            assertTrue(html.contains("<tr><th scope=\"col\">Fostering: in-house</th><th scope=\"col\">Fostering: "
                    + "independent agency</th><th scope=\"col\">Children&#39;s home: private or voluntary</th>"
                    + "<th scope=\"col\">Secure children&#39;s home</th><th scope=\"col\">Placed with parents</th></tr>"),
                    html);
            assertTrue(html.contains("<tr><th scope=\"row\">31 March 2022</th><td>1</td><td>5</td><td>4</td>"
                    + "<td>3.3</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>"), html);
            assertTrue(html.contains("Warehouse snapshot " + snapshot.getFileName() + "."));
        });
    }

    @Test
    void pageDefaultsToTheFirstLaAndLeavesAMissingRateBlank(@TempDir Path dir) throws Exception {
        publishFirstSnapshot(dir);
        JavalinTest.test(DashboardServer.create(dir), (server, client) -> {
            String html = body(client.get("/"));
            assertTrue(html.contains("<option value=\"Blackpool\" selected>Blackpool</option>"));
            assertTrue(html.contains("<tr><th scope=\"row\">31 March 2022</th><td>2</td><td>2</td><td>0</td>"
                    + "<td></td><td>1</td><td>1</td></tr>"), html);
        });
    }

    @Test
    void aNewlyPublishedSnapshotIsServedOnTheNextRequest(@TempDir Path dir) throws Exception {
        publishFirstSnapshot(dir);
        JavalinTest.test(DashboardServer.create(dir), (server, client) -> {
            assertJson("{\"las\":[\"Blackpool\",\"Lancashire\"]}", client.get("/api/las"));
            assertEquals(200, client.get("/api/cla-year?la=Blackpool").code());

            // The next run: Lancashire only, one open foster placement from 1 April 2022, window 2023.
            new TestSnapshot()
                    .rows(FactTable.EPISODES,
                            "('Lancashire', 'c9', '2022-04-01', NULL, NULL, 'S', 'C2', 'U4', 'PR1', 'foster_inhouse', 2023, NULL)")
                    .rows(FactTable.LA_WINDOW, "('Lancashire', 2023, 2023)")
                    .publish(dir);

            assertJson("{\"las\":[\"Lancashire\"]}", client.get("/api/las"));
            assertJson("""
                    {"la":"Lancashire","rows":[{"la":"Lancashire","year":2023,"looked_after_31_march":1,"started":1,
                      "ceased":0,"population_0_17":null,"rate_per_10000":null}]}""",
                    client.get("/api/cla-year?la=Lancashire"));
            assertEquals(404, client.get("/api/cla-year?la=Blackpool").code());
            String html = body(client.get("/"));
            assertFalse(html.contains("<select"), "one LA: no selector");
        });
    }
}
