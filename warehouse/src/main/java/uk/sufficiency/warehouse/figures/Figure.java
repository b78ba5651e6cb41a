package uk.sufficiency.warehouse.figures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.sufficiency.warehouse.Suppression;
import uk.sufficiency.warehouse.Warehouse;

/**
 * One published table of aggregates: what the dashboard draws, the API returns and the downloads
 * hold, all from these rows. {@code sql} is the product's own parameter-free query over the views,
 * returning {@code la} and the declared columns; {@link #rows} binds the LA and the date range as
 * parameters and passes every row through {@link Suppression} for the reader, so nothing that
 * leaves by any route can differ or show a small number the reader may not see.
 */
public record Figure(String id, String title, String sql, List<FigureColumn> columns, String orderBy) {

    public Figure {
        columns = List.copyOf(columns);
        if (!id.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("A figure id is lower-case words joined by '-': " + id);
        }
        if (columns.stream().filter(FigureColumn::isPeriod).count() > 1) {
            throw new IllegalArgumentException(id + " has more than one period column");
        }
    }

    public Figure(String id, String title, String sql, List<FigureColumn> columns) {
        this(id, title, sql, columns, null);
    }

    /** The column the date range applies to, if the figure has one. */
    public Optional<FigureColumn> period() {
        return columns.stream().filter(FigureColumn::isPeriod).findFirst();
    }

    public List<String> columnNames() {
        return columns.stream().map(FigureColumn::name).toList();
    }

    /**
     * Counts hide 1 to 4; derived columns hide with the counts they come from (or every count when
     * none are named); along each additive dimension, and in each count that is a sum of others,
     * further cells hide so that no hidden one can be worked out from a total (docs/warehouse.md).
     */
    public Suppression suppression() {
        Suppression suppression = Suppression.counts(columns.stream()
                .filter(c -> c.role() == FigureColumn.Role.COUNT).map(FigureColumn::name).toList())
                .keys(columns.stream().filter(c -> c.isPeriod() || c.role() == FigureColumn.Role.DIMENSION)
                        .map(FigureColumn::name).toList());
        for (FigureColumn c : columns) {
            if (c.role() == FigureColumn.Role.DERIVED) {
                suppression = suppression.derived(c.name(), c.derivedFrom().toArray(String[]::new));
            } else if (c.role() == FigureColumn.Role.DIMENSION && c.adding().additive()) {
                suppression = suppression.partition(c.name(), c.adding().totalMember(), c.adding().remainder(),
                        c.adding().subtotals());
            } else if (!c.adding().sumOf().isEmpty()) {
                suppression = suppression.sum(c.name(), c.adding().sumOf());
            }
        }
        return suppression;
    }

    /**
     * For each dimension whose total is a cell of another figure: that cell as this reader sees it,
     * found for a row by the other figure's key columns this figure shares (the period).
     */
    private Map<String, Function<Map<String, Object>, Object>> totalsElsewhere(Warehouse warehouse,
                                                                               FigureRequest request) {
        Map<String, Function<Map<String, Object>, Object>> out = new LinkedHashMap<>();
        if (!request.forPublication() && request.viewer().seesExactly(request.la())) {
            return out; // nothing is hidden, so no total elsewhere matters
        }
        for (FigureColumn c : columns) {
            FigureColumn.Adding adding = c.adding();
            if (adding.totalFigure() == null) {
                continue;
            }
            Figure other = FigureCatalogue.get(adding.totalFigure());
            List<String> shared = other.columns().stream()
                    .filter(o -> o.isPeriod() && columnNames().contains(o.name())).map(FigureColumn::name).toList();
            List<Map<String, Object>> totals = other.rows(warehouse, request).stream()
                    .filter(r -> adding.totalWhereValue().equals(String.valueOf(r.get(adding.totalWhere())))).toList();
            out.put(c.name(), row -> totals.stream()
                    .filter(t -> shared.stream().allMatch(k -> String.valueOf(t.get(k)).equals(plainText(row.get(k)))))
                    .map(t -> t.get(adding.totalColumn())).findFirst().orElse(null));
        }
        return out;
    }

    private static String plainText(Object value) {
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        return String.valueOf(value);
    }

    /** The figure's rows for one request: the declared columns only, dates as ISO text, suppressed for the reader. */
    public List<Map<String, Object>> rows(Warehouse warehouse, FigureRequest request) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(request.la());
        StringBuilder where = new StringBuilder("la = ?");
        period().ifPresent(period -> {
            String asAt = period.role() == FigureColumn.Role.PERIOD_YEAR
                    ? "make_date(CAST(" + period.name() + " AS INTEGER), 3, 31)" : "CAST(" + period.name() + " AS DATE)";
            if (request.from() != null) {
                where.append(" AND ").append(asAt).append(" >= ?");
                parameters.add(request.from());
            }
            if (request.to() != null) {
                where.append(" AND ").append(asAt).append(" <= ?");
                parameters.add(request.to());
            }
        });
        String order = orderBy != null ? orderBy : columns.stream()
                .filter(c -> c.isPeriod() || c.role() == FigureColumn.Role.DIMENSION)
                .map(FigureColumn::name).collect(Collectors.joining(", "));
        String query = "SELECT la, " + String.join(", ", columnNames()) + " FROM (" + sql + ") AS figure WHERE " + where
                + (order.isEmpty() ? "" : " ORDER BY " + order);
        List<Map<String, Object>> suppressed = suppression().apply(warehouse.queryCached(query, parameters.toArray()),
                request.viewer(), request.forPublication(), totalsElsewhere(warehouse, request));
        return suppressed.stream().map(this::plain).toList();
    }

    /** The declared columns (the LA was asked for; rows need not repeat it), dates and decimals as JSON-ready values. */
    private Map<String, Object> plain(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String column : columnNames()) {
            Object value = row.get(column);
            if (value instanceof java.math.BigDecimal decimal) {
                value = decimal.doubleValue();
            } else if (value instanceof java.sql.Date date) {
                value = date.toLocalDate().toString();
            } else if (value instanceof LocalDate date) {
                value = date.toString();
            } else if (value != null && !(value instanceof Number || value instanceof String || value instanceof Boolean)) {
                value = value.toString();
            }
            out.put(column, value);
        }
        return out;
    }
}
