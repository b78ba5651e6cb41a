package uk.sufficiency.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.sufficiency.dashboard.DashboardServerTest.assertJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import uk.sufficiency.warehouse.figures.Figure;
import uk.sufficiency.warehouse.figures.FigureCatalogue;
import uk.sufficiency.warehouse.figures.FigureColumn;

/**
 * Every figure endpoint against the hand-worked snapshot of {@link TestSnapshot#lancashireAndBlackpool()}.
 * Lancashire's month ends (30 April 2021 to 31 March 2022, population 3,000 for every one of them):
 * c1 (female, born 1 May 2010) in IFA fostering on 30 Apr and 31 May; c2 (no header row) in-house
 * fostering 30 Jun-31 Aug, then an agency home 30 Sep-31 Dec; c7 (no header) in-house fostering 31 Jul
 * and 31 Aug; c5 (no header) secure 31 Dec-28 Feb; c4 (male, no DOB) with parents on 31 Mar; all C2.
 */
class FigureEndpointsTest extends TwoLaServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String rows(String json) {
        return "{\"rows\":" + json + "}";
    }

    @Test
    void breakdownsByLegalStatusSexAndAge() {
        as(TestUsers.LANCASHIRE, browser -> {
            assertJson(rows("""
                    [{"month_end":"2021-04-30","legal_status":"C2","children":1},
                     {"month_end":"2021-05-31","legal_status":"C2","children":1},
                     {"month_end":"2021-06-30","legal_status":"C2","children":1},
                     {"month_end":"2021-07-31","legal_status":"C2","children":2},
                     {"month_end":"2021-08-31","legal_status":"C2","children":2},
                     {"month_end":"2021-09-30","legal_status":"C2","children":1},
                     {"month_end":"2021-10-31","legal_status":"C2","children":1},
                     {"month_end":"2021-11-30","legal_status":"C2","children":1},
                     {"month_end":"2021-12-31","legal_status":"C2","children":2},
                     {"month_end":"2022-01-31","legal_status":"C2","children":1},
                     {"month_end":"2022-02-28","legal_status":"C2","children":1},
                     {"month_end":"2022-03-31","legal_status":"C2","children":1}]"""),
                    browser.get("/api/cla-legal-status?la=Lancashire"));
            // c1 is female; c4 male; children with no header row have sex unknown.
            assertJson(rows("""
                    [{"month_end":"2021-04-30","sex":"female","children":1},
                     {"month_end":"2021-05-31","sex":"female","children":1},
                     {"month_end":"2021-06-30","sex":"unknown","children":1},
                     {"month_end":"2021-07-31","sex":"unknown","children":2}]"""),
                    browser.get("/api/cla-sex?la=Lancashire&to=2021-07-31"));
            assertJson(rows("""
                    [{"month_end":"2022-03-31","sex":"male","children":1}]"""),
                    browser.get("/api/cla-sex?la=Lancashire&from=2022-03-01"));
            // c1 is 10 on 30 April 2021 and 11 on 31 May (born 1 May 2010): both 10 to 15; no DOB is Unknown.
            assertJson(rows("""
                    [{"month_end":"2021-04-30","age_band":"10 to 15","children":1},
                     {"month_end":"2021-05-31","age_band":"10 to 15","children":1},
                     {"month_end":"2021-06-30","age_band":"Unknown","children":1}]"""),
                    browser.get("/api/cla-age-band?la=Lancashire&to=2021-06-30"));
        });
    }

    @Test
    void rateAtEachMonthEndUsesThePopulationOfTheCalendarYearBeforeTheCollectionYear() {
        as(TestUsers.LANCASHIRE, browser -> assertJson(rows("""
                [{"month_end":"2021-06-30","children":1,"population_0_17":3000,"rate_per_10000":3.3},
                 {"month_end":"2021-07-31","children":2,"population_0_17":3000,"rate_per_10000":6.7}]"""),
                browser.get("/api/cla-rate-month-end?la=Lancashire&from=2021-06-01&to=2021-07-31")));
    }

    @Test
    void reasonsForCeasingGroupTheLastEpisodesRec() {
        // Ceased in 2022: c1 E13 (other), c2 E11 (adopted), c5 E4A (returned home), c7 E8 (other): 4 children.
        as(TestUsers.LANCASHIRE, browser -> assertJson(rows("""
                [{"year":2022,"reason_group":"adopted","children":1,"share":25.0},
                 {"year":2022,"reason_group":"other","children":2,"share":50.0},
                 {"year":2022,"reason_group":"returned_home","children":1,"share":25.0}]"""),
                browser.get("/api/cla-ceased-reason?la=Lancashire")));
    }

    @Test
    void section20HasNoRowsWithoutV2Children() {
        as(TestUsers.LANCASHIRE, browser -> {
            assertJson(rows("[]"), browser.get("/api/section20-age-band?la=Lancashire"));
            assertJson(rows("[]"), browser.get("/api/section20-category?la=Lancashire"));
        });
    }

    @Test
    void kpiSharesAtEachMonthEnd() {
        // No targets in this snapshot, so no trajectory and no RAG.
        as(TestUsers.LANCASHIRE, browser -> {
            JsonNode homes = JSON.readTree(browser.get("/api/kpi-childrens-homes-share?la=Lancashire"
                    + "&from=2021-11-30&to=2022-01-31").body()).get("rows");
            assertEquals(3, homes.size(), homes.toString());
            // 30 Nov: c2 in an agency home, 1 of 1; 31 Dec: c2 and c5 (secure is not a children's home), 1 of 2.
            assertEquals(JSON.readTree("[100.0, 50.0, 0.0]"), values(homes, "value"));
            assertEquals(JSON.readTree("[1, 1, 0]"), values(homes, "children"));
            assertEquals(JSON.readTree("[1, 2, 1]"), values(homes, "looked_after"));
            assertTrue(homes.get(0).get("rag").isNull());
            JsonNode fostering = JSON.readTree(browser.get("/api/kpi-fostering-share?la=Lancashire&to=2021-09-30")
                    .body()).get("rows");
            assertEquals(JSON.readTree("[100.0, 100.0, 100.0, 100.0, 100.0, 0.0]"), values(fostering, "value"));
            JsonNode parents = JSON.readTree(browser.get("/api/kpi-with-parents-share?la=Lancashire&from=2022-02-01")
                    .body()).get("rows");
            assertEquals(JSON.readTree("[0.0, 100.0]"), values(parents, "value"));
            JsonNode status = JSON.readTree(browser.get("/api/kpi-status?la=Lancashire").body()).get("rows");
            assertEquals(JSON.readTree("[\"with_parents_share\", \"fostering_share\", \"step_down_started\", "
                    + "\"childrens_homes_share\", \"block_supported_high_priority_share\"]"), values(status, "kpi"));
            assertEquals(JSON.readTree("[true, true, false, true, false]"), values(status, "loaded"));
        });
    }

    @Test
    void aBlackpoolUserSeesLancashiresKpiSharesFromSmallCountsAsC() {
        as(TestUsers.BLACKPOOL, browser -> {
            JsonNode row = JSON.readTree(browser.get("/api/kpi-childrens-homes-share?la=Lancashire&from=2021-12-31"
                    + "&to=2021-12-31").body()).get("rows").get(0);
            assertEquals("[c]", row.get("children").asText());
            assertEquals("[c]", row.get("looked_after").asText());
            assertEquals("[c]", row.get("value").asText());
        });
    }

    @Test
    void benchmarksCarryTheWarehousesOwnRatesWithoutPublishedFigures() {
        // No DfE files in this snapshot: the LA's own rates only (3.3 at 31 March; started 5 and ceased 4 per 3,000).
        as(TestUsers.LANCASHIRE, browser -> {
            JsonNode stock = JSON.readTree(browser.get("/api/benchmark-looked-after-31-march?la=Lancashire").body())
                    .get("rows").get(0);
            assertEquals(2022, stock.get("year").asInt());
            assertEquals(1, stock.get("children").asInt());
            assertEquals(3.3, stock.get("la_rate").asDouble());
            assertTrue(stock.get("england_rate").isNull());
            JsonNode started = JSON.readTree(browser.get("/api/benchmark-started?la=Lancashire").body()).get("rows").get(0);
            assertEquals(16.7, started.get("la_rate").asDouble());
            JsonNode ceased = JSON.readTree(browser.get("/api/benchmark-ceased?la=Lancashire").body()).get("rows").get(0);
            assertEquals(13.3, ceased.get("la_rate").asDouble());
        });
        as(TestUsers.BLACKPOOL, browser -> {
            JsonNode stock = JSON.readTree(browser.get("/api/benchmark-looked-after-31-march?la=Lancashire").body())
                    .get("rows").get(0);
            assertEquals("[c]", stock.get("children").asText());
            assertEquals("[c]", stock.get("la_rate").asText());
        });
    }

    @Test
    void fosteringAtQuarterEnds() {
        // 30 June 2021: c2 in in-house fostering, no DOB, so in Unknown and All; c1 left IFA fostering that day.
        as(TestUsers.LANCASHIRE, browser -> assertJson(rows("""
                [{"quarter_end":"2021-06-30","age_group":"0-5","inhouse":0,"ifa":0,
                  "ifa_share":null,"other_non_connected":0,"kinship":0},
                 {"quarter_end":"2021-06-30","age_group":"6-10","inhouse":0,"ifa":0,
                  "ifa_share":null,"other_non_connected":0,"kinship":0},
                 {"quarter_end":"2021-06-30","age_group":"11+","inhouse":0,"ifa":0,
                  "ifa_share":null,"other_non_connected":0,"kinship":0},
                 {"quarter_end":"2021-06-30","age_group":"Unknown","inhouse":1,"ifa":0,
                  "ifa_share":0.0,"other_non_connected":0,"kinship":0},
                 {"quarter_end":"2021-06-30","age_group":"All","inhouse":1,"ifa":0,
                  "ifa_share":0.0,"other_non_connected":0,"kinship":0}]"""),
                browser.get("/api/fostering-quarter?la=Lancashire&to=2021-06-30")));
    }

    @Test
    void rejectsAndWarningsOfTheRun() {
        as(TestUsers.LANCASHIRE, browser -> {
            // Each code with what it means and what to do, as the run summary gives them.
            assertJson(rows("""
                    [{"source":"903","reason":"bad_date","rows":1,
                      "meaning":"a date is not a real date in dd/mm/yyyy (or yyyy-mm-dd) form, e.g. 31/02/2021",
                      "what_to_do":"correct the date in the source system and export again"}]"""),
                    browser.get("/api/rejects-by-reason?la=Lancashire"));
            assertJson(rows("""
                    [{"source":"903","warning":"closed_at_next","rows":1,
                      "meaning":"an open or overlapping episode was closed the day the child's next episode starts (repair)",
                      "what_to_do":"nothing, unless the chain is wrong in the source system"}]"""),
                    browser.get("/api/warnings-by-type?la=Lancashire"));
        });
    }

    @Test
    void theXlsxDownloadHoldsTheSameRowsUnderItsTitle() {
        as(TestUsers.LANCASHIRE, browser -> {
            Sheet sheet = sheet(download(browser, "/api/cla-year.xlsx?la=Lancashire"));
            assertEquals("Children looked after at 31 March, started and ceased in the year: Lancashire, year to 31 March 2022",
                    sheet.getRow(0).getCell(0).getStringCellValue());
            // Year 2022: 1 looked after, started 5, ceased 4, 1 move, population 3,000, rate 3.3.
            DataFormatter shown = new DataFormatter(java.util.Locale.UK);
            List<String> cells = new ArrayList<>();
            sheet.getRow(2).forEach(cell -> cells.add(shown.formatCellValue(cell)));
            assertEquals(List.of("2022", "1", "5", "4", "1", "3,000", "3.3"), cells);
            assertEquals(3.3, sheet.getRow(2).getCell(6).getNumericCellValue());
        });
        as(TestUsers.BLACKPOOL, browser -> {
            Row row = sheet(download(browser, "/api/cla-year.xlsx?la=Lancashire")).getRow(2);
            assertEquals("[c]", row.getCell(1).getStringCellValue());
            assertEquals(5.0, row.getCell(2).getNumericCellValue());
        });
    }

    @Test
    void aBadDateIsRefusedNamingIt() {
        as(TestUsers.LANCASHIRE, browser -> {
            Browser.Reply reply = browser.get("/api/cla-month-end?la=Lancashire&from=31/03/2022");
            assertEquals(400, reply.code());
            assertEquals("{\"error\":\"from must be a date such as 2022-03-31, not '31/03/2022'.\"}", reply.body());
            assertEquals(400, browser.get("/children?from=2022-03-31&to=2021-04-30").code());
        });
    }

    /** Blackpool's small cells are its 1s (kinship 28 February and 31 March, IFA 31 March). */
    @Test
    void noFigureEndpointShowsAnotherLasSmallCounts() {
        as(TestUsers.LANCASHIRE, browser -> assertTrue(assertNoSmallCounts(browser, "Blackpool") > 10,
                "Blackpool's 1s are suppressed somewhere"));
    }

    /**
     * Scoping by every URL: every catalogue figure of the LA (JSON and CSV) shows the reader no count
     * of 1 to 4. Returns how many values came back as [c], so a caller can check some were small.
     */
    static int assertNoSmallCounts(Browser browser, String la) throws Exception {
        int suppressed = 0;
        for (Figure figure : FigureCatalogue.all()) {
            JsonNode body = JSON.readTree(browser.get("/api/" + figure.id() + "?la=" + la).body());
            for (JsonNode row : body.get("rows")) {
                for (FigureColumn column : figure.columns()) {
                    JsonNode value = row.get(column.name());
                    if (column.role() == FigureColumn.Role.COUNT && value.isNumber()) {
                        assertTrue(value.asLong() == 0 || value.asLong() >= 5, figure.id() + " " + row);
                    }
                    suppressed += "[c]".equals(value.asText()) ? 1 : 0;
                }
            }
            String csv = browser.get("/api/" + figure.id() + ".csv?la=" + la).body();
            for (String line : csv.lines().skip(1).toList()) {
                List<String> cells = List.of(line.split(",", -1));
                for (int i = 0; i < figure.columns().size(); i++) {
                    if (figure.columns().get(i).role() == FigureColumn.Role.COUNT && cells.get(i).matches("[1-4]")) {
                        throw new AssertionError(figure.id() + " CSV shows a small count: " + line);
                    }
                }
            }
        }
        return suppressed;
    }

    private static JsonNode values(JsonNode rows, String column) {
        List<JsonNode> out = new ArrayList<>();
        rows.forEach(row -> out.add(row.get(column)));
        return JSON.valueToTree(out);
    }

    private static byte[] download(Browser browser, String path) throws Exception {
        Request request = new Request.Builder().url(browser.origin() + path)
                .header("Cookie", "sw_session=" + browser.cookie("sw_session")).build();
        try (Response response = new OkHttpClient().newCall(request).execute()) {
            assertEquals(200, response.code());
            assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    response.header("Content-Type"));
            return response.body().bytes();
        }
    }

    private static Sheet sheet(byte[] workbook) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            return book.getSheetAt(0);
        }
    }
}
