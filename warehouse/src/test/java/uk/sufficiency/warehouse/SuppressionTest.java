package uk.sufficiency.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuppressionTest {
    private static final String C = Suppression.MARKER;

    /** cla_year's counts, and the rate computed from the 31 March count only. */
    private static final Suppression YEAR = Suppression.counts("looked_after_31_march", "started", "ceased")
            .derived("rate_per_10000", "looked_after_31_march");

    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    private static Map<String, Object> month(String la, Object children) {
        return row("la", la, "month_end", "2022-03-31", "category", "foster_ifa", "children", children);
    }

    @Test
    void countsOfOneToFourAreSuppressedZeroAndFiveAreNot() {
        List<Map<String, Object>> rows = List.of(month("B", 0L), month("B", 1L), month("B", 2L), month("B", 3L),
                month("B", 4L), month("B", 5L), month("B", 12L), month("B", null));
        List<Map<String, Object>> seen = Suppression.counts("children").apply(rows, Viewer.ofLa("A"), false);
        assertEquals(List.of(0L, C, C, C, C, 5L, 12L), seen.stream().limit(7).map(r -> r.get("children")).toList());
        assertEquals(null, seen.get(7).get("children"), "no figure stays no figure");
        // Everything else in the row is untouched, in the same column order.
        assertEquals(List.of("la", "month_end", "category", "children"), List.copyOf(seen.get(1).keySet()));
        assertEquals("foster_ifa", seen.get(1).get("category"));
    }

    @Test
    void anyNumericTypeIsRecognised() {
        for (Object small : new Object[] {1, 4L, (short) 2, 3.0, new BigDecimal("4"), new BigDecimal("0.5"), "3"}) {
            assertTrue(Suppression.isSmall(small), String.valueOf(small));
        }
        for (Object notSmall : new Object[] {0, 0L, 5, 5.0, new BigDecimal("5.00"), -1, null, "", "[c]", "five",
                Double.NaN, Boolean.TRUE}) {
            assertFalse(Suppression.isSmall(notSmall), String.valueOf(notSmall));
        }
    }

    @Test
    void aRateFromASuppressedCountIsSuppressedOneFromAnExactCountIsNot() {
        // B, 2022: 3 looked after at 31 March (suppressed), so its rate 3 / 2,000 x 10,000 = 15.0 is too;
        // 7 started is exact; 0 ceased is exact; the population is not a count of children.
        // B, 2023: 9 looked after, rate 45.0, both exact, although started (2) and ceased (4) are suppressed.
        List<Map<String, Object>> rows = List.of(
                row("la", "B", "year", 2022, "looked_after_31_march", 3L, "started", 7L, "ceased", 0L,
                        "population_0_17", 2000L, "rate_per_10000", new BigDecimal("15.0")),
                row("la", "B", "year", 2023, "looked_after_31_march", 9L, "started", 2L, "ceased", 4L,
                        "population_0_17", 2000L, "rate_per_10000", new BigDecimal("45.0")));
        List<Map<String, Object>> seen = YEAR.apply(rows, Viewer.ofLa("A"), false);
        assertEquals(row("la", "B", "year", 2022, "looked_after_31_march", C, "started", 7L, "ceased", 0L,
                "population_0_17", 2000L, "rate_per_10000", C), seen.get(0));
        assertEquals(row("la", "B", "year", 2023, "looked_after_31_march", 9L, "started", C, "ceased", C,
                "population_0_17", 2000L, "rate_per_10000", new BigDecimal("45.0")), seen.get(1));
    }

    @Test
    void aMissingRateStaysMissing() {
        List<Map<String, Object>> rows = List.of(row("la", "B", "looked_after_31_march", 2L, "started", 0L,
                "ceased", 0L, "rate_per_10000", null));
        assertEquals(row("la", "B", "looked_after_31_march", C, "started", 0L, "ceased", 0L, "rate_per_10000", null),
                YEAR.apply(rows, Viewer.ofLa("A"), false).get(0));
    }

    @Test
    void aDerivedColumnWithoutNamedSourcesDependsOnEveryCount() {
        // Share of in-house foster placements: 3 of 20 -> 15.0%. The 3 is suppressed, so the share is too.
        Suppression share = Suppression.counts("inhouse", "all").derived("inhouse_share");
        List<Map<String, Object>> rows = List.of(
                row("la", "B", "inhouse", 3L, "all", 20L, "inhouse_share", 15.0),
                row("la", "B", "inhouse", 10L, "all", 20L, "inhouse_share", 50.0));
        List<Map<String, Object>> seen = share.apply(rows, Viewer.ofLa("A"), false);
        assertEquals(row("la", "B", "inhouse", C, "all", 20L, "inhouse_share", C), seen.get(0));
        assertEquals(row("la", "B", "inhouse", 10L, "all", 20L, "inhouse_share", 50.0), seen.get(1));
        // The static form reads every derived column that cautious way.
        assertEquals(seen, Suppression.apply(rows, Viewer.ofLa("A"), false, List.of("inhouse", "all"),
                List.of("inhouse_share")));
    }

    @Test
    void aCountAlreadyMarkedSuppressesWhatIsDerivedFromIt() {
        List<Map<String, Object>> rows = List.of(row("la", "B", "looked_after_31_march", C, "started", 9L,
                "ceased", 9L, "rate_per_10000", 12.5));
        assertEquals(C, YEAR.apply(rows, Viewer.ofLa("A"), false).get(0).get("rate_per_10000"));
    }

    @Test
    void theViewersOwnLaIsExactOthersAreSuppressed() {
        List<Map<String, Object>> rows = List.of(month("A", 2L), month("B", 2L), month("A", 7L), month("B", 7L));
        Suppression children = Suppression.counts("children");
        assertEquals(List.of(2L, C, 7L, 7L), children.apply(rows, Viewer.ofLa("A"), false).stream()
                .map(r -> r.get("children")).toList());
        assertEquals(List.of(C, 2L, 7L, 7L), children.apply(rows, Viewer.ofLa("B"), false).stream()
                .map(r -> r.get("children")).toList());
        // The LA must match exactly as the warehouse holds it.
        assertEquals(List.of(C, C, 7L, 7L), children.apply(rows, Viewer.ofLa("a"), false).stream()
                .map(r -> r.get("children")).toList());
    }

    @Test
    void aRegionalAnalystSeesEveryLaExactly() {
        List<Map<String, Object>> rows = List.of(month("A", 2L), month("B", 3L), month("C", 4L));
        assertEquals(List.of(2L, 3L, 4L), Suppression.counts("children").apply(rows, Viewer.allLas(), false).stream()
                .map(r -> r.get("children")).toList());
    }

    @Test
    void publicationSuppressesEverywhereEvenForTheOwnLaAndTheRegion() {
        List<Map<String, Object>> rows = List.of(month("A", 2L), month("B", 3L), month("A", 5L), month("B", 0L));
        for (Viewer viewer : List.of(Viewer.ofLa("A"), Viewer.allLas())) {
            assertEquals(List.of(C, C, 5L, 0L), Suppression.counts("children").apply(rows, viewer, true).stream()
                    .map(r -> r.get("children")).toList(), viewer.toString());
        }
    }

    @Test
    void aRowWithoutAnLaIsNobodysOwn() {
        Map<String, Object> noLa = new HashMap<>(Map.of("children", 3L));
        assertEquals(C, Suppression.counts("children").apply(List.of(noLa), Viewer.ofLa("A"), false).get(0)
                .get("children"));
        assertEquals(3L, Suppression.counts("children").apply(List.of(noLa), Viewer.allLas(), false).get(0)
                .get("children"));
    }

    @Test
    void theInputRowsAreNotChanged() {
        Map<String, Object> original = month("B", 2L);
        Suppression.counts("children").apply(List.of(original), Viewer.ofLa("A"), false);
        assertEquals(2L, original.get("children"));
    }

    @Test
    void misdeclaredColumnsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Suppression.counts("la"));
        assertThrows(IllegalArgumentException.class, () -> Suppression.counts("n").derived("rate", "m"));
        assertThrows(IllegalArgumentException.class, () -> Suppression.counts("n").derived("n"));
    }

    @Test
    void viewers() {
        assertTrue(Viewer.allLas().seesAllLas());
        assertTrue(Viewer.allLas().seesExactly("Anywhere"));
        assertTrue(Viewer.ofLa("Lancashire").seesExactly("Lancashire"));
        assertFalse(Viewer.ofLa("Lancashire").seesExactly("Blackpool"));
        assertFalse(Viewer.ofLa("Lancashire").seesExactly(null));
        assertEquals("Lancashire", Viewer.ofLa("Lancashire").ownLa().orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> Viewer.ofLa(" "));
    }
}
