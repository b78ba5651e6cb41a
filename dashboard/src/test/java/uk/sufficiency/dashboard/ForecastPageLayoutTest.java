package uk.sufficiency.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Forecast page reads question first: the gap in words, and detail tables that do not bury the charts. */
class ForecastPageLayoutTest {
    private static Map<String, Object> gap(String date, String provision, double placed, long others, int capacity,
                                           double outside) {
        Map<String, Object> row = new HashMap<>();
        row.put("quarter_end", date);
        row.put("provision", provision);
        row.put("demand_p50", placed);
        row.put("others", others);
        row.put("capacity", capacity);
        row.put("gap_p50", placed + others - capacity);
        row.put("outside_p50", outside);
        return row;
    }

    @Test
    void theGapIsSaidInWordsAtTheStartAndTheEnd() {
        // Block home beds: 27 of 30 (3 free) with 139 agency placements outside; supported: 40 placed and
        // 282 others in 378 beds (56 free). By 2028: 31.2 placed against 30 (1.2 rounds to 1 over).
        String summary = GapSummary.of(List.of(
                gap("2024-03-31", "block_home_beds", 27, 0, 30, 139),
                gap("2024-03-31", "block_supported_beds", 40, 282, 378, 0),
                gap("2028-03-31", "block_home_beds", 31.2, 0, 30, 160.4)));
        assertEquals("At the start, 31 Mar 2024: Block children's home beds: 27 children placed in 30, 3 free, and 139"
                + " more of the group placed outside them (spot); Block supported accommodation beds: 40 children"
                + " placed and 282 used by others in 378, 56 free. By 31 Mar 2028 (medians): Block children's home"
                + " beds: 31 children placed in 30, 1 over, and 160 more of the group placed outside them (spot).",
                summary);
    }

    @Test
    void theGapChartIsSecondAndTheDetailTablesLast() {
        List<String> anchors = ForecastCharts.all().stream().map(Chart::anchor).toList();
        assertEquals(List.of("forecast-all", "forecast-gap"), anchors.subList(0, 2));
        assertEquals(List.of("forecast-backtest", "forecast-rates", "forecast-settings"),
                anchors.subList(anchors.size() - 3, anchors.size()));
    }

    @Test
    void aLongTableWithoutAChartStartsClosedAndAShortOneOpen() {
        Chart backtest = ForecastCharts.all().stream().filter(c -> c.anchor().equals("forecast-backtest")).findFirst()
                .orElseThrow();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            rows.add(Map.of("origin", "2022-03-31", "horizon_months", i, "placement_group", "all", "actual", 10));
        }
        String closed = chartHtml(backtest, rows);
        assertFalse(closed.contains("<details class=\"table-view\" open>"), closed);
        assertTrue(closed.contains("<summary>Table of these figures (26 rows)</summary>"), closed);
        String open = chartHtml(backtest, rows.subList(0, 25));
        assertTrue(open.contains("<details class=\"table-view\" open>"), open);
    }

    private static String chartHtml(Chart chart, List<Map<String, Object>> rows) {
        return Templates.render("chart.jte", Map.of("panel", ChartPanel.view(chart, "Demo County", "", rows)));
    }
}
