package uk.sufficiency.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.sufficiency.pipeline.FixtureWarehouse.list;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Placement search requests (inputs.md §3) on a hand-made LA in fixtures/requests (run with
 * {@code --la Reqshire}; returns 2021 and 2022, so the window is April 2020 to March 2022).
 * <pre>
 * 903    C1 U4 PR1 from 01/04/2020, DOB 29/02/2008     C2 K2 PR1 from 01/05/2020, DOB 15/06/2010
 *        C3 U4 PR1 from 01/09/2020, DOB 01/01/2012     C4 K2 PR4, DOB 10/10/2006
 *        C5 U4 PR4, DOB 03/03/2015                     C6 K1, episodes but no Header row
 *        C7 a Header row (DOB 01/07/2009) and no episode
 *
 * line request child received   type                 searches ring  outcome    date        home
 * 2    R01     C1    31/03/2021 " Permanent_Foster " 3        N     "Placed"   30/04/2021  u4 pr1
 * 3    R02     C1    01/04/2021 task_centred_foster  1        Y     placed     10/05/2021  K2 PR4
 * 4    R03     C3    30/06/2021 respite_foster       2        N     withdrawn  05/07/2021
 * 5    R04     C3    01/07/2021 parent_child_foster  0              open
 * 6    R05     C1    28/02/2021 childrens_home       4              placed     15/03/2021  K2 PR1
 * 7    R06     C1    01/03/2021 childrens_home       1        Y     withdrawn  20/03/2021
 * 8    R07     C4    15/10/2021 supported_accomm.    0              open
 * 9    R08     C6    01/12/2021 secure               5              placed     10/12/2021  K1
 * 10   R09     C7    10/01/2022 other                3              open
 * 11   R10     C5    01/02/2022 permanent_foster     1              placed     (blank)     U4 PR4
 * 12   R11     C4    01/02/2021 childrens_home       3              withdrawn  01/03/2021
 * 13-22 S01-S10 C2   step_down_foster, 1 search: placed 01/05, 01/06, 01/07, 01/08, 01/09/2020 and
 *                    31/03/2021 (year 2021), 01/04/2021 and 15/02/2022 (2022), withdrawn 01/06/2021,
 *                    placed 01/04/2022 (2023, after the window)
 * 23-35 rejected: D1 twice, unknown C99, outcome before received, blank id, blank child, unknown
 *                 type, outcome, urgency and ring-round, 31/02/2021, SEARCHES "two", one field too many
 * </pre>
 * Needs named (Y): R01 emotional, aggression; R02 emotional, missing; R05 emotional, aggression,
 * missing, CSE; R06 aggression (emotional N); R08 DoLS; R11 emotional (aggression N).
 */
class PlacementRequestsTest {
    private static final FixtureWarehouse REQUESTS = FixtureWarehouse.of("requests", "Reqshire");

    private static List<List<Object>> rows(String sql, Object... parameters) {
        return REQUESTS.rows(sql, parameters);
    }

    private static List<Object> row(String sql, Object... parameters) {
        return REQUESTS.row(sql, parameters);
    }

    private static List<Object> request(String id, String columns) {
        return row("SELECT " + columns + " FROM placement_requests WHERE request_id = ?", id);
    }

    @Test
    void everySurvivingRequestIsOneRow() {
        assertEquals(list(21L, 11L, 10L), row("""
                SELECT count(*), count(*) FILTER (WHERE request_id LIKE 'R%'), count(*) FILTER (WHERE request_id LIKE 'S%')
                FROM placement_requests WHERE la = 'Reqshire'"""));
    }

    @Test
    void hardToFindIsThreeSearchesOrARingRound() {
        // R01: 3 searches, no ring-round; R02: 1 search with a ring-round; R03: 2 searches, ring-round N.
        assertEquals(list(3, false, true), request("R01", "searches, ring_round, hard_to_find"));
        assertEquals(list(1, true, true), request("R02", "searches, ring_round, hard_to_find"));
        assertEquals(list(2, false, false), request("R03", "searches, ring_round, hard_to_find"));
        // R04: no searches and a blank ring-round (not named: null, and not hard to find).
        assertEquals(list(0, null, false), request("R04", "searches, ring_round, hard_to_find"));
        assertEquals(List.of("R01", "R02", "R05", "R06", "R08", "R09", "R11"), rows(
                "SELECT request_id FROM placement_requests WHERE hard_to_find ORDER BY 1").stream()
                .map(r -> r.get(0)).toList());
    }

    @Test
    void financialYearAndQuarterOfReceived() {
        // 31 March is the last day of 2020-21 (Q4); 1 April the first of 2021-22 (Q1); 30 June is
        // still Q1, 1 July Q2; October Q3; January Q4 of the year ending the following March.
        assertEquals(List.of(list("R01", "2021-03-31", 2021, "Q4"), list("R02", "2021-04-01", 2022, "Q1"),
                        list("R03", "2021-06-30", 2022, "Q1"), list("R04", "2021-07-01", 2022, "Q2"),
                        list("R07", "2021-10-15", 2022, "Q3"), list("R09", "2022-01-10", 2022, "Q4")),
                rows("""
                        SELECT request_id, CAST(received AS VARCHAR), year, quarter FROM placement_requests
                        WHERE request_id IN ('R01', 'R02', 'R03', 'R04', 'R07', 'R09') ORDER BY received"""));
    }

    @Test
    void ageOnReceivedFromTheHeaderDobWithThe29FebruaryRule() {
        // C1 born 29/02/2008: 12 on 28/02/2021, 13 on 01/03/2021 (the birthday is taken as 1 March).
        assertEquals(list(12, "10 to 15"), request("R05", "age, age_band"));
        assertEquals(list(13, "10 to 15"), request("R06", "age, age_band"));
        assertEquals(list(13, "10 to 15"), request("R01", "age, age_band"));
        // C3 born 01/01/2012: 9 on 30/06/2021; C4 born 10/10/2006: 15 on 15/10/2021, 14 on 01/02/2021.
        assertEquals(list(9, "5 to 9"), request("R03", "age, age_band"));
        assertEquals(list(15, "10 to 15"), request("R07", "age, age_band"));
        assertEquals(list(14, "10 to 15"), request("R11", "age, age_band"));
        // C6 has episodes but no Header row: known, but of unknown age.
        assertEquals(list(null, "Unknown"), request("R08", "age, age_band"));
        // C7 has a Header row and no episode: known, 12 on 10/01/2022.
        assertEquals(list(12, "10 to 15"), request("R09", "age, age_band"));
    }

    @Test
    void codesAreReadWhateverTheirCaseAndTheHomeFoundIsCategorised() {
        // R01 as written: " Permanent_Foster ", "Placed", "u4", "pr1", SOLO_REQUESTED "y", £450.50.
        assertEquals(list("permanent_foster", "fostering", "planned", 0, false, 2, true, false, "placed", "2021-04-30", 30,
                        "U4", "PR1", "foster_inhouse", false, 450.5),
                request("R01", """
                        request_type, request_group, urgency, siblings, sibling_group, offers, solo_requested,
                        location_required, outcome, CAST(outcome_date AS VARCHAR), days_to_outcome, placed_place,
                        placed_provider, placed_category, foster_ended_in_home, weekly_cost"""));
        // R02 is for a child with one sibling, its fee written "£4,900".
        assertEquals(list("same_day", 1, true, 39, "home_agency", 4900.0),
                request("R02", "urgency, siblings, sibling_group, days_to_outcome, placed_category, weekly_cost"));
        assertEquals(list("childrens_home", "home_inhouse", 15, false), request("R05",
                "request_group, placed_category, days_to_outcome, foster_ended_in_home"));
        assertEquals(list("supported_accommodation", null, null), request("R07", "request_group, outcome_date, days_to_outcome"));
        assertEquals(list("secure", "K1", null, "secure", 9), request("R08",
                "request_group, placed_place, placed_provider, placed_category, days_to_outcome"));
        assertEquals(list("other"), request("R09", "request_group"));
        // Withdrawn requests have days to outcome too; an open one has none.
        assertEquals(list("withdrawn", 5), request("R03", "outcome, days_to_outcome"));
        assertEquals(list("open", null, null), request("R04", "outcome, outcome_date, days_to_outcome"));
    }

    @Test
    void aFosterRequestPlacedInAChildrensHomeIsAFosterSearchThatEndedInAHome() {
        // R02 (task-centred fostering, placed in K2) only: R05 is a children's home request placed in
        // K2, R01 and R10 foster requests placed in U4.
        assertEquals(List.of(list("R02", "fostering", "K2", "home_agency")), rows("""
                SELECT request_id, request_group, placed_place, placed_category FROM placement_requests
                WHERE foster_ended_in_home"""));
    }

    @Test
    void needsAreFlagsNullWhenNotStated() {
        assertEquals(list(true, null, null, null, true, null, null, null, null, null, null), request("R01", """
                need_emotional, need_mental_health, need_self_harm, need_suicide, need_aggression, need_missing,
                need_criminal, need_send, need_substance, need_cse, need_dols"""));
        assertEquals(list(false, true), request("R06", "need_emotional, need_aggression"));
        assertEquals(list(true), request("R08", "need_dols"));
    }

    @Test
    void childIdsArePseudonymisedLikeEveryOtherFact() {
        assertEquals(0L, row("""
                SELECT count(*) FROM placement_requests WHERE child IN ('C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7')""").get(0));
        // The same pseudonym as the children dimension: every request but R08 (C6 has no Header row).
        assertEquals(20L, row("SELECT count(*) FROM placement_requests r JOIN children c USING (la, child)").get(0));
        assertEquals(1L, row("""
                SELECT count(DISTINCT r.child) FROM placement_requests r JOIN episodes e USING (la, child)
                WHERE r.request_id IN ('R01', 'R02', 'R05', 'R06')""").get(0));
    }

    @Test
    void rejectedRequestsGoToTheSharedQuarantine() {
        assertEquals(List.of(
                        list("Reqshire", 23, "duplicate_request"), list("Reqshire", 24, "duplicate_request"),
                        list("Reqshire", 25, "unknown_child"), list("Reqshire", 26, "bad_period"),
                        list("Reqshire", 27, "missing_key"), list("Reqshire", 28, "missing_key"),
                        list("Reqshire", 29, "bad_code"), list("Reqshire", 30, "bad_code"), list("Reqshire", 31, "bad_code"),
                        list("Reqshire", 32, "bad_code"), list("Reqshire", 33, "bad_date"), list("Reqshire", 34, "bad_number"),
                        list("Reqshire", 35, "bad_row"),
                        // X13 twice, once with a blank CHILD: both rows share the id, so both are duplicates.
                        list("Reqshire", 36, "duplicate_request"), list("Reqshire", 37, "duplicate_request")),
                rows("""
                        SELECT la, line, reason FROM rejected_rows
                        WHERE source = 'placement_requests' AND file = 'placement_requests.csv' ORDER BY line"""));
        // R10 was placed but has no OUTCOME_DATE: kept, and reported.
        assertEquals(List.of(list("Reqshire", "missing_outcome_date", 1L)), rows("""
                SELECT la, warning, count FROM data_quality WHERE source = 'placement_requests'"""));
    }

    @Test
    void needsNamedInHardToFindReferrals() {
        // 2020-21 children's homes: R05, R06 and R11 were hard to find. Emotional wellbeing: R05, R11
        // (R06 says N) = 2 of 3 = 66.7; aggression R05, R06 = 66.7; missing R05 = 33.3; CSE R05 = 33.3.
        assertEquals(List.of(
                        list("emotional", 3L, 2L, 66.7), list("mental_health", 3L, 0L, 0.0), list("self_harm", 3L, 0L, 0.0),
                        list("suicide", 3L, 0L, 0.0), list("aggression", 3L, 2L, 66.7), list("missing", 3L, 1L, 33.3),
                        list("criminal", 3L, 0L, 0.0), list("send", 3L, 0L, 0.0), list("substance", 3L, 0L, 0.0),
                        list("cse", 3L, 1L, 33.3), list("dols", 3L, 0L, 0.0)),
                rows("""
                        SELECT need, hard_to_find_requests, naming_need, share FROM placement_requests_needs
                        WHERE la = 'Reqshire' AND year = 2021 AND request_group = 'childrens_home' ORDER BY need_order"""));
        // Each year and group with a hard-to-find request has all eleven needs; R03, R04 (not hard to
        // find) are in no group.
        assertEquals(List.of(list(2021, "childrens_home", 11L, 3L), list(2021, "fostering", 11L, 1L),
                        list(2022, "fostering", 11L, 1L), list(2022, "other", 11L, 1L), list(2022, "secure", 11L, 1L)),
                rows("""
                        SELECT year, request_group, count(*), max(hard_to_find_requests) FROM placement_requests_needs
                        GROUP BY ALL ORDER BY 1, 2"""));
        assertEquals(List.of(list("emotional", 100.0), list("missing", 100.0)), rows("""
                SELECT need, share FROM placement_requests_needs
                WHERE year = 2022 AND request_group = 'fostering' AND naming_need > 0 ORDER BY need_order"""));
    }

    @Test
    void stepDownIntoFosteringPlacementsStartedPerYear() {
        // Placed (OUTCOME_DATE) 01/05-01/09/2020 and 31/03/2021: six in 2020-21; 01/04/2021 (received in
        // March) and 15/02/2022: two in 2021-22. The withdrawn one and 01/04/2022 (after the window) do not count.
        assertEquals(List.of(list("Reqshire", 2021, 6L), list("Reqshire", 2022, 2L)),
                rows("SELECT la, year, placements FROM step_down_started ORDER BY year"));
    }

    @Test
    void stepDownKpiByYearWithoutTargetsHasNoTrajectoryOrRag() {
        // Six placements in 2020-21 and two in 2021-22 (above). Reqshire loaded no targets file and targets
        // belong to an LA, so there is no baseline, target, trajectory or RAG: only its own series.
        assertEquals(List.of(
                        list("2021-03-31", 6.0, null, null, null, null, null, 6L, null, null, null, null),
                        list("2022-03-31", 2.0, null, null, null, null, null, 2L, null, null, null, null)),
                rows("""
                        SELECT CAST(period_end AS VARCHAR), value, baseline_value, target_value, CAST(target_date AS VARCHAR),
                               trajectory_value, rag, children, looked_after, polarity, tolerance, target_source
                        FROM kpi_month WHERE la = 'Reqshire' AND kpi = 'step_down_started' ORDER BY period_end"""));
    }

    @Test
    void kpiStatusSaysBothInputKpisAreLoaded() {
        List<List<Object>> status = rows("SELECT kpi, loaded, reason FROM kpi_status WHERE la = 'Reqshire' ORDER BY position");
        assertEquals(List.of("with_parents_share", "fostering_share", "step_down_started", "childrens_homes_share",
                "block_supported_high_priority_share"), status.stream().map(r -> r.get(0)).toList());
        status.forEach(r -> assertEquals(true, r.get(1), r.toString()));
        assertTrue(((String) status.get(2).get(2)).startsWith("computed from the placement requests"), status.toString());
        assertTrue(((String) status.get(4).get(2)).startsWith("computed from capacity"), status.toString());
        // The three 903 KPIs are unchanged: every month end of the window, 24 of them.
        assertEquals(List.of(list("block_supported_high_priority_share", 2L), list("childrens_homes_share", 24L),
                        list("fostering_share", 24L), list("step_down_started", 2L), list("with_parents_share", 24L)),
                rows("SELECT kpi, count(*) FROM kpi_month GROUP BY kpi ORDER BY kpi"));
    }

    @Test
    void aRequestsFileWithoutARequiredColumnFailsTheRunNamingIt(@TempDir Path temp) throws Exception {
        InputProblem problem = FixtureWarehouse.problemRunningOneEpisodeWith(temp, "placement_requests.csv",
                "REQUEST_ID,CHILD,RECEIVED,REQUEST_TYPE,OUTCOME\nR1,1,01/05/2021,permanent_foster,open\n");
        assertEquals("placement_requests.csv: looks like a placement requests table but lacks the required column SEARCHES",
                problem.getMessage());
    }
}
