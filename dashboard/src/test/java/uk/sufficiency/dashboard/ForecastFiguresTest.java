package uk.sufficiency.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.sufficiency.dashboard.DashboardServerTest.assertJson;

import org.junit.jupiter.api.Test;

/**
 * The forecast figures against the forecast facts worked out in {@link TestSnapshot#lancashireAndBlackpool()}:
 * exact for the LA's own reader; for another LA's, the actual counts of 1 to 4 are [c], and so is
 * what is computed from them: a group's projections hide with the children it starts from
 * (Lancashire starts with 1 placed with parents, 0 in other placements, 1 in all).
 */
class ForecastFiguresTest extends TwoLaServerTest {
    /** Lancashire's history from 31 March 2022 and its base projection: groups in order, 'all' last. */
    static final String PROJECTION_CSV = """
            month_end,placement_group,actual,children_at_start,p05,p25,p50,p75,p95
            2022-03-31,with_parents,1,1,,,,,
            2022-03-31,other,0,0,,,,,
            2022-03-31,all,1,1,,,,,
            2022-04-30,with_parents,,1,0.0,1.0,1.0,1.0,2.0
            2022-04-30,all,,1,0.0,1.0,1.0,2.0,3.0
            2023-03-31,with_parents,,1,0.0,0.0,1.0,2.0,3.0
            2023-03-31,all,,1,0.0,1.0,2.0,3.0,6.0
            """;

    private static String rows(String json) {
        return "{\"rows\":" + json + "}";
    }

    @Test
    void theProjectionContinuesTheHistoryAndHidesOnlyAnotherLasSmallActuals() {
        as(TestUsers.LANCASHIRE, browser -> {
            assertEquals(PROJECTION_CSV, browser.get("/api/forecast-projection.csv?la=Lancashire&from=2022-03-31").body());
            assertJson(rows("""
                    [{"month_end":"2022-01-31","placement_group":"other","actual":1,"children_at_start":0,"p05":null,
                      "p25":null,"p50":null,"p75":null,"p95":null},
                     {"month_end":"2022-01-31","placement_group":"all","actual":1,"children_at_start":1,"p05":null,
                      "p25":null,"p50":null,"p75":null,"p95":null}]"""),
                    browser.get("/api/forecast-projection?la=Lancashire&to=2022-01-31"));
        });
        // From Blackpool: Lancashire's counts of 1 hide, and so do the projections that grow from them.
        as(TestUsers.BLACKPOOL, browser -> assertEquals("""
                month_end,placement_group,actual,children_at_start,p05,p25,p50,p75,p95
                2022-03-31,with_parents,[c],[c],,,,,
                2022-03-31,other,0,0,,,,,
                2022-03-31,all,[c],[c],,,,,
                2022-04-30,with_parents,,[c],[c],[c],[c],[c],[c]
                2022-04-30,all,,[c],[c],[c],[c],[c],[c]
                2023-03-31,with_parents,,[c],[c],[c],[c],[c],[c]
                2023-03-31,all,,[c],[c],[c],[c],[c],[c]
                """, browser.get("/api/forecast-projection.csv?la=Lancashire&from=2022-03-31").body()));
    }

    @Test
    void scenariosAreComparedWithTheBaseAtEach31March() {
        // the differences are of the expected paths: 1.0 - 1.2 and 1.8 - 2.4
        as(TestUsers.LANCASHIRE, browser -> assertJson(rows("""
                [{"scenario":"base","month_end":"2023-03-31","placement_group":"with_parents","p50":1.0,"p05":0.0,
                  "p95":3.0,"expected":1.2,"difference_expected":0.0,"children_at_start":1},
                 {"scenario":"base","month_end":"2023-03-31","placement_group":"all","p50":2.0,"p05":0.0,
                  "p95":6.0,"expected":2.4,"difference_expected":0.0,"children_at_start":1},
                 {"scenario":"Fewer entries","month_end":"2023-03-31","placement_group":"with_parents","p50":1.0,
                  "p05":0.0,"p95":2.0,"expected":1.0,"difference_expected":-0.2,"children_at_start":1},
                 {"scenario":"Fewer entries","month_end":"2023-03-31","placement_group":"all","p50":1.5,
                  "p05":0.0,"p95":5.0,"expected":1.8,"difference_expected":-0.6,"children_at_start":1}]"""),
                browser.get("/api/forecast-scenarios?la=Lancashire")));
        as(TestUsers.BLACKPOOL, browser -> assertEquals("""
                scenario,month_end,placement_group,p50,p05,p95,expected,difference_expected,children_at_start
                base,2023-03-31,with_parents,[c],[c],[c],[c],[c],[c]
                base,2023-03-31,all,[c],[c],[c],[c],[c],[c]
                Fewer entries,2023-03-31,with_parents,[c],[c],[c],[c],[c],[c]
                Fewer entries,2023-03-31,all,[c],[c],[c],[c],[c],[c]
                """, browser.get("/api/forecast-scenarios.csv?la=Lancashire").body()));
    }

    @Test
    void spendByYearAgainstTheBaseWithTheFeeHiddenWithTheChildrenItIsFor() {
        String csv = """
                scenario,year,placement_group,children_at_start,fee_children,weekly_fee,cost_p50,cost_p05,cost_p95,\
                cost_expected,difference_expected
                base,2023,with_parents,1,1,150.0,7800.0,0.0,15600.0,7500.0,0.0
                base,2023,all,1,1,,7800.0,0.0,23400.0,7500.0,0.0
                Fewer entries,2023,with_parents,1,1,150.0,3900.0,0.0,15600.0,4500.0,-3000.0
                Fewer entries,2023,all,1,1,,3900.0,0.0,15600.0,4500.0,-3000.0
                """;
        as(TestUsers.LANCASHIRE, browser -> assertEquals(csv, browser.get("/api/forecast-cost.csv?la=Lancashire").body()));
        // From Blackpool the fee of one child, and the spend that is that fee times the projection, hide.
        as(TestUsers.BLACKPOOL, browser -> assertEquals("""
                scenario,year,placement_group,children_at_start,fee_children,weekly_fee,cost_p50,cost_p05,cost_p95,\
                cost_expected,difference_expected
                base,2023,with_parents,[c],[c],[c],[c],[c],[c],[c],[c]
                base,2023,all,[c],[c],,[c],[c],[c],[c],[c]
                Fewer entries,2023,with_parents,[c],[c],[c],[c],[c],[c],[c],[c]
                Fewer entries,2023,all,[c],[c],,[c],[c],[c],[c],[c]
                """, browser.get("/api/forecast-cost.csv?la=Lancashire").body()));
    }

    @Test
    void theGapAgainstCapacityByQuarter() {
        as(TestUsers.BLACKPOOL, browser -> assertJson(rows("""
                [{"scenario":"base","quarter_end":"2022-03-31","placement_group":"foster_inhouse",
                  "provision":"inhouse_foster_places","demand_p50":0.0,"demand_p95":0.0,"others":0,"capacity":5,
                  "gap_p50":-5.0,"gap_p95":-5.0,"outside_p50":0.0,"outside_p95":0.0,"children_at_start":null,
                  "placed_at_start":0},
                 {"scenario":"Fewer entries","quarter_end":"2022-03-31","placement_group":"foster_inhouse",
                  "provision":"inhouse_foster_places","demand_p50":0.0,"demand_p95":0.0,"others":0,"capacity":5,
                  "gap_p50":-5.0,"gap_p95":-5.0,"outside_p50":0.0,"outside_p95":0.0,"children_at_start":null,
                  "placed_at_start":0},
                 {"scenario":"base","quarter_end":"2022-06-30","placement_group":"foster_inhouse",
                  "provision":"inhouse_foster_places","demand_p50":3.0,"demand_p95":6.0,"others":0,"capacity":5,
                  "gap_p50":-2.0,"gap_p95":1.0,"outside_p50":0.0,"outside_p95":0.0,"children_at_start":null,
                  "placed_at_start":0},
                 {"scenario":"Fewer entries","quarter_end":"2022-06-30","placement_group":"foster_inhouse",
                  "provision":"inhouse_foster_places","demand_p50":2.0,"demand_p95":5.0,"others":0,"capacity":11,
                  "gap_p50":-9.0,"gap_p95":-6.0,"outside_p50":0.0,"outside_p95":0.0,"children_at_start":null,
                  "placed_at_start":0}]"""), browser.get("/api/forecast-gap?la=Lancashire")));
    }

    @Test
    void theBacktestSaysHowAccurateTheForecastHasBeen() {
        String accuracy = """
                horizon_months,placement_group,origins,fewest_actual,mape,last_value_mape,trend_mape,inside_50,inside_90,best,\
                method,constant_mape,damped_trend_mape
                6,with_parents,1,1,0.0,100.0,100.0,100.0,100.0,model,damped_trend,0.0,0.0
                6,all,1,1,100.0,0.0,50.0,100.0,100.0,last_value,damped_trend,200.0,100.0
                """;
        String backtest = """
                origin,horizon_months,placement_group,actual,p05,p25,p50,p75,p95,abs_pct_error,last_value,\
                last_value_abs_pct_error,trend_value,trend_abs_pct_error,method,constant_value,constant_abs_pct_error,\
                damped_trend_value,damped_trend_abs_pct_error
                2021-09-30,6,with_parents,1,0.0,0.0,1.0,1.0,2.0,0.0,0.0,100.0,0.0,100.0,damped_trend,1.0,0.0,1.0,0.0
                2021-09-30,6,all,1,0.0,1.0,2.0,3.0,5.0,100.0,1.0,0.0,1.5,50.0,damped_trend,3.0,200.0,2.0,100.0
                """;
        as(TestUsers.LANCASHIRE, browser -> {
            assertEquals(accuracy, browser.get("/api/forecast-accuracy.csv?la=Lancashire").body());
            assertEquals(backtest, browser.get("/api/forecast-backtest.csv?la=Lancashire").body());
            // Blackpool's outcome was 7 children: its errors show to anyone.
            assertEquals("""
                    horizon_months,placement_group,origins,fewest_actual,mape,last_value_mape,trend_mape,inside_50,\
                    inside_90,best,method,constant_mape,damped_trend_mape
                    2,all,1,7,14.3,28.6,0.0,100.0,100.0,trend,constant,14.3,7.1
                    """, browser.get("/api/forecast-accuracy.csv?la=Blackpool").body());
        });
        // From Blackpool, Lancashire's outcomes of 1 child hide, and so do the errors that would give them back,
        // and the projections and trend from a starting stock of 1 (all placements); 0 with parents hides nothing.
        as(TestUsers.BLACKPOOL, browser -> {
            assertEquals("""
                    horizon_months,placement_group,origins,fewest_actual,mape,last_value_mape,trend_mape,inside_50,\
                    inside_90,best,method,constant_mape,damped_trend_mape
                    6,with_parents,1,[c],[c],[c],[c],[c],[c],[c],damped_trend,[c],[c]
                    6,all,1,[c],[c],[c],[c],[c],[c],[c],damped_trend,[c],[c]
                    """, browser.get("/api/forecast-accuracy.csv?la=Lancashire").body());
            assertEquals("""
                    origin,horizon_months,placement_group,actual,p05,p25,p50,p75,p95,abs_pct_error,last_value,\
                    last_value_abs_pct_error,trend_value,trend_abs_pct_error,method,constant_value,constant_abs_pct_error,\
                    damped_trend_value,damped_trend_abs_pct_error
                    2021-09-30,6,with_parents,[c],0.0,0.0,1.0,1.0,2.0,[c],0.0,[c],0.0,[c],damped_trend,1.0,[c],1.0,[c]
                    2021-09-30,6,all,[c],[c],[c],[c],[c],[c],[c],[c],[c],[c],[c],damped_trend,[c],[c],[c],[c]
                    """, browser.get("/api/forecast-backtest.csv?la=Lancashire").body());
        });
    }

    @Test
    void theFittedRatesAndHowEachProjectionWasMade() {
        as(TestUsers.LANCASHIRE, browser -> {
            assertEquals("""
                    reference_from,reference_to,from_age_band,from_group,to_age_band,to_group,children,exposure_days,\
                    rate_per_year
                    2021-04-01,2022-03-31,5 to 9,not_in_care,5 to 9,with_parents,1,365,1.0007
                    2021-04-01,2022-03-31,10 to 15,other,10 to 15,left_care,1,89,4.1039
                    """, browser.get("/api/forecast-rates.csv?la=Lancashire").body());
            assertEquals("""
                    scenario,start_date,reference_from,reference_to,end_date,runs,seed,fee_inflation_pct
                    base,2022-03-31,2021-04-01,2022-03-31,2026-03-31,500,20261201,3.0
                    Fewer entries,2022-03-31,2021-04-01,2022-03-31,2026-03-31,500,20261201,3.0
                    """, browser.get("/api/forecast-settings.csv?la=Lancashire").body());
        });
        as(TestUsers.BLACKPOOL, browser -> assertJson(rows("""
                [{"reference_from":"2021-04-01","reference_to":"2022-03-31","from_age_band":"5 to 9",
                  "from_group":"not_in_care","to_age_band":"5 to 9","to_group":"with_parents","children":"[c]",
                  "exposure_days":"[c]","rate_per_year":"[c]"},
                 {"reference_from":"2021-04-01","reference_to":"2022-03-31","from_age_band":"10 to 15",
                  "from_group":"other","to_age_band":"10 to 15","to_group":"left_care","children":"[c]",
                  "exposure_days":"[c]","rate_per_year":"[c]"}]"""), browser.get("/api/forecast-rates?la=Lancashire")));
    }

    @Test
    void theForecastPageDrawsTheProjectionAsBandsWithTheModelExplained() {
        as(TestUsers.LANCASHIRE, browser -> {
            String page = browser.get("/forecast?la=Lancashire").body();
            assertTrue(page.contains("<a href=\"/forecast\" aria-current=\"page\">Forecast</a>"), page);
            assertTrue(page.contains("<div id=\"forecast-all-chart\" class=\"chart\" role=\"img\" "
                    + "aria-labelledby=\"forecast-all-heading\" data-src=\"/api/forecast-projection?la=Lancashire\""), page);
            assertTrue(page.contains("&#34;type&#34;:&#34;band&#34;"), page);
            assertTrue(page.contains("<h2 id=\"forecast-all-heading\">Children looked after (All placements), history and"
                    + " base projection: Lancashire, 31 January 2022 to 31 March 2023</h2>"), page);
            assertTrue(page.contains("<p class=\"note\">A Markov stock-and-flow model over age band × placement group"),
                    page);
            // No in-house fostering in this snapshot: its panel says so instead of drawing an empty chart.
            assertFalse(page.contains("id=\"forecast-foster-inhouse-chart\""), page);
            assertTrue(page.contains("data-src=\"/api/forecast-accuracy?la=Lancashire\""), page);
        });
    }

    @Test
    void noForecastFigureShowsAnotherLasSmallCounts() {
        as(TestUsers.BLACKPOOL, browser -> assertTrue(FigureEndpointsTest.assertNoSmallCounts(browser, "Lancashire") > 20));
    }
}
