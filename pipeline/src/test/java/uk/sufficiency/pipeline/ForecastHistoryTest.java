package uk.sufficiency.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sufficiency.warehouse.Warehouse;
import uk.sufficiency.warehouse.forecast.AgeBand;
import uk.sufficiency.warehouse.forecast.FittedRates;
import uk.sufficiency.warehouse.forecast.ForecastState;
import uk.sufficiency.warehouse.forecast.PlacementGroup;

/**
 * The forecast's history facts on a hand-made LA, "Forecastshire", returns 2021 and 2022 (window
 * 1 April 2020 to 31 March 2022):
 * <pre>
 * child DOB         episodes                                                  what the forecast sees
 * A     15/06/2004  01/05/2020 S U4 PR1 .. 01/09/2020; 01/09/2020 P K2 PR4 open entry into 10-15 in-house foster;
 *                                                                             16th birthday 15/06/2020 (band up);
 *                                                                             move 01/09/2020 to agency home
 * B     20/03/2020  10/03/2021 S U1 .. 05/04/2021 E11                        entry into Under 1 kinship; 1st
 *                                                                             birthday 20/03/2021; left care
 * C     01/02/2004  01/01/2021 S H5 .. 01/02/2022 E?                         entry into 16+ supported; aged out
 *                                                                             at 18 (DEC is the 18th birthday)
 * D     01/01/2012  01/06/2021 S V3 open                                      short breaks: never counted
 * E     (no header) 01/06/2021 S U4 PR1 open                                  no DOB: left out
 * F     01/01/2015  01/06/2021 S U4 PR1 .. 01/07/2021; 01/07/2021 P U5 PR1   entry into 5-9 in-house foster; the
 *                   open                                                      move stays in the group: no flow
 * </pre>
 */
class ForecastHistoryTest {
    private static final String EPISODES =
            "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN";
    private static final String HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB";
    private static Warehouse warehouse;

    @BeforeAll
    static void runPipeline() throws Exception {
        Path input = Files.createTempDirectory("forecast-history-input");
        Files.writeString(input.resolve("episodes_2021.csv"), String.join("\n", EPISODES,
                "A,01/05/2020,S,C2,N1,U4,PR1,01/09/2020,X1,,AB1 1AA,AB2 2BB,",
                "A,01/09/2020,P,C2,N1,K2,PR4,,,,AB1 1AA,AB2 2BB,",
                "B,10/03/2021,S,C2,N1,U1,PR1,,,,AB1 1AA,AB2 2BB,",
                "C,01/01/2021,S,V2,N1,H5,PR4,,,,AB1 1AA,AB2 2BB,") + "\n");
        Files.writeString(input.resolve("episodes_2022.csv"), String.join("\n", EPISODES,
                "A,01/09/2020,P,C2,N1,K2,PR4,,,,AB1 1AA,AB2 2BB,",
                "B,10/03/2021,S,C2,N1,U1,PR1,05/04/2021,E11,,AB1 1AA,AB2 2BB,",
                "C,01/01/2021,S,V2,N1,H5,PR4,01/02/2022,E17,,AB1 1AA,AB2 2BB,",
                "D,01/06/2021,S,V3,N1,U4,PR1,,,,AB1 1AA,AB2 2BB,",
                "E,01/06/2021,S,C2,N1,U4,PR1,,,,AB1 1AA,AB2 2BB,",
                "F,01/06/2021,S,C2,N1,U4,PR1,01/07/2021,X1,,AB1 1AA,AB2 2BB,",
                "F,01/07/2021,P,C2,N1,U5,PR1,,,,AB1 1AA,AB2 2BB,") + "\n");
        String header2021 = String.join("\n", HEADER, "A,1,15/06/2004,WBRI,,,", "B,2,20/03/2020,WBRI,,,",
                "C,1,01/02/2004,WBRI,,,");
        Files.writeString(input.resolve("header_2021.csv"), header2021 + "\n");
        Files.writeString(input.resolve("header_2022.csv"), String.join("\n", header2021,
                "D,2,01/01/2012,WBRI,,,", "F,2,01/01/2015,WBRI,,,") + "\n");
        Path warehouseDir = Files.createTempDirectory("forecast-history-warehouse");
        PipelineRun.run(TestSpark.session(), new RunOptions(input, warehouseDir, "Forecastshire", null),
                Progress.SILENT);
        warehouse = Warehouse.openCurrent(warehouseDir);
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    private static List<List<Object>> rows(String sql) {
        return warehouse.query(sql).stream().map(r -> r.values().stream().map(v -> v == null ? "-" : v.toString())
                .map(Object.class::cast).toList()).toList();
    }

    @Test
    void flowsAreEntriesMovesBirthdaysAndLeavers() {
        assertEquals(List.of(
                List.of("2020-05-31", "-", "not_in_care", "10 to 15", "foster_inhouse", "1"),      // A enters
                List.of("2020-06-30", "10 to 15", "foster_inhouse", "16 and over", "foster_inhouse", "1"), // A is 16
                List.of("2020-09-30", "16 and over", "foster_inhouse", "16 and over", "home_agency", "1"), // A moves
                List.of("2021-01-31", "-", "not_in_care", "16 and over", "supported", "1"),        // C enters
                List.of("2021-03-31", "-", "not_in_care", "Under 1", "foster_kinship", "1"),       // B enters
                List.of("2021-03-31", "Under 1", "foster_kinship", "1 to 4", "foster_kinship", "1"), // B is 1
                List.of("2021-04-30", "1 to 4", "foster_kinship", "-", "left_care", "1"),          // B leaves
                List.of("2021-06-30", "-", "not_in_care", "5 to 9", "foster_inhouse", "1"),        // F enters
                List.of("2022-02-28", "16 and over", "supported", "-", "aged_out", "1")),          // C is 18
                rows("""
                        SELECT month_end, from_age_band, from_group, to_age_band, to_group, children FROM forecast_flows
                        ORDER BY month_end, from_group = 'not_in_care' DESC"""));
    }

    @Test
    void stockAtMonthEndsAndChildDaysInTheMonth() {
        assertEquals(List.of(
                // May 2020: A from 1 May, 31 days at 10-15
                List.of("2020-05-31", "10 to 15", "foster_inhouse", "1", "31"),
                // June: 10-15 for 1-14 June (turns 16 on the 15th, counted at 16 that evening), 16+ for 15-30
                List.of("2020-06-30", "10 to 15", "foster_inhouse", "0", "14"),
                List.of("2020-06-30", "16 and over", "foster_inhouse", "1", "16"),
                // September: in the agency home from the evening of 1 September, so 30 days there
                List.of("2020-09-30", "16 and over", "home_agency", "1", "30"),
                // March 2021: B at Under 1 on 10-19 March, 1 to 4 from 20 to 31; C and A all month
                List.of("2021-03-31", "1 to 4", "foster_kinship", "1", "12"),
                List.of("2021-03-31", "16 and over", "home_agency", "1", "31"),
                List.of("2021-03-31", "16 and over", "supported", "1", "31"),
                List.of("2021-03-31", "Under 1", "foster_kinship", "0", "10"),
                // April: B until the evening of 4 April (leaves on the 5th); A and C all month
                List.of("2021-04-30", "1 to 4", "foster_kinship", "0", "4"),
                List.of("2021-04-30", "16 and over", "home_agency", "1", "30"),
                List.of("2021-04-30", "16 and over", "supported", "1", "30"),
                // February 2022: C left on the 1st, so no day of February counts; A and F all month
                List.of("2022-02-28", "16 and over", "home_agency", "1", "28"),
                List.of("2022-02-28", "16 and over", "supported", "0", "0"),
                List.of("2022-02-28", "5 to 9", "foster_inhouse", "1", "28"),
                // March 2022: A and F (E has no DOB, D is on short breaks)
                List.of("2022-03-31", "16 and over", "home_agency", "1", "31"),
                List.of("2022-03-31", "5 to 9", "foster_inhouse", "1", "31")),
                rows("""
                        SELECT month_end, age_band, placement_group, children, child_days FROM forecast_stock
                        WHERE month_end IN ('2020-05-31', '2020-06-30', '2020-09-30', '2021-03-31', '2021-04-30',
                                            '2022-02-28', '2022-03-31')
                          AND (children > 0 OR child_days > 0
                               OR (month_end = '2022-02-28' AND placement_group = 'supported' AND age_band = '16 and over'))
                        ORDER BY month_end, age_band, placement_group"""));
        // 24 months x 5 bands x 9 groups: every state of every month has a row
        assertEquals(List.of(List.of("1080")), rows("SELECT count(*) FROM forecast_stock"));
    }

    @Test
    void startingStockAndEntriesBySingleYearOfAgeAndMonthsToTheNextBirthday() {
        assertEquals(List.of(
                // A enters 1 May 2020 aged 15, 16 on 15 June: the month after entry
                List.of("2020-05-31", "entry", "foster_inhouse", "15", "1", "1"),
                // C enters 1 January 2021 aged 16, 17 on 1 February
                List.of("2021-01-31", "entry", "supported", "16", "1", "1"),
                // B enters 10 March 2021 aged 0, 1 on 20 March: the month of entry
                List.of("2021-03-31", "entry", "foster_kinship", "0", "0", "1"),
                // 31 March 2021: B turned 1 on 20 March (next birthday 12 months on), A 17 in June, C 18 in February
                List.of("2021-03-31", "stock", "foster_kinship", "1", "11", "1"),
                List.of("2021-03-31", "stock", "home_agency", "16", "2", "1"),
                List.of("2021-03-31", "stock", "supported", "17", "10", "1"),
                // F enters 1 June 2021 aged 6, 7 on 1 January 2022
                List.of("2021-06-30", "entry", "foster_inhouse", "6", "7", "1"),
                // 31 January 2022: C turns 18 on 1 February, the next month
                List.of("2022-01-31", "stock", "supported", "17", "0", "1"),
                // 31 March 2022: A 18 in June, F 8 in January 2023
                List.of("2022-03-31", "stock", "foster_inhouse", "7", "9", "1"),
                List.of("2022-03-31", "stock", "home_agency", "17", "2", "1")),
                rows("""
                        SELECT month_end, kind, placement_group, age, months_to_birthday, children FROM forecast_age_mix
                        WHERE kind = 'entry' OR month_end IN ('2021-03-31', '2022-03-31')
                           OR (month_end = '2022-01-31' AND placement_group = 'supported')
                        ORDER BY month_end, kind, placement_group"""));
        // stock rows match forecast_stock at every month end
        assertEquals(List.of(), rows("""
                SELECT month_end FROM (SELECT month_end, sum(children) AS c FROM forecast_age_mix
                                       WHERE kind = 'stock' GROUP BY ALL) a
                FULL JOIN (SELECT month_end, sum(children) AS c FROM forecast_stock GROUP BY ALL HAVING c > 0) s
                USING (month_end) WHERE a.c IS DISTINCT FROM s.c"""));
    }

    @Test
    void ratesAreCountsOverExposure() {
        FittedRates fitted = FittedRates.fit(warehouse, "Forecastshire", LocalDate.of(2020, 4, 1),
                LocalDate.of(2022, 3, 31));
        int supported16 = ForecastState.of(AgeBand.AGE_16_AND_OVER, PlacementGroup.SUPPORTED);
        assertEquals(730, fitted.referenceDays()); // 1 April 2020 to 31 March 2022
        assertEquals(1, fitted.entries(supported16));
        assertEquals(1, fitted.agedOut(supported16));
        // C in supported accommodation from the evening of 1 January 2021 to that of 31 January 2022
        assertEquals(396, fitted.childDays(supported16));
        int inhouse10 = ForecastState.of(AgeBand.AGE_10_TO_15, PlacementGroup.FOSTER_INHOUSE);
        int inhouse16 = ForecastState.of(AgeBand.AGE_16_AND_OVER, PlacementGroup.FOSTER_INHOUSE);
        assertEquals(1, fitted.birthdays(inhouse10)); // A's 16th: counted, not a rate
        assertEquals(0, fitted.moves(inhouse10, inhouse16));
        assertEquals(1, fitted.moves(inhouse16,
                ForecastState.of(AgeBand.AGE_16_AND_OVER, PlacementGroup.HOME_AGENCY)));
        // 1-14 June 2020 and 31 days of May
        assertEquals(45, fitted.childDays(inhouse10));
    }

    @Test
    void theBaseProjectionStartsAtTheWindowEndOnTheWholeWindow() {
        // The window is 24 months, shorter than the 36-month default reference period.
        assertEquals(List.of(List.of("2022-03-31", "2020-04-01", "2022-03-31", "2026-03-31", "500")), rows("""
                SELECT start_date, reference_from, reference_to, end_date, runs FROM forecast_settings
                WHERE scenario = 'base'"""));
        // Supported 16+: none at the start, entries 1 in 730 days, all like C: 16, with a birthday the
        // month after entry. Nobody left before 18, so each child stays until the 18th birthday, the
        // 13th month's birthday day after the month of entry. 30 April 2022 (day 30): 30 / 730 = 0.0411
        // -> 0.04. 31 March 2026: the entrants of March 2025 to March 2026, 396 days: 396 / 730 = 0.5425.
        assertEquals(List.of(List.of("2022-04-30", "0.04"), List.of("2026-03-31", "0.54")), rows("""
                SELECT date, expected FROM forecast WHERE scenario = 'base' AND date IN ('2022-04-30', '2026-03-31')
                  AND placement_group = 'supported' AND age_band = '16 and over' ORDER BY date"""));
    }
}
