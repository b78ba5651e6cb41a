package uk.sufficiency.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Placement costs (inputs.md §2) on a hand-made LA, "Costshire", with returns for 2021 and 2022
 * (data window 1 April 2020 to 31 March 2022). Spend is fee ÷ 7 per covered day; annualised cost is
 * Σ fee × 52. Each child of fixtures/costs shows one rule:
 * <pre>
 * child  903 episodes                              cost lines (placement_costs.csv line)        rule shown
 * 101    01/04/2020.. U4 PR4 (foster_ifa)           2: £700 01/04/2020-14/01/2021                fee uplift on 15 January 2021
 *                                                  3: £770 (" Spot ") 15/01/2021..open          (contract read case-insensitively)
 * 102    U4 PR1 01/05-01/09/2020, then K2 PR4       4: £3,500 01/08/2020-30/09/2020              a line spanning a placement move
 * 103    01/04/2020.. U1 (foster_kinship)           5: £240 01/04-31/05/2020 (survives: adjacent) overlapping lines 6 and 7 rejected
 *                                                  6: £250 01/06-31/12/2020, 7: £260 01/12/2020..
 * 104    U5 PR1 01/04/2020-01/07/2020               8: £350 01/06-31/07/2020 ("IN_HOUSE")         July unlinked (episode ended)
 * 105    Header row only                           9: £1,050 August 2020                         no episode at all: unlinked
 * 106    01/01/2021.. K2 PR1 (home_inhouse)         10: "£4,200.00" 15/03-15/04/2021, 11: £4,200   across 31 March; a renewal at the
 *                                                      16/04-30/04/2021                          same fee is no fee change
 * 107    U4 PR4 01/02/2020-15/05/2020               12: £805 01/03/2020-30/04/2020                March 2020 is before the window
 * 108    01/10/2021.. LS V3 U4 PR4                  13: £140 October 2021 (ISO dates)             short breaks are costed
 * </pre>
 * Lines 14-21 are rejected: negative fee, CONTRACT {@code agency}, COST_TO before COST_FROM, child
 * 999, 31/02/2021, blank CHILD, an unquoted comma, fee {@code abc}.
 */
class PlacementCostsTest {
    private static final FixtureWarehouse COSTS = FixtureWarehouse.of("costs", "Costshire");

    private static List<List<Object>> rows(String sql) {
        return COSTS.rows(sql);
    }

    /** A row as a list that may hold nulls. */
    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    @Test
    void feeUpliftMidMonthSplitsTheMonthsSpendAndTheMonthEndTakesTheNewFee() {
        // January 2021: 14 days at £700 (£100 a day) = £1,400 and 17 days at £770 (£110 a day) = £1,870.
        assertEquals(List.of(List.of("foster_ifa", "spot", 3270.0, 31L)), rows("""
                SELECT category, contract, spend, cost_days FROM placement_spend_month
                WHERE month_end = DATE '2021-01-31'"""));
        // At 31 January only the £770 line covers the day: £770 × 52 = £40,040.
        assertEquals(List.of(List.of("Costshire", "foster_ifa", "spot", "PR4", 1L, 40040.0, 770.0)), rows("""
                SELECT la, category, contract, provider, placements, annualised_cost, avg_weekly_cost
                FROM placement_cost_month_end_provider WHERE month_end = DATE '2021-01-31'"""));
        // The uplift is a fee change in January 2021: +£70, +10.0%. The renewal of child 106's line at the
        // same fee (16/04/2021) is not one.
        assertEquals(List.of(List.of("2021-01-31", "foster_ifa", 1L, 1L, 0L, 10.0, 70.0)), rows("""
                SELECT CAST(month_end AS VARCHAR), category, fee_changes, increases, decreases, avg_change_pct,
                       avg_change FROM placement_cost_changes"""));
    }

    @Test
    void aLineSpanningAPlacementMoveIsSplitBetweenTheTwoCategories() {
        // Child 102 moves from in-house fostering to an agency home on 01/09/2020: August's 31 days at
        // £500 a day = £15,500 are foster_inhouse, September's 30 = £15,000 home_agency.
        assertEquals(List.of(
                        List.of("2020-08-31", "foster_inhouse", 15500.0),
                        List.of("2020-09-30", "home_agency", 15000.0)), rows("""
                SELECT CAST(month_end AS VARCHAR), category, spend FROM placement_spend_month
                WHERE contract = 'framework' ORDER BY month_end"""));
        assertEquals(List.of(
                        List.of("2020-08-31", "foster_inhouse", "PR1", 182000.0),
                        List.of("2020-09-30", "home_agency", "PR4", 182000.0)), rows("""
                SELECT CAST(month_end AS VARCHAR), category, provider, annualised_cost FROM placement_cost_month_end_provider
                WHERE contract = 'framework' ORDER BY month_end"""));
    }

    @Test
    void monthEndPlacementsAnnualisedCostAndAverageFee() {
        // 30/04/2020: children 101 (£700) and 107 (£805) in IFA foster care on spot contracts, 103 (£240)
        // with kinship carers: (700 + 805) × 52 = £78,260, mean £752.50; 240 × 52 = £12,480.
        assertEquals(List.of(
                        List.of("foster_ifa", "spot", "PR4", 2L, 78260.0, 752.5),
                        List.of("foster_kinship", "in_house", "PR1", 1L, 12480.0, 240.0)), rows("""
                SELECT category, contract, provider, placements, annualised_cost, avg_weekly_cost
                FROM placement_cost_month_end_provider WHERE month_end = DATE '2020-04-30' ORDER BY category"""));
        // 31/08/2020: 101 (£700), 102 (£3,500) and the unlinked line of 105 (£1,050, no provider).
        assertEquals(List.of(
                        row("foster_ifa", "spot", "PR4", 1L, 36400.0),
                        row("foster_inhouse", "framework", "PR1", 1L, 182000.0),
                        row("unlinked", "in_house", null, 1L, 54600.0)), rows("""
                SELECT category, contract, provider, placements, annualised_cost
                FROM placement_cost_month_end_provider WHERE month_end = DATE '2020-08-31' ORDER BY category"""));
        // 31/10/2021: child 108's short-break (V3) episode is costed: (770 + 140) × 52 = £47,320, mean £455.
        assertEquals(List.of(List.of("foster_ifa", 2L, 47320.0, 455.0)), rows("""
                SELECT category, placements, annualised_cost, avg_weekly_cost FROM placement_cost_month_end
                WHERE month_end = DATE '2021-10-31'"""));
    }

    @Test
    void spendAcross31MarchIsSplitBetweenFinancialYears() {
        // Child 106: 15/03/2021-31/03/2021 is 17 days at £600 = £10,200 in 2020-21; April 2021 (two lines,
        // 15 + 15 days) 30 days = £18,000 in 2021-22.
        assertEquals(List.of(List.of(2021, 10200.0, 17L), List.of(2022, 18000.0, 30L)), rows("""
                SELECT year, spend, cost_days FROM placement_spend_year WHERE category = 'home_inhouse' ORDER BY year"""));
        assertEquals(List.of(List.of("2021-03-31", 10200.0), List.of("2021-04-30", 18000.0)), rows("""
                SELECT CAST(month_end AS VARCHAR), spend FROM placement_spend_month
                WHERE category = 'home_inhouse' ORDER BY month_end"""));
    }

    @Test
    void spendByFinancialYearToThePenny() {
        // 2020-21. foster_ifa spot: 101 at £700 01/04/2020-14/01/2021 (289 days × £100 = £28,900), at £770
        // 15/01-31/03/2021 (76 × £110 = £8,360), 107 in April 2020 (30 × £115 = £3,450): £40,710.
        // foster_kinship: 103, 61 days × £240 ÷ 7 = £2,091.428… = £2,091.43. foster_inhouse in_house: 104 in
        // June, 30 × £50. Unlinked: 104 in July (31 × £50) and 105 in August (31 × £150) = £6,200.
        // 2021-22. foster_ifa spot: 101, 365 × £110 = £40,150, and 108, 31 × £20 = £620.
        assertEquals(List.of(
                        List.of(2021, "foster_ifa", "spot", 40710.0),
                        List.of(2021, "foster_inhouse", "framework", 15500.0),
                        List.of(2021, "foster_inhouse", "in_house", 1500.0),
                        List.of(2021, "foster_kinship", "in_house", 2091.43),
                        List.of(2021, "home_agency", "framework", 15000.0),
                        List.of(2021, "home_inhouse", "block", 10200.0),
                        List.of(2021, "unlinked", "in_house", 6200.0),
                        List.of(2022, "foster_ifa", "spot", 40770.0),
                        List.of(2022, "home_inhouse", "block", 18000.0)), rows("""
                SELECT year, category, contract, spend FROM placement_spend_year ORDER BY year, category, contract"""));
        // Months are rounded on their own: April 2020 £1,028.57 (30 days) and May £1,062.86 (31 days).
        assertEquals(List.of(List.of("2020-04-30", 1028.57), List.of("2020-05-31", 1062.86)), rows("""
                SELECT CAST(month_end AS VARCHAR), spend FROM placement_spend_month
                WHERE category = 'foster_kinship' ORDER BY month_end"""));
    }

    @Test
    void costDaysWithNoActiveEpisodeAreUnlinkedAndReported() {
        // Child 104's episode ends 01/07/2020 (not active that day), so July's 31 days are unlinked; child 105
        // has no episode at all: 31 more. Child 107's March 2020 (31 days) is before the window: left out.
        assertEquals(List.of(List.of("2020-07-31", "in_house", 1550.0), List.of("2020-08-31", "in_house", 4650.0)),
                rows("""
                        SELECT CAST(month_end AS VARCHAR), contract, spend FROM placement_spend_month
                        WHERE category = 'unlinked' ORDER BY month_end"""));
        assertEquals(62L, COSTS.summary().warningsByType().get("cost_unlinked_days"));
        assertEquals(31L, COSTS.summary().warningsByType().get("cost_days_outside_window"));
        assertEquals(List.of(List.of("placement_costs", "cost_days_outside_window", 31L),
                        List.of("placement_costs", "cost_unlinked_days", 62L)), rows("""
                SELECT source, warning, count FROM data_quality WHERE source = 'placement_costs' ORDER BY warning"""));
        // 2020-21: 626 covered days, 62 unlinked (9.9%); spend £91,201.43 of which £6,200 unlinked.
        assertEquals(List.of(
                        List.of(2021, 626L, 62L, 9.9, 91201.43, 6200.0),
                        List.of(2022, 426L, 0L, 0.0, 58770.0, 0.0)), rows("""
                SELECT year, cost_days, unlinked_days, unlinked_share, spend, unlinked_spend
                FROM cost_data_quality ORDER BY year"""));
        // Nothing is costed outside the window.
        assertEquals(List.of(List.of("2020-04-01", "2022-03-31")),
                rows("SELECT CAST(min(seg_from) AS VARCHAR), CAST(max(seg_to) AS VARCHAR) FROM placement_cost_segments"));
    }

    @Test
    void rejectedLinesAreQuarantinedWithFileLineAndReason() {
        // Lines 6 and 7 overlap each other (both out); line 5 ends the day before line 6 starts (kept).
        // Line 14 (negative) would overlap line 3, but a rejected line never rejects another.
        assertEquals(List.of(
                        List.of("Costshire", "placement_costs.csv", 6, "overlap"),
                        List.of("Costshire", "placement_costs.csv", 7, "overlap"),
                        List.of("Costshire", "placement_costs.csv", 14, "negative_cost"),
                        List.of("Costshire", "placement_costs.csv", 15, "bad_code"),
                        List.of("Costshire", "placement_costs.csv", 16, "bad_period"),
                        List.of("Costshire", "placement_costs.csv", 17, "unknown_child"),
                        List.of("Costshire", "placement_costs.csv", 18, "bad_date"),
                        List.of("Costshire", "placement_costs.csv", 19, "missing_key"),
                        List.of("Costshire", "placement_costs.csv", 20, "bad_row"),
                        List.of("Costshire", "placement_costs.csv", 21, "bad_cost")), rows("""
                SELECT la, file, line, reason FROM rejected_rows WHERE source = 'placement_costs' ORDER BY line"""));
        // Ten lines survive (2-5 and 8-13); child 103 keeps only its first.
        assertEquals(List.of(List.of(10L)), rows("SELECT count(DISTINCT cost_line) FROM placement_cost_segments"));
    }

    @Test
    void costPerChildByAgeBandAndFeeBands() {
        // 31/08/2020: 101 (10) and 102 (15) are 10 to 15: (700 + 3,500) × 52, mean £2,100; 105 (16) at £1,050.
        assertEquals(List.of(List.of("10 to 15", 4, 2L, 218400.0, 2100.0), List.of("16 and over", 5, 1L, 54600.0, 1050.0)),
                rows("""
                        SELECT age_band, age_band_order, placements, annualised_cost, avg_weekly_cost
                        FROM placement_cost_age_band WHERE month_end = DATE '2020-08-31' ORDER BY age_band_order"""));
        // 31/10/2021: 108 (born 12/12/2020) is under 1.
        assertEquals(List.of(List.of("10 to 15", 1L), List.of("Under 1", 1L)), rows("""
                SELECT age_band, placements FROM placement_cost_age_band WHERE month_end = DATE '2021-10-31'
                ORDER BY age_band"""));
        assertEquals(List.of(
                        List.of("foster_ifa", "£500-£999", 2, 1L),
                        List.of("foster_inhouse", "£2,500-£4,999", 4, 1L),
                        List.of("unlinked", "£1,000-£2,499", 3, 1L)), rows("""
                SELECT category, fee_band, fee_band_order, placements FROM placement_fee_bands
                WHERE month_end = DATE '2020-08-31' ORDER BY category"""));
        assertEquals(List.of(List.of("under £500", 1L), List.of("£500-£999", 1L)), rows("""
                SELECT fee_band, placements FROM placement_fee_bands WHERE month_end = DATE '2021-10-31'
                ORDER BY fee_band_order"""));
    }

    @Test
    void childIdsArePseudonymised() {
        assertEquals(List.of(List.of(0L)), rows("""
                SELECT count(*) FROM placement_cost_segments
                WHERE length(child) <> 20 OR child IN ('101', '102', '105') OR cost_line LIKE '%placement_costs%'"""));
        // The same pseudonym as the child's episodes.
        assertEquals(List.of(List.of(0L)), rows("""
                SELECT count(*) FROM placement_cost_segments s
                WHERE category <> 'unlinked' AND NOT EXISTS (SELECT 1 FROM episodes e WHERE e.child = s.child)"""));
    }

    @Test
    void aCostsFileLackingARequiredColumnFailsTheRun(@TempDir Path temp) throws Exception {
        InputProblem problem = FixtureWarehouse.problemRunningOneEpisodeWith(temp, "placement_costs_2022.csv",
                "CHILD,PROVIDER_ID,WEEKLY_COST,COST_FROM\n1,P1,500,01/04/2021\n");
        assertEquals("placement_costs_2022.csv: looks like a placement costs table but lacks the required column CONTRACT",
                problem.getMessage());
    }

    @Test
    void aCostsFileWithoutAnLaColumnNeedsTheRunsLa(@TempDir Path temp) throws Exception {
        Path input = Files.createDirectories(temp.resolve("pooled"));
        Files.writeString(input.resolve("episodes.csv"), "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,"
                + "REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN,LA,YEAR\n1,01/04/2021,S,C2,N1,U4,PR1,,,,A,B,,X,2022\n");
        Files.writeString(input.resolve("placement_costs.csv"),
                "CHILD,PROVIDER_ID,CONTRACT,WEEKLY_COST,COST_FROM\n1,P1,spot,500,01/04/2021\n");
        InputProblem problem = FixtureWarehouse.problemRunning(input, null, temp.resolve("warehouse"));
        assertEquals("placement_costs.csv: has no LA column: say which LA it belongs to with --la", problem.getMessage());
    }
}
