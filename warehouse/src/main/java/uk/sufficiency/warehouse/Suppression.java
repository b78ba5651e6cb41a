package uk.sufficiency.warehouse;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Small-number suppression, counting-rules §9: the one place that decides which figures leave the
 * warehouse as {@value #MARKER} (DfE's suppression marker). Raw facts and views keep true values;
 * whatever hands figures to a person (dashboard pages, JSON, CSV, exports) passes its aggregate rows
 * through {@link #apply} first.
 *
 * <p>In a row whose {@code la} is not the viewer's own (or in every row, for an export marked for
 * publication), a count of 1 to 4 becomes {@value #MARKER}, and so does every share or rate the
 * row computes from a count suppressed in it. Zero is not suppressed (it identifies nobody), nor is
 * a null (no figure). To be safe with any numeric type, "1 to 4" is taken as "above 0 and below 5".
 *
 * <p><b>Secondary suppression is not applied yet.</b> §9 is followed literally: only the small
 * cells themselves and the shares and rates computed from them are hidden. Where a breakdown's
 * other cells and its total are both shown, a suppressed cell can still be worked out by
 * subtraction (for example a month's categories against the 31 March total). Hiding a further cell
 * or the total in that case is future work, recorded in docs/dashboard.md.
 *
 * <p>Instances are immutable: {@code Suppression.counts("children").derived("share", "children")}.
 */
public final class Suppression {
    /** What a suppressed figure is shown as. */
    public static final String MARKER = "[c]";
    /** The column naming whose figures a row holds. */
    public static final String LA_COLUMN = "la";

    private static final BigDecimal FIVE = BigDecimal.valueOf(5);

    private final List<String> counts;
    /** Derived column, in order, to the counts it is computed from. */
    private final Map<String, Set<String>> derived;

    private Suppression(List<String> counts, Map<String, Set<String>> derived) {
        this.counts = counts;
        this.derived = derived;
    }

    /** Suppression of the given count columns (numbers of children) and nothing derived from them yet. */
    public static Suppression counts(String... countColumns) {
        return counts(List.of(countColumns));
    }

    public static Suppression counts(Collection<String> countColumns) {
        List<String> counts = List.copyOf(new LinkedHashSet<>(countColumns));
        if (counts.contains(LA_COLUMN)) {
            throw new IllegalArgumentException("'" + LA_COLUMN + "' names the LA; it is not a count");
        }
        return new Suppression(counts, Map.of());
    }

    /**
     * Also suppresses {@code column}, a share or rate computed from the named counts of the same
     * row, wherever any of them is suppressed. With no counts named it is taken to depend on every
     * count of the row, the cautious reading.
     */
    public Suppression derived(String column, String... fromCounts) {
        Set<String> sources = new LinkedHashSet<>(fromCounts.length == 0 ? counts : List.of(fromCounts));
        for (String source : sources) {
            if (!counts.contains(source)) {
                throw new IllegalArgumentException("'" + column + "' is derived from '" + source
                        + "', which is not one of the counts " + counts);
            }
        }
        if (counts.contains(column) || column.equals(LA_COLUMN)) {
            throw new IllegalArgumentException("'" + column + "' cannot be both a count and derived");
        }
        Map<String, Set<String>> more = new LinkedHashMap<>(derived);
        more.put(column, Set.copyOf(sources));
        return new Suppression(counts, Map.copyOf(more));
    }

    /** The count columns, in the order given. */
    public List<String> countColumns() {
        return counts;
    }

    /** The derived columns and the counts each is computed from. */
    public Map<String, Set<String>> derivedColumns() {
        return derived;
    }

    /**
     * The rows as {@code viewer} may see them: copies (the input is not changed), in the same order
     * with the same columns, where rows not of the viewer's own LA (every row when
     * {@code forPublication}) have their counts of 1 to 4, and shares and rates computed from
     * those counts, replaced by {@value #MARKER}. A row without an {@code la} is nobody's own.
     */
    public List<Map<String, Object>> apply(List<Map<String, Object>> rows, Viewer viewer, boolean forPublication) {
        List<Map<String, Object>> out = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            Object la = row.get(LA_COLUMN);
            boolean exact = !forPublication && viewer.seesExactly(la == null ? null : la.toString());
            out.add(exact ? new LinkedHashMap<>(row) : suppressRow(row));
        }
        return out;
    }

    /** Convenience for one-off use: the same as {@code counts(countColumns)}, each derived column from every count. */
    public static List<Map<String, Object>> apply(List<Map<String, Object>> rows, Viewer viewer, boolean forPublication,
                                                  Collection<String> countColumns, Collection<String> derivedColumns) {
        Suppression suppression = counts(countColumns);
        for (String column : derivedColumns) {
            suppression = suppression.derived(column);
        }
        return suppression.apply(rows, viewer, forPublication);
    }

    private Map<String, Object> suppressRow(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>(row);
        Set<String> suppressed = new LinkedHashSet<>();
        for (String column : counts) {
            Object value = row.get(column);
            if (isSuppressed(value)) {
                suppressed.add(column); // already suppressed upstream: what is derived from it must be too
            } else if (isSmall(value)) {
                out.put(column, MARKER);
                suppressed.add(column);
            }
        }
        derived.forEach((column, sources) -> {
            if (row.containsKey(column) && row.get(column) != null
                    && sources.stream().anyMatch(suppressed::contains)) {
                out.put(column, MARKER);
            }
        });
        return out;
    }

    /** Whether a count is one §9 hides: a number above 0 and below 5 (so 1, 2, 3 and 4), or numeric text of one. */
    public static boolean isSmall(Object count) {
        BigDecimal value = numeric(count);
        return value != null && value.signum() > 0 && value.compareTo(FIVE) < 0;
    }

    /** Whether a value is the suppression marker. */
    public static boolean isSuppressed(Object value) {
        return MARKER.equals(value);
    }

    private static BigDecimal numeric(Object value) {
        if (value instanceof Number || value instanceof CharSequence) {
            try {
                return new BigDecimal(value.toString().strip());
            } catch (NumberFormatException notANumber) { // NaN, infinity, text
                return null;
            }
        }
        return null;
    }
}
