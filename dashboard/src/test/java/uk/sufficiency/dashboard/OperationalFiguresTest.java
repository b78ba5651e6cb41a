package uk.sufficiency.dashboard;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.sufficiency.dashboard.DashboardServerTest.assertJson;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.sufficiency.warehouse.FactTable;

/**
 * The costs, hard-to-find and capacity figures against hand-worked facts added to
 * {@link TestSnapshot#lancashireAndBlackpool()} (Lancashire's window: April 2021 to March 2022).
 *
 * <p>Cost segments: c1 IFA fostering at £700 a week, 1 April to 29 June 2021 (90 days: £9,000.00);
 * c2 in-house fostering at £300, 30 June to 29 September (92 days: £3,942.86); c2 an agency home at
 * £4,000, 30 September 2021 to 14 January 2022 (107 days: £61,142.86).
 *
 * <p>Requests, all in 2021/22: r1 task-centred fostering with 3 searches (hard to find), received
 * 10 April; r2 permanent fostering with a ring-round (hard), 20 June; r3 respite fostering with 1
 * search, 1 July; r4 a children's home with 2 searches, 25 September, placed in K2; r5 a step-down
 * into fostering, 1 November, placed on 20 November (strategy KPI 3: 1 in 2021/22).
 *
 * <p>Capacity: Lancashire's block supported beds on 31 December 2021: 378, 322 occupied, 187 high,
 * 91 medium and 44 low priority: 187 / 322 = 58.07 → 58.1% high priority.
 */
class OperationalFiguresTest {
    @TempDir
    Path dir;

    private static String request(String id, String child, String received, String quarter, String type, String group,
                                  int searches, boolean ringRound, boolean hard, String outcome, String placed) {
        return ("('Lancashire', '%s', '%s', DATE '%s', 2022, '%s', '%s', '%s', NULL, 'Unknown', 'planned', 0, false, %d, "
                + "%s, 1, %s, false, false, false, false, false, false, false, false, false, false, false, false, false, "
                + "'%s', NULL, NULL, %s, NULL, NULL, false, NULL)").formatted(id, child, received, quarter, type, group,
                searches, ringRound, hard, outcome, placed == null ? "NULL" : "'" + placed + "'");
    }

    @BeforeEach
    void warehouse() throws Exception {
        TestSnapshot.lancashireAndBlackpool()
                .rows(FactTable.PLACEMENT_COST_SEGMENTS,
                        "('Lancashire', 'c1', 'L1', 'P1', NULL, 'framework', 700.0, DATE '2021-03-15', DATE '2021-06-29', "
                                + "NULL, DATE '2021-04-01', DATE '2021-06-29', 'foster_ifa', 'U5', 'PR4')",
                        "('Lancashire', 'c2', 'L2', 'P2', NULL, 'in_house', 300.0, DATE '2021-06-30', DATE '2021-09-29', "
                                + "NULL, DATE '2021-06-30', DATE '2021-09-29', 'foster_inhouse', 'U4', 'PR1')",
                        "('Lancashire', 'c2', 'L3', 'P3', NULL, 'spot', 4000.0, DATE '2021-09-30', DATE '2022-01-14', "
                                + "NULL, DATE '2021-09-30', DATE '2022-01-14', 'home_agency', 'K2', 'PR4')")
                .rows(FactTable.PLACEMENT_REQUESTS,
                        request("r1", "c1", "2021-04-10", "Q1", "task_centred_foster", "fostering", 3, false, true, "open",
                                null),
                        request("r2", "c2", "2021-06-20", "Q1", "permanent_foster", "fostering", 1, true, true, "open", null),
                        request("r3", "c7", "2021-07-01", "Q2", "respite_foster", "fostering", 1, false, false, "withdrawn",
                                null),
                        request("r4", "c2", "2021-09-25", "Q2", "childrens_home", "childrens_home", 2, false, false,
                                "placed", "K2"),
                        request("r5", "c5", "2021-11-01", "Q3", "step_down_foster", "fostering", 1, false, false,
                                "placed", "U4").replace("'placed', NULL", "'placed', DATE '2021-11-20'"))
                .rows(FactTable.CAPACITY, "('Lancashire', DATE '2021-12-31', 'block_supported_beds', 378, 322, 187, 91, 44)",
                        "('Blackpool', DATE '2022-03-31', 'block_supported_beds', 20, 3, 2, 1, 0)")
                // Blackpool's own small figures: one IFA placement costed, one request.
                .rows(FactTable.PLACEMENT_COST_SEGMENTS,
                        "('Blackpool', 'b2', 'B1', 'P9', NULL, 'framework', 800.0, DATE '2022-03-01', NULL, NULL, "
                                + "DATE '2022-03-01', DATE '2022-03-31', 'foster_ifa', 'U6', 'PR4')")
                .rows(FactTable.PLACEMENT_REQUESTS, request("q1", "b1", "2022-01-20", "Q4", "task_centred_foster",
                        "fostering", 4, false, true, "placed", "U1").replace("'Lancashire'", "'Blackpool'"))
                .publish(dir);
        TestUsers.write(dir);
    }

    private static String rows(String json) {
        return "{\"rows\":" + json + "}";
    }

    @Test
    void costsAtMonthEndsAndSpendByFinancialYear() {
        TestUsers.as(dir, TestUsers.LANCASHIRE, browser -> {
            assertJson(rows("""
                    [{"month_end":"2021-04-30","category":"foster_ifa","placements":1,"annualised_cost":36400.0,
                      "avg_weekly_cost":700.0}]"""), browser.get("/api/cost-by-category?la=Lancashire&to=2021-04-30"));
            assertJson(rows("""
                    [{"month_end":"2021-10-31","category":"home_agency","placements":1,"annualised_cost":208000.0,
                      "avg_weekly_cost":4000.0}]"""),
                    browser.get("/api/cost-by-category?la=Lancashire&from=2021-10-31&to=2021-10-31"));
            assertJson(rows("""
                    [{"year":2022,"category":"foster_ifa","children":1,"spend":9000.0},
                     {"year":2022,"category":"foster_inhouse","children":1,"spend":3942.86},
                     {"year":2022,"category":"home_agency","children":1,"spend":61142.86}]"""),
                    browser.get("/api/spend-year?la=Lancashire"));
        });
        // Another LA's reader: one placement, so its count and its money are suppressed.
        TestUsers.as(dir, TestUsers.BLACKPOOL, browser -> assertJson(rows("""
                [{"month_end":"2021-04-30","category":"foster_ifa","placements":"[c]","annualised_cost":"[c]",
                  "avg_weekly_cost":"[c]"}]"""), browser.get("/api/cost-by-category?la=Lancashire&to=2021-04-30")));
    }

    @Test
    void requestsAndTheShareHardToFind() {
        TestUsers.as(dir, TestUsers.LANCASHIRE, browser -> {
            assertJson(rows("""
                    [{"year":2022,"request_type":"childrens_home","requests":1,"hard_to_find":0,"hard_to_find_share":0.0},
                     {"year":2022,"request_type":"permanent_foster","requests":1,"hard_to_find":1,"hard_to_find_share":100.0},
                     {"year":2022,"request_type":"respite_foster","requests":1,"hard_to_find":0,"hard_to_find_share":0.0},
                     {"year":2022,"request_type":"step_down_foster","requests":1,"hard_to_find":0,"hard_to_find_share":0.0},
                     {"year":2022,"request_type":"task_centred_foster","requests":1,"hard_to_find":1,
                      "hard_to_find_share":100.0}]"""), browser.get("/api/requests-by-type?la=Lancashire"));
            assertJson(rows("""
                    [{"quarter_end":"2021-06-30","request_group":"fostering","requests":2,"hard_to_find":2,
                      "hard_to_find_share":100.0},
                     {"quarter_end":"2021-09-30","request_group":"childrens_home","requests":1,"hard_to_find":0,
                      "hard_to_find_share":0.0},
                     {"quarter_end":"2021-09-30","request_group":"fostering","requests":1,"hard_to_find":0,
                      "hard_to_find_share":0.0},
                     {"quarter_end":"2021-12-31","request_group":"fostering","requests":1,"hard_to_find":0,
                      "hard_to_find_share":0.0}]"""), browser.get("/api/requests-quarter?la=Lancashire"));
            // Hard-to-find foster searches: r1 and r2; neither 11+ (no DOB), in a sibling group, same day or in a home.
            assertJson(rows("""
                    [{"year":2022,"hard_to_find":2,"aged_11_plus":0,"aged_11_plus_share":0.0,"sibling_group":0,
                      "sibling_group_share":0.0,"same_day":0,"same_day_share":0.0,"ended_in_home":0,
                      "ended_in_home_share":0.0}]"""), browser.get("/api/hard-to-find-foster-profile?la=Lancashire"));
        });
        TestUsers.as(dir, TestUsers.BLACKPOOL, browser -> assertJson(rows("""
                [{"quarter_end":"2021-06-30","request_group":"fostering","requests":"[c]","hard_to_find":"[c]",
                  "hard_to_find_share":"[c]"},
                 {"quarter_end":"2021-09-30","request_group":"childrens_home","requests":"[c]","hard_to_find":0,
                  "hard_to_find_share":"[c]"},
                 {"quarter_end":"2021-09-30","request_group":"fostering","requests":"[c]","hard_to_find":0,
                  "hard_to_find_share":"[c]"},
                 {"quarter_end":"2021-12-31","request_group":"fostering","requests":"[c]","hard_to_find":0,
                  "hard_to_find_share":"[c]"}]"""), browser.get("/api/requests-quarter?la=Lancashire")));
    }

    @Test
    void blockSupportedBedsByPriorityAreLargeEnoughToShowAnywhere() {
        String expected = rows("""
                [{"date":"2021-12-31","occupied":322,"occupied_high":187,"occupied_medium":91,"occupied_low":44,
                  "high_share":58.1}]""");
        TestUsers.as(dir, TestUsers.LANCASHIRE, browser ->
                assertJson(expected, browser.get("/api/capacity-block-priority?la=Lancashire")));
        TestUsers.as(dir, TestUsers.BLACKPOOL, browser ->
                assertJson(expected, browser.get("/api/capacity-block-priority?la=Lancashire")));
    }

    @Test
    void noFigureShowsAnotherLasSmallCostsRequestsOrBeds() {
        TestUsers.as(dir, TestUsers.LANCASHIRE, browser ->
                assertTrue(FigureEndpointsTest.assertNoSmallCounts(browser, "Blackpool") > 20));
    }

    @Test
    void theNewPagesShowTheirChartsAndTheCostStory() {
        TestUsers.as(dir, TestUsers.LANCASHIRE, browser -> {
            String costs = browser.get("/costs?la=Lancashire").body();
            assertTrue(costs.contains("<p class=\"summary\">Agency fostering (IFA): annualised cost £36,400 → £36,400 as "
                    + "placements went 1 → 1; average weekly fee £700 → £700 (30 Apr 2021 to 31 May 2021).</p>"), costs);
            assertTrue(costs.contains("data-src=\"/api/spend-year?la=Lancashire\""), costs);
            assertTrue(browser.get("/hard-to-find?la=Lancashire").body()
                    .contains("data-src=\"/api/requests-by-type?la=Lancashire\""));
            String kpis = browser.get("/?la=Lancashire").body();
            assertTrue(kpis.contains("<p class=\"kpi-value\"><span class=\"big\">1</span> in the year to 31 March 2022</p>"),
                    kpis);
            assertTrue(kpis.contains("<p class=\"kpi-value\"><span class=\"big\">58.1%</span> at December 2021</p>"), kpis);
            assertTrue(browser.get("/capacity?la=Lancashire").body()
                    .contains("data-src=\"/api/capacity-block-priority?la=Lancashire\""));
        });
    }
}
