package uk.sufficiency.warehouse.figures;

import java.util.List;

/**
 * One column of a {@link Figure}: its name in the rows, the heading readers see, and its role,
 * which decides how the column is filtered and suppressed (counting-rules §9).
 */
public record FigureColumn(String name, String label, Role role, List<String> derivedFrom) {

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
}
