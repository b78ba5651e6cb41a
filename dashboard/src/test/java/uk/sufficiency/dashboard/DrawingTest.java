package uk.sufficiency.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What app.js is told to draw, and the table beside it: a category along x named as readers name it. */
class DrawingTest {
    @Test
    void theNeedsChartNamesEveryNeedInWords() {
        Chart needs = Page.HARD_TO_FIND.charts().stream().filter(c -> c.anchor().equals("requests-needs")).findFirst()
                .orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Map<String, String>> labels = (Map<String, Map<String, String>>) needs.drawing().spec(Map.of())
                .get("xLabels");
        // Every need of the placement_requests_needs view (inputs.md §3), in its order, in the seed's words.
        assertEquals(List.of("emotional", "mental_health", "self_harm", "suicide", "aggression", "missing", "criminal",
                "send", "substance", "cse", "dols"), List.copyOf(labels.keySet()));
        assertEquals("Self-harm", labels.get("self_harm").get("label"));
        assertEquals("Deprivation of liberty (DoLS)", labels.get("dols").get("label"));
        assertEquals("Child sexual exploitation (CSE)", labels.get("cse").get("label"));
    }

    @Test
    void theNeedsTableNamesEachNeedAsTheChartDoes() {
        Chart needs = Page.HARD_TO_FIND.charts().stream().filter(c -> c.anchor().equals("requests-needs")).findFirst()
                .orElseThrow();
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("year", 2022);
        row.put("request_group", "childrens_home");
        row.put("need", "self_harm");
        row.put("hard_to_find_requests", 10L);
        row.put("naming_need", 6L);
        row.put("share", 60.0);
        assertEquals(true, Templates.render("table.jte", Map.of("table", ChartPanel.table(needs, List.of(row)))).contains(
                "<tr><th scope=\"row\">2022</th><td>childrens_home</td><td>Self-harm</td><td>10</td><td>6</td><td>60.0</td></tr>"));
    }

    @Test
    void aDateAxisHasNoLabelsToLookUp() {
        assertFalse(Drawing.lines("month_end", List.of("children"), "Children").spec(Map.of()).containsKey("xLabels"));
    }
}
