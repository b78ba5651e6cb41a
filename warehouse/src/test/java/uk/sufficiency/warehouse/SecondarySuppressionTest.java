package uk.sufficiency.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Secondary suppression on tiny tables worked by hand (docs/warehouse.md, "Secondary suppression"). */
class SecondarySuppressionTest {
    private static final String C = Suppression.MARKER;
    private static final Viewer ELSEWHERE = Viewer.ofLa("A");

    /** Children by month end and category, the categories adding up to the month's total (a stacked bar). */
    private static final Suppression BY_CATEGORY = Suppression.counts("children")
            .keys(List.of("month_end", "category")).partition("category", null, true);

    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    private static List<Map<String, Object>> months(Object... monthCategoryChildren) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < monthCategoryChildren.length; i += 3) {
            rows.add(row("la", "B", "month_end", monthCategoryChildren[i], "category", monthCategoryChildren[i + 1],
                    "children", monthCategoryChildren[i + 2]));
        }
        return rows;
    }

    @Test
    void oneHiddenCellTakesTheNextSmallestWithItAndTheirSumIsShownAsOneSegment() {
        // M1: 12, 3, 6, 20 (41). The 3 is hidden; alone, 41 - 12 - 6 - 20 would give it back, so the next
        // smallest (6) hides too. Together they hold 9: the "suppressed" segment, so the bar still reaches 41.
        // M4: 7 and 8, nothing small: nothing hidden, no segment.
        List<Map<String, Object>> rows = months("M1", "a", 12L, "M1", "b", 3L, "M1", "c", 6L, "M1", "d", 20L,
                "M4", "a", 7L, "M4", "b", 8L);
        assertEquals(months("M1", "a", 12L, "M1", "b", C, "M1", "c", C, "M1", "d", 20L,
                        "M1", Suppression.REMAINDER, 9L, "M4", "a", 7L, "M4", "b", 8L),
                BY_CATEGORY.apply(rows, ELSEWHERE, false));
    }

    @Test
    void twoHiddenCellsHoldingUnderFiveTakeAnotherSoTheirSumGivesNothingAway() {
        // 1, 1, 30 (32): hiding the two 1s alone would leave 32 - 30 = 2, so both would be 1. The 30 hides
        // too; the segment is the whole 32.
        assertEquals(months("M2", "a", C, "M2", "b", C, "M2", "c", C, "M2", Suppression.REMAINDER, 32L),
                BY_CATEGORY.apply(months("M2", "a", 1L, "M2", "b", 1L, "M2", "c", 30L), ELSEWHERE, false));
    }

    @Test
    void aSmallTotalIsNotPublishableSoNoSegmentIsAdded() {
        // 0, 2, 0 (2): the 2 is hidden and nothing can hide with it (zeros identify nobody); the total is
        // itself 2, hidden wherever it is shown, so the segment (2) would be a small count: none is added.
        assertEquals(months("M3", "a", 0L, "M3", "b", C, "M3", "c", 0L),
                BY_CATEGORY.apply(months("M3", "a", 0L, "M3", "b", 2L, "M3", "c", 0L), ELSEWHERE, false));
    }

    @Test
    void theOwnLaIsExactButPublicationProtectsItToo() {
        List<Map<String, Object>> rows = months("M1", "a", 12L, "M1", "b", 3L, "M1", "c", 6L);
        assertEquals(rows, BY_CATEGORY.apply(rows, Viewer.ofLa("B"), false));
        assertEquals(months("M1", "a", 12L, "M1", "b", C, "M1", "c", C, "M1", Suppression.REMAINDER, 9L),
                BY_CATEGORY.apply(rows, Viewer.ofLa("B"), true));
    }

    @Test
    void anAllRowIsTheTotalOfTheOthers() {
        // Foster placements by age at a quarter end, with the "All" row: 3 + 5 + 6 = 14. The 3 hides, then
        // the 5 (next smallest); 14 stays shown. Q2: 1 + 3 + 0 = 4, every non-zero cell small, All too.
        Suppression byAge = Suppression.counts("ifa").keys(List.of("quarter_end", "age_group"))
                .partition("age_group", "All", false);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object[] r : new Object[][] {{"Q1", "0-5", 3L}, {"Q1", "6-10", 5L}, {"Q1", "11+", 6L}, {"Q1", "All", 14L},
                {"Q2", "0-5", 1L}, {"Q2", "6-10", 3L}, {"Q2", "11+", 0L}, {"Q2", "All", 4L}}) {
            rows.add(row("la", "B", "quarter_end", r[0], "age_group", r[1], "ifa", r[2]));
        }
        List<Object> seen = byAge.apply(rows, ELSEWHERE, false).stream().map(r -> r.get("ifa")).toList();
        assertEquals(List.of(C, C, 6L, 14L, C, C, 0L, C), seen);
    }

    @Test
    void aTwoWayTableWithOneSmallCellHidesTheRectangle() {
        // Kind x sector, both ways adding up to known totals: fostering 10 | 2, homes 6 | 9. The 2 hides; its
        // row takes the 10 and its column the 9; then the in-house column (10 hidden, 6 shown) takes the 6.
        Suppression kindBySector = Suppression.counts("placements").keys(List.of("kind", "sector"))
                .partition("kind", null, false).partition("sector", null, false);
        List<Map<String, Object>> rows = List.of(
                row("la", "B", "kind", "fostering", "sector", "in_house", "placements", 10L),
                row("la", "B", "kind", "fostering", "sector", "agency", "placements", 2L),
                row("la", "B", "kind", "homes", "sector", "in_house", "placements", 6L),
                row("la", "B", "kind", "homes", "sector", "agency", "placements", 9L));
        assertEquals(List.of(C, C, C, C), kindBySector.apply(rows, ELSEWHERE, false).stream()
                .map(r -> r.get("placements")).toList());
    }

    @Test
    void countsOfARowAddingUpToAnotherProtectEachOtherAndWhatIsDerivedFromThem() {
        // 12 fee changes = 2 increases + 10 decreases: the 2 hides, so the 10 does (12 - 10 = 2); the average
        // change comes from the 12, which stays.
        Suppression changes = Suppression.counts("fee_changes", "increases", "decreases")
                .derived("avg_change_pct", "fee_changes").derived("decrease_share", "decreases")
                .keys(List.of("month_end")).sum("fee_changes", List.of("increases", "decreases"));
        List<Map<String, Object>> rows = List.of(row("la", "B", "month_end", "M1", "fee_changes", 12L,
                "increases", 2L, "decreases", 10L, "avg_change_pct", -1.5, "decrease_share", 83.3));
        assertEquals(List.of(row("la", "B", "month_end", "M1", "fee_changes", 12L, "increases", C, "decreases", C,
                "avg_change_pct", -1.5, "decrease_share", C)), changes.apply(rows, ELSEWHERE, false));
    }

    @Test
    void aTotalHiddenInAnotherFigureMakesOneCellHideHere() {
        // Section 20 children at 31 March by age, 5 + 7 = 12, add up to the legal-status figure's V2 count.
        // Shown there, nothing is small here, nothing hides. Hidden there ([c], protecting another status),
        // 5 + 7 would give it back: the 5 hides (and 7 with it), and no segment (its total is hidden).
        Suppression byAge = Suppression.counts("children").keys(List.of("month_end", "age_band"))
                .partition("age_band", null, true);
        List<Map<String, Object>> rows = List.of(row("la", "B", "month_end", "M3", "age_band", "10 to 15", "children", 7L),
                row("la", "B", "month_end", "M3", "age_band", "16 and over", "children", 5L));
        Function<Map<String, Object>, Object> shownThere = r -> 12L;
        Function<Map<String, Object>, Object> hiddenThere = r -> C;
        assertEquals(rows, byAge.apply(rows, ELSEWHERE, false, Map.of("age_band", shownThere)));
        List<Object> seen = byAge.apply(rows, ELSEWHERE, false, Map.of("age_band", hiddenThere)).stream()
                .map(r -> r.get("children")).toList();
        assertEquals(List.of(7L, C), seen, "one hidden cell and a hidden total: two unknowns, neither given away");
    }

    @Test
    void setsWhoseSumIsShownElsewhereAreProtectedAndACellShownElsewhereNeverHides() {
        // The KPI cards show each month's children with parents (one category) and in foster placements (the
        // foster categories). With parents 6, in-house fostering 3, IFA 8, agency homes 7 (24). The 3 hides;
        // within fostering (11, shown on the KPI card) the 8 must hide with it; the month's group then has
        // 3 + 8 = 11 hidden, enough. With parents, though the smallest, is never hidden to protect another:
        // its card shows it. The segment is 11.
        Suppression kpiSets = Suppression.counts("children").keys(List.of("month_end", "category"))
                .partition("category", null, true, List.of(List.of("with_parents"), List.of("foster_inhouse", "foster_ifa")));
        List<Map<String, Object>> rows = months("M1", "foster_ifa", 8L, "M1", "foster_inhouse", 3L,
                "M1", "home_agency", 7L, "M1", "with_parents", 6L);
        assertEquals(months("M1", "foster_ifa", C, "M1", "foster_inhouse", C, "M1", "home_agency", 7L,
                "M1", "with_parents", 6L, "M1", Suppression.REMAINDER, 11L), kpiSets.apply(rows, ELSEWHERE, false));
        // Without the sets, the smallest shown cell (with parents, 6) would hide: the card would give it back.
        assertEquals(months("M1", "foster_ifa", 8L, "M1", "foster_inhouse", C, "M1", "home_agency", 7L,
                "M1", "with_parents", C, "M1", Suppression.REMAINDER, 9L), BY_CATEGORY.apply(rows, ELSEWHERE, false));
    }

    @Test
    void withoutSecondarySuppressionTheSubtractionGivesTheCellBack() {
        // The same month as the first test under counts alone (§9 read literally): 41 - 12 - 6 - 20 = 3.
        List<Map<String, Object>> rows = months("M1", "a", 12L, "M1", "b", 3L, "M1", "c", 6L, "M1", "d", 20L);
        List<Map<String, Object>> seen = Suppression.counts("children").apply(rows, ELSEWHERE, false);
        long shown = seen.stream().map(r -> r.get("children")).filter(v -> v instanceof Long).mapToLong(v -> (Long) v).sum();
        assertEquals(3L, 41L - shown);
    }

    @Test
    void misdeclaredGroupsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Suppression.counts("n").keys(List.of("month_end"))
                .partition("category", null, false));
        assertThrows(IllegalArgumentException.class, () -> Suppression.counts("n", "m").sum("n", List.of("x")));
    }
}
