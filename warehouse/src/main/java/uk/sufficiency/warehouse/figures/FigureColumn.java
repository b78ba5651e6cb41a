package uk.sufficiency.warehouse.figures;

import java.util.List;

/**
 * One column of a {@link Figure}: its name in the rows, the heading readers see, and its role,
 * which decides how the column is filtered and suppressed (counting-rules §9). {@code adding} says
 * how the figure's counts add up along the column, for secondary suppression ({@link Adding}).
 */
public record FigureColumn(String name, String label, Role role, List<String> derivedFrom, Adding adding) {

    public enum Role {
        /** The date the row is as at (a month or quarter end); the date-range filter applies to it. */
        PERIOD_DATE,
        /** The collection year (ending 31 March) the row is for; filtered by its 31 March. */
        PERIOD_YEAR,
        /** What the row is broken down by (category, age band, reason...). */
        DIMENSION,
        /** A number of children (or of rows about children): 1 to 4 is suppressed for other LAs. */
        COUNT,
        /** A share, rate or status computed from counts of the same row: suppressed with them. */
        DERIVED,
        /** A figure that is not about this LA's children (a population, a published rate, a target). */
        MEASURE
    }

    /**
     * How counts add up along a column (secondary suppression, docs/warehouse.md). For a dimension:
     * whether the rows that differ only in it add up to a total a reader may know ({@code additive},
     * the cautious default; false for alternatives such as scenarios, or overlapping values such as
     * needs), the value whose row holds that total ({@code totalMember}, e.g. {@code All}), whether
     * a group's suppressed cells are published together as one row {@value
     * uk.sufficiency.warehouse.Suppression#REMAINDER} ({@code remainder}, for stacked charts), and
     * which other figure's cell holds the total ({@code totalFigure}, {@code totalColumn} in its row
     * where {@code totalWhere} = {@code totalWhereValue} and the period matches). For a count: the
     * counts of the same row it is the sum of ({@code sumOf}). {@code subtotals}: sets of a
     * dimension's values whose sum another figure shows (the KPIs' children in foster placements).
     */
    public record Adding(boolean additive, String totalMember, boolean remainder, String totalFigure,
                         String totalColumn, String totalWhere, String totalWhereValue, List<String> sumOf,
                         List<List<String>> subtotals) {
        static final Adding NONE = new Adding(false, null, false, null, null, null, null, List.of(), List.of());
        static final Adding ADDITIVE = new Adding(true, null, false, null, null, null, null, List.of(), List.of());

        public Adding {
            sumOf = List.copyOf(sumOf);
            subtotals = subtotals.stream().map(List::copyOf).toList();
        }
    }

    public FigureColumn {
        derivedFrom = List.copyOf(derivedFrom);
        if (adding == null) {
            adding = role == Role.DIMENSION ? Adding.ADDITIVE : Adding.NONE;
        }
    }

    public FigureColumn(String name, String label, Role role, List<String> derivedFrom) {
        this(name, label, role, derivedFrom, null);
    }

    public static FigureColumn periodDate(String name, String label) {
        return new FigureColumn(name, label, Role.PERIOD_DATE, List.of());
    }

    public static FigureColumn periodYear(String name, String label) {
        return new FigureColumn(name, label, Role.PERIOD_YEAR, List.of());
    }

    public static FigureColumn dimension(String name, String label) {
        return new FigureColumn(name, label, Role.DIMENSION, List.of());
    }

    public static FigureColumn count(String name, String label) {
        return new FigureColumn(name, label, Role.COUNT, List.of());
    }

    public static FigureColumn derived(String name, String label, String... fromCounts) {
        return new FigureColumn(name, label, Role.DERIVED, List.of(fromCounts));
    }

    public static FigureColumn measure(String name, String label) {
        return new FigureColumn(name, label, Role.MEASURE, List.of());
    }

    public boolean isPeriod() {
        return role == Role.PERIOD_DATE || role == Role.PERIOD_YEAR;
    }

    /** A dimension whose values are alternatives (scenarios, kinds of provision): its rows add up to nothing published. */
    public FigureColumn alternatives() {
        Adding a = dimensionAdding();
        return with(new Adding(false, null, false, null, null, null, null, a.sumOf(), List.of()));
    }

    /** A dimension whose row with this value holds the total of its other rows (an "All" row). */
    public FigureColumn totalMember(String value) {
        Adding a = dimensionAdding();
        return with(new Adding(true, value, a.remainder(), a.totalFigure(), a.totalColumn(), a.totalWhere(),
                a.totalWhereValue(), a.sumOf(), a.subtotals()));
    }

    /** A dimension drawn stacked: each group's suppressed cells are also published together, as one row. */
    public FigureColumn withRemainder() {
        Adding a = dimensionAdding();
        return with(new Adding(true, a.totalMember(), true, a.totalFigure(), a.totalColumn(), a.totalWhere(),
                a.totalWhereValue(), a.sumOf(), a.subtotals()));
    }

    /** A dimension whose rows add up to {@code column} of another figure's row where {@code where} = {@code value}. */
    public FigureColumn totalIn(String figure, String column, String where, String value) {
        Adding a = dimensionAdding();
        return with(new Adding(true, a.totalMember(), a.remainder(), figure, column, where, value, a.sumOf(),
                a.subtotals()));
    }

    /**
     * A dimension some of whose values' rows another figure shows summed (each set given): hidden cells
     * are protected within each set too, and a set of one value is never hidden to protect another.
     */
    public FigureColumn subtotals(List<List<String>> sets) {
        Adding a = dimensionAdding();
        List<List<String>> more = new java.util.ArrayList<>(a.subtotals());
        more.addAll(sets);
        return with(new Adding(true, a.totalMember(), a.remainder(), a.totalFigure(), a.totalColumn(), a.totalWhere(),
                a.totalWhereValue(), a.sumOf(), more));
    }

    /** A count that is the sum of other counts of the same row (fee changes = increases + decreases). */
    public FigureColumn sumOf(String... parts) {
        if (role != Role.COUNT) {
            throw new IllegalArgumentException(name + " is not a count, so it is the sum of no counts");
        }
        return with(new Adding(false, null, false, null, null, null, null, List.of(parts), List.of()));
    }

    private Adding dimensionAdding() {
        if (role != Role.DIMENSION) {
            throw new IllegalArgumentException(name + " is not a dimension");
        }
        return adding;
    }

    private FigureColumn with(Adding a) {
        return new FigureColumn(name, label, role, derivedFrom, a);
    }
}
