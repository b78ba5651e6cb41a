package uk.sufficiency.warehouse;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

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
 * <p><b>Secondary suppression.</b> Where a table's cells add up to a total a reader knows (declared
 * with {@link #keys}, {@link #partition} and {@link #sum}), a hidden cell could be worked out by
 * subtracting the shown ones from the total. So, in rows the reader does not see exactly, further
 * cells are hidden by {@link SecondarySuppression} until no group of cells adding up to a shown
 * total has exactly one hidden cell, or hidden cells holding fewer than 5 together; a partition
 * marked for it also gets, per group, one row {@value #REMAINDER} holding the hidden cells' sum, so
 * a stacked bar's total stays true (only when the total is shown and the sum is 5 or more).
 *
 * <p>Instances are immutable: {@code Suppression.counts("children").derived("share", "children")}.
 */
public final class Suppression {
    /** What a suppressed figure is shown as. */
    public static final String MARKER = "[c]";
    /** The column naming whose figures a row holds. */
    public static final String LA_COLUMN = "la";

    /** The dimension value of a row holding the sum of a group's hidden cells. */
    public static final String REMAINDER = "suppressed";

    private static final BigDecimal FIVE = BigDecimal.valueOf(5);

    /**
     * A dimension whose rows (those alike in every other key column) add up to a total: the row
     * whose value is {@code totalMember} when there is one, else a total published elsewhere or
     * taken as known. With {@code remainder}, each group gets a {@value #REMAINDER} row. Each of
     * {@code subtotals} is a set of the dimension's values whose rows' sum is shown elsewhere.
     */
    public record Partition(String dimension, String totalMember, boolean remainder, List<List<String>> subtotals) {
        public Partition {
            subtotals = subtotals.stream().map(List::copyOf).toList();
        }
    }

    private final List<String> counts;
    /** Derived column, in order, to the counts it is computed from. */
    private final Map<String, Set<String>> derived;
    /** The columns besides {@code la} that say what a row is (period and dimensions). */
    private final List<String> keys;
    private final List<Partition> partitions;
    /** A count column to the counts of the same row it is the sum of. */
    private final Map<String, List<String>> sums;

    private Suppression(List<String> counts, Map<String, Set<String>> derived, List<String> keys,
                        List<Partition> partitions, Map<String, List<String>> sums) {
        this.counts = counts;
        this.derived = derived;
        this.keys = keys;
        this.partitions = partitions;
        this.sums = sums;
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
        return new Suppression(counts, Map.of(), List.of(), List.of(), Map.of());
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
        return new Suppression(counts, Map.copyOf(more), keys, partitions, sums);
    }

    /** The columns besides {@code la} that identify a row: its period and dimensions. */
    public Suppression keys(Collection<String> keyColumns) {
        return new Suppression(counts, derived, List.copyOf(keyColumns), partitions, sums);
    }

    /** Also protects the hidden cells of groups adding up along {@code dimension}, one of the keys. */
    public Suppression partition(String dimension, String totalMember, boolean remainder) {
        return partition(dimension, totalMember, remainder, List.of());
    }

    /** As {@link #partition(String, String, boolean)}, where the sum of each set of values is also shown elsewhere. */
    public Suppression partition(String dimension, String totalMember, boolean remainder, List<List<String>> subtotals) {
        if (!keys.contains(dimension)) {
            throw new IllegalArgumentException("'" + dimension + "' is not one of the keys " + keys);
        }
        List<Partition> more = new ArrayList<>(partitions);
        more.add(new Partition(dimension, totalMember, remainder, subtotals));
        return new Suppression(counts, derived, keys, List.copyOf(more), sums);
    }

    /** Also protects the hidden cells of {@code parts}, counts of a row adding up to its count {@code total}. */
    public Suppression sum(String total, List<String> parts) {
        if (!counts.contains(total) || !counts.containsAll(parts)) {
            throw new IllegalArgumentException(total + " = " + parts + " is not a sum of the counts " + counts);
        }
        Map<String, List<String>> more = new LinkedHashMap<>(sums);
        more.put(total, List.copyOf(parts));
        return new Suppression(counts, derived, keys, partitions, Map.copyOf(more));
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
        return apply(rows, viewer, forPublication, Map.of());
    }

    /**
     * As {@link #apply(List, Viewer, boolean)}, where the groups along a partition's dimension add up
     * to a figure published elsewhere: {@code totalsElsewhere} gives, for a row of the group, that
     * total as the reader sees it ({@value #MARKER} when hidden there, so a cell here must hide too).
     */
    public List<Map<String, Object>> apply(List<Map<String, Object>> rows, Viewer viewer, boolean forPublication,
                                           Map<String, Function<Map<String, Object>, Object>> totalsElsewhere) {
        List<Map<String, Object>> out = new ArrayList<>(rows.size());
        List<Integer> hidden = new ArrayList<>(); // the rows suppressed for this reader
        for (Map<String, Object> row : rows) {
            Object la = row.get(LA_COLUMN);
            boolean exact = !forPublication && viewer.seesExactly(la == null ? null : la.toString());
            if (!exact) {
                hidden.add(out.size());
            }
            out.add(exact ? new LinkedHashMap<>(row) : hideSmall(row));
        }
        if (hidden.isEmpty() || (partitions.isEmpty() && sums.isEmpty())) {
            hidden.forEach(i -> hideDerived(out.get(i)));
            return out;
        }
        SecondarySuppression secondary = new SecondarySuppression(rows, out);
        Map<Partition, Map<List<String>, Map<String, SecondarySuppression.Group>>> byPartition = new LinkedHashMap<>();
        List<SecondarySuppression.Group> groups = new ArrayList<>();
        for (Partition partition : partitions) {
            Map<List<String>, Map<String, SecondarySuppression.Group>> byKey = groups(rows, hidden, partition,
                    totalsElsewhere.get(partition.dimension()));
            groups.addAll(subtotalGroups(rows, hidden, partition)); // the narrower sets first: fewer cells hide
            byKey.values().forEach(g -> groups.addAll(g.values()));
            byPartition.put(partition, byKey);
        }
        sums.forEach((total, parts) -> hidden.forEach(i -> groups.add(new SecondarySuppression.Group(
                parts.stream().map(part -> new SecondarySuppression.Cell(i, part)).toList(),
                new SecondarySuppression.Cell(i, total), false, false))));
        secondary.apply(groups);
        hidden.forEach(i -> hideDerived(out.get(i)));
        return withRemainders(out, secondary, byPartition);
    }

    /** The groups of the hidden rows along a partition, by their other keys, one per count column. */
    private Map<List<String>, Map<String, SecondarySuppression.Group>> groups(
            List<Map<String, Object>> rows, List<Integer> hidden, Partition partition,
            Function<Map<String, Object>, Object> totalElsewhere) {
        Map<List<String>, List<Integer>> members = new LinkedHashMap<>();
        for (int i : hidden) {
            members.computeIfAbsent(groupKey(rows.get(i), partition), k -> new ArrayList<>()).add(i);
        }
        Map<List<String>, Map<String, SecondarySuppression.Group>> out = new LinkedHashMap<>();
        members.forEach((key, indexes) -> {
            Integer totalRow = indexes.stream().filter(i -> partition.totalMember() != null
                    && partition.totalMember().equals(String.valueOf(rows.get(i).get(partition.dimension()))))
                    .findFirst().orElse(null);
            List<Integer> parts = indexes.stream().filter(i -> !i.equals(totalRow)).toList();
            boolean hiddenElsewhere = totalRow == null && totalElsewhere != null && !parts.isEmpty()
                    && isSuppressed(totalElsewhere.apply(rows.get(parts.get(0))));
            Map<String, SecondarySuppression.Group> byCount = new LinkedHashMap<>();
            for (String count : counts) {
                byCount.put(count, new SecondarySuppression.Group(
                        parts.stream().map(i -> new SecondarySuppression.Cell(i, count)).toList(),
                        totalRow == null ? null : new SecondarySuppression.Cell(totalRow, count), hiddenElsewhere,
                        false));
            }
            out.put(key, byCount);
        });
        return out;
    }

    /** For each subtotal set and group: its rows' cells, for each count, adding up to a total shown elsewhere. */
    private List<SecondarySuppression.Group> subtotalGroups(List<Map<String, Object>> rows, List<Integer> hidden,
                                                            Partition partition) {
        List<SecondarySuppression.Group> out = new ArrayList<>();
        for (List<String> set : partition.subtotals()) {
            Map<List<String>, List<Integer>> members = new LinkedHashMap<>();
            for (int i : hidden) {
                if (set.contains(String.valueOf(rows.get(i).get(partition.dimension())))) {
                    members.computeIfAbsent(groupKey(rows.get(i), partition), k -> new ArrayList<>()).add(i);
                }
            }
            members.values().forEach(indexes -> counts.forEach(count -> out.add(new SecondarySuppression.Group(
                    indexes.stream().map(i -> new SecondarySuppression.Cell(i, count)).toList(), null, false, true))));
        }
        return out;
    }

    /** The LA and every key but the partition's own: what the rows of one group share. */
    private List<String> groupKey(Map<String, Object> row, Partition partition) {
        List<String> key = new ArrayList<>();
        key.add(String.valueOf(row.get(LA_COLUMN)));
        keys.stream().filter(k -> !k.equals(partition.dimension())).forEach(k -> key.add(String.valueOf(row.get(k))));
        return key;
    }

    /**
     * After each group of a remainder partition, a row {@value #REMAINDER} holding the sum of each
     * count's hidden cells, where that sum may be shown: its total is shown and it is 5 or more
     * (so 0 where none is hidden, {@value #MARKER} where it may not be shown). Other columns are null.
     */
    private List<Map<String, Object>> withRemainders(List<Map<String, Object>> out, SecondarySuppression secondary,
            Map<Partition, Map<List<String>, Map<String, SecondarySuppression.Group>>> byPartition) {
        Map<Integer, List<Map<String, Object>>> after = new LinkedHashMap<>();
        byPartition.forEach((partition, byKey) -> {
            if (!partition.remainder()) {
                return;
            }
            byKey.values().forEach(byCount -> {
                Map<String, Object> remainder = new LinkedHashMap<>();
                boolean shown = false;
                int last = -1;
                for (Map.Entry<String, SecondarySuppression.Group> entry : byCount.entrySet()) {
                    SecondarySuppression.Group group = entry.getValue();
                    boolean anyHidden = group.parts().stream().anyMatch(secondary::isHidden);
                    BigDecimal sum = secondary.hiddenSum(group);
                    Object value = !anyHidden ? (Object) 0L
                            : secondary.totalHidden(group) || sum.compareTo(FIVE) < 0 ? MARKER : plainNumber(sum);
                    shown |= anyHidden && !MARKER.equals(value);
                    remainder.put(entry.getKey(), value);
                    for (SecondarySuppression.Cell cell : group.parts()) {
                        last = Math.max(last, cell.row());
                    }
                }
                if (shown) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    out.get(last).forEach((column, v) -> row.put(column, column.equals(LA_COLUMN)
                            || (keys.contains(column) && !column.equals(partition.dimension())) ? v : null));
                    row.put(partition.dimension(), REMAINDER);
                    row.putAll(remainder);
                    after.computeIfAbsent(last, k -> new ArrayList<>()).add(row);
                }
            });
        });
        if (after.isEmpty()) {
            return out;
        }
        List<Map<String, Object>> withRemainders = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            withRemainders.add(out.get(i));
            withRemainders.addAll(after.getOrDefault(i, List.of()));
        }
        return withRemainders;
    }

    private static Object plainNumber(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() <= 0 ? (Object) stripped.longValueExact() : stripped;
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

    /** A copy of the row with its counts of 1 to 4 hidden. */
    private Map<String, Object> hideSmall(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>(row);
        for (String column : counts) {
            if (isSmall(row.get(column))) {
                out.put(column, MARKER);
            }
        }
        return out;
    }

    /** Hides, in place, each derived value computed from a count hidden in the row (here or upstream). */
    private void hideDerived(Map<String, Object> row) {
        Set<String> hidden = new LinkedHashSet<>();
        for (String column : counts) {
            if (isSuppressed(row.get(column))) {
                hidden.add(column);
            }
        }
        derived.forEach((column, sources) -> {
            if (row.containsKey(column) && row.get(column) != null && sources.stream().anyMatch(hidden::contains)) {
                row.put(column, MARKER);
            }
        });
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

    static BigDecimal numeric(Object value) {
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
