package uk.sufficiency.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.sufficiency.dashboard.DashboardServerTest.assertJson;
import static uk.sufficiency.dashboard.SnapshotRows.list;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.sufficiency.warehouse.FactTable;

/**
 * Targets belong to an LA (issue 11, point 1), on the two-LA snapshot of
 * {@link TestSnapshot#lancashireAndBlackpool()} with these targets, worked by hand:
 * <ul>
 * <li>Lancashire (spelt {@code LANCASHIRE}: matched in any case), children's homes, lower is better:
 * baseline date 30 November 2021, the file stating 40.0; target 0.0 by 31 March 2022. Lancashire's
 * own value on 30 November is c2 in an agency home, 1 of 1 = 100.0: that is the baseline. Trajectory
 * on 31 December = 100 − 100 × 31 / 121 days = 74.38 → 74.4 against the value 50.0 (c2 in a home, c5
 * secure): green. On 31 March the trajectory has reached 0.0 and the value is 0.0 (c4 with parents):
 * green, impact 0.0 − 100.0 = −100.0.
 * <li>Lancashire, placed with parents, lower is better: baseline 31 March 2021, before the window
 * (which starts 30 April 2021), so the file's stated 20.0 is the baseline; target 10.0 by 31 March
 * 2022. 30 September: 20 − 10 × 183 / 365 = 14.99 → 15.0 against 0.0: green. 31 March: 10.0 against
 * 100.0 (c4, 1 of 1): red, impact 100.0 − 20.0 = 80.0.
 * <li>A row with no LA (as the seed's defaults were written for every LA before targets belonged to
 * an LA): fostering 62.3 to 70. It applies to nobody, so neither LA has a fostering target, and
 * Blackpool, with no row of its own, has no target at all: its series, no baseline, no RAG.
 * </ul>
 */
class KpiTargetsPerLaTest {
    @TempDir
    Path dir;
    private Path snapshot;

    @BeforeEach
    void warehouse() throws Exception {
        snapshot = TestSnapshot.lancashireAndBlackpool()
                .rows(FactTable.KPI_TARGETS,
                        "('LANCASHIRE', 'childrens_homes_share', '2021-11-30', 40.0, '2022-03-31', 0.0, 'down', 1.0, "
                                + "'Sufficiency Strategy 2021-2024 (targets.csv)')",
                        "('Lancashire', 'with_parents_share', '2021-03-31', 20.0, '2022-03-31', 10.0, 'down', 1.0, "
                                + "'targets.csv')",
                        "(NULL, 'fostering_share', '2020-03-31', 62.3, '2024-03-31', 70.0, 'up', 1.0, 'default')")
                .publish(dir);
        TestUsers.write(dir);
    }

    private List<List<Object>> rows(String sql) {
        return SnapshotRows.of(snapshot, sql);
    }

    @Test
    void theBaselineIsTheLasOwnValueAtTheBaselineDateAndTheTrajectoryStartsThere() throws Exception {
        assertEquals(List.of(
                list("2021-11-30", 100.0, 100.0, 100.0, "green", 0.0),
                list("2021-12-31", 50.0, 100.0, 74.4, "green", -50.0),
                list("2022-03-31", 0.0, 100.0, 0.0, "green", -100.0)),
                rows("""
                        SELECT CAST(period_end AS VARCHAR), value, baseline_value, trajectory_value, rag,
                               impact_since_baseline
                        FROM kpi_month WHERE la = 'Lancashire' AND kpi = 'childrens_homes_share'
                          AND period_end IN ('2021-11-30', '2021-12-31', '2022-03-31') ORDER BY period_end"""));
        assertEquals(List.of(list(40.0, "data", 1L, 1L, "Sufficiency Strategy 2021-2024 (targets.csv)")), rows("""
                SELECT DISTINCT stated_baseline_value, baseline_source, baseline_children, baseline_looked_after,
                       target_source
                FROM kpi_month WHERE la = 'Lancashire' AND kpi = 'childrens_homes_share'"""));
    }

    @Test
    void withoutDataAtTheBaselineDateTheFilesBaselineIsUsedAndSaidToBe() throws Exception {
        assertEquals(List.of(
                list("2021-09-30", 0.0, 20.0, 15.0, "green", -20.0, "targets file"),
                list("2022-03-31", 100.0, 20.0, 10.0, "red", 80.0, "targets file")),
                rows("""
                        SELECT CAST(period_end AS VARCHAR), value, baseline_value, trajectory_value, rag,
                               impact_since_baseline, baseline_source
                        FROM kpi_month WHERE la = 'Lancashire' AND kpi = 'with_parents_share'
                          AND period_end IN ('2021-09-30', '2022-03-31') ORDER BY period_end"""));
    }

    @Test
    void anLaWithoutTargetsHasItsSeriesAndNoTargetNeverAnotherCouncils() throws Exception {
        // Blackpool at 31 March 2022: b1 kinship, b2 IFA, b3-b7 in-house, so 7 of 7 fostered = 100.0, none
        // with parents or in a home; no baseline, target, trajectory or RAG.
        assertEquals(List.of(
                list("childrens_homes_share", 0.0, null, null, null, null, null),
                list("fostering_share", 100.0, null, null, null, null, null),
                list("with_parents_share", 0.0, null, null, null, null, null)),
                rows("""
                        SELECT kpi, value, baseline_value, target_value, trajectory_value, rag, target_source
                        FROM kpi_month WHERE la = 'Blackpool' AND period_end = DATE '2022-03-31' ORDER BY kpi"""));
        // The row for no LA is nobody's: Lancashire has no fostering target either.
        assertEquals(List.of(list((Object) null)), rows("""
                SELECT DISTINCT target_source FROM kpi_month WHERE la = 'Lancashire' AND kpi = 'fostering_share'"""));
        assertEquals(List.of(), rows("SELECT * FROM kpi_targets_by_la WHERE la = 'Blackpool'"));
    }

    @Test
    void theKpiTableHasTheImpactSinceTheBaselineAndNamesWhereEachTargetIsFrom() {
        TestUsers.as(dir, TestUsers.LANCASHIRE, browser -> assertJson("""
                {"rows": [
                 {"description": "Placements with parents, % of children looked after", "baseline_value": 20.0,
                  "baseline_date": "2021-03-31", "value": 100.0, "period_end": "2022-03-31", "target_value": 10.0,
                  "target_date": "2022-03-31", "impact_since_baseline": 80.0, "rag": "red",
                  "baseline_source": "targets file", "target_source": "targets.csv", "children": 1, "looked_after": 1,
                  "baseline_children": null, "baseline_looked_after": null},
                 {"description": "Foster placements, % of children looked after", "baseline_value": null,
                  "baseline_date": null, "value": 0.0, "period_end": "2022-03-31", "target_value": null,
                  "target_date": null, "impact_since_baseline": null, "rag": null, "baseline_source": null,
                  "target_source": "no target set", "children": 0, "looked_after": 1, "baseline_children": null,
                  "baseline_looked_after": null},
                 {"description": "Children looked after in children's homes, % of children looked after",
                  "baseline_value": 100.0, "baseline_date": "2021-11-30", "value": 0.0, "period_end": "2022-03-31",
                  "target_value": 0.0, "target_date": "2022-03-31", "impact_since_baseline": -100.0, "rag": "green",
                  "baseline_source": "data", "target_source": "Sufficiency Strategy 2021-2024 (targets.csv)",
                  "children": 0, "looked_after": 1, "baseline_children": 1, "baseline_looked_after": 1}]}""",
                browser.get("/api/kpi-summary?la=Lancashire")));
        // For Blackpool's reader, Lancashire's baseline of 1 child, and what is computed from it, is [c].
        TestUsers.as(dir, TestUsers.BLACKPOOL, browser -> {
            String json = browser.get("/api/kpi-summary?la=Lancashire").body();
            assertTrue(json.contains("\"baseline_value\":\"[c]\""), json);
            assertTrue(json.contains("\"impact_since_baseline\":\"[c]\""), json);
            assertFalse(json.contains("100.0"), json);
        });
    }

    @Test
    void theCardsSayWhereTheBaselineAndTargetAreFromAndNoTargetWhereThereIsNone() {
        TestUsers.as(dir, TestUsers.LANCASHIRE, browser -> {
            String html = browser.get("/?la=Lancashire").body();
            String homes = card(html, "childrens_homes_share");
            assertTrue(homes.contains("<dt>Baseline</dt><dd>100.0% at 30 November 2021 (computed from the data; the"
                    + " targets file states 40.0%)</dd>"), homes);
            assertTrue(homes.contains("<dt>Impact since the baseline</dt><dd>down 100.0 points (the better way)</dd>"),
                    homes);
            assertTrue(homes.contains("<dt>Target from</dt><dd>Sufficiency Strategy 2021-2024 (targets.csv)</dd>"),
                    homes);
            String parents = card(html, "with_parents_share");
            assertTrue(parents.contains("<dt>Baseline</dt><dd>20.0% at 31 March 2021 (as the targets file states it:"
                    + " the data does not reach back to this date)</dd>"), parents);
            assertTrue(parents.contains("<dd>up 80.0 points (the worse way)</dd>"), parents);
            String fostering = card(html, "fostering_share");
            assertTrue(fostering.contains("<p class=\"rag rag-none\">No target set:"), fostering);
            assertFalse(fostering.contains("62.3"), fostering);
            assertFalse(fostering.contains("<dt>Baseline</dt>"), fostering);
        });
        TestUsers.as(dir, TestUsers.BLACKPOOL, browser -> {
            String html = browser.get("/?la=Blackpool").body();
            assertEquals(3, html.split("No target set:", -1).length - 1, html);
            assertFalse(html.contains("rag-green") || html.contains("rag-red") || html.contains("rag-amber"), html);
        });
    }

    private static String card(String html, String kpi) {
        String card = html.substring(html.indexOf("<article class=\"kpi\" id=\"kpi-" + kpi + "\">"));
        return card.substring(0, card.indexOf("</article>"));
    }
}
