package uk.sufficiency.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import uk.sufficiency.warehouse.figures.Figure;
import uk.sufficiency.warehouse.figures.FigureColumn;

/**
 * One chart as chart.jte shows it: a heading that says what is counted, for whom and as at when; the
 * chart (drawn by app.js from the JSON endpoint); the same rows as a plain table; and the downloads.
 * The table is in the page so the figures read without JavaScript and to a screen reader.
 */
final class ChartPanel {
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Tables longer than this start closed (their summary says how long). */
    static final int OPEN_ROWS = 25;

    private ChartPanel() {
    }

    /** "What is counted: LA, from … to …", from the rows themselves. */
    static String title(Figure figure, String la, List<Map<String, Object>> rows) {
        return title(figure.title(), figure, la, rows);
    }

    static String title(String what, Figure figure, String la, List<Map<String, Object>> rows) {
        String when = figure.period().map(period -> {
            List<String> values = rows.stream().map(r -> r.get(period.name())).filter(Objects::nonNull)
                    .map(Object::toString).sorted().toList();
            if (values.isEmpty()) {
                return "";
            }
            String first = values.get(0);
            String last = values.get(values.size() - 1);
            if (period.role() == FigureColumn.Role.PERIOD_YEAR) {
                return first.equals(last) ? ", year to 31 March " + first : ", years to 31 March " + first + " to " + last;
            }
            return first.equals(last) ? ", at " + longDate(first) : ", " + longDate(first) + " to " + longDate(last);
        }).orElse("");
        return what + ": " + la + when;
    }

    private static String longDate(String iso) {
        return LocalDate.parse(iso).format(LONG_DATE);
    }

    /**
     * What chart.jte shows of one chart: {@code drawn} is null when there is no chart to draw; the
     * links are {@code api} plus its format and {@code query} (or {@code publication}); {@code table} is
     * null when no row is shown.
     */
    record View(String id, String heading, String summary, String note, Drawn drawn, boolean open, String rowCount,
                Table table, String api, String query, String publication) implements Panel {
    }

    /** The chart itself: drawn by app.js from {@code src}, with {@code spec} (JSON) saying how. */
    record Drawn(String src, String spec, String pngFile) {
    }

    /** {@code query} is the page's own query string (la, from, to), already URL-encoded. */
    static View view(Chart chart, String la, String query, List<Map<String, Object>> rows) {
        Figure figure = chart.figure();
        String api = "/api/" + figure.id();
        String q = query.isEmpty() ? "" : "?" + query;
        String publication = "?" + (query.isEmpty() ? "" : query + "&") + "publication=true";
        List<Map<String, Object>> shown = chart.drawing() == null ? rows
                : rows.stream().filter(chart.drawing()::keeps).toList();
        Drawn drawn = chart.drawing() == null || shown.isEmpty() ? null
                : new Drawn(api + q, spec(chart), figure.id() + ".png");
        String summary = shown.isEmpty() ? null : chart.summary().apply(shown);
        return new View(chart.anchor(), title(chart.title(), figure, la, shown), summary, chart.note(), drawn,
                openTable(chart, shown), shown.size() > OPEN_ROWS ? " (" + shown.size() + " rows)" : "",
                table(chart, shown), api, q, publication);
    }

    /** A figure with no chart shows its table open, unless the table is long enough to bury the page's charts. */
    private static boolean openTable(Chart chart, List<Map<String, Object>> rows) {
        return rows.isEmpty() || chart.drawing() == null && rows.size() <= OPEN_ROWS;
    }

    private static String spec(Chart chart) {
        Map<String, String> labels = new LinkedHashMap<>();
        chart.figure().columns().forEach(c -> labels.put(c.name(), c.label()));
        try {
            return JSON.writeValueAsString(chart.drawing().spec(labels));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Pivoted (one row per x, one column per series) for a simple breakdown; else as the rows are. */
    static Table table(Chart chart, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return null;
        }
        Drawing drawing = chart.drawing();
        Figure figure = chart.figure();
        // Pivoted only when that is all the figure holds (date, category, count); otherwise every column shows.
        if (drawing != null && drawing.series() != null && figure.columns().size() == 3) {
            String x = drawing.x();
            String value = drawing.values().get(0);
            List<String> series = SeriesLabels.inOrder(drawing.series(),
                    rows.stream().map(r -> String.valueOf(r.get(drawing.series()))).toList());
            Map<String, Map<String, Object>> byX = new LinkedHashMap<>();
            for (Map<String, Object> row : rows) {
                byX.computeIfAbsent(String.valueOf(row.get(x)), k -> new LinkedHashMap<>())
                        .put(String.valueOf(row.get(drawing.series())), row.get(value));
            }
            List<String> headings = new ArrayList<>();
            headings.add(label(figure, x));
            series.forEach(s -> headings.add(SeriesLabels.label(drawing.series(), s)));
            List<List<String>> body = new ArrayList<>();
            byX.forEach((xValue, cells) -> {
                List<String> line = new ArrayList<>();
                line.add(period(xValue));
                // A breakdown has no row for a cell with no children: that is a count of 0.
                series.forEach(s -> line.add(display(cells.getOrDefault(s, 0))));
                body.add(line);
            });
            return new Table(label(figure, value) + " by " + label(figure, drawing.series()).toLowerCase(Locale.UK),
                    headings, body);
        }
        List<FigureColumn> columns = figure.columns();
        // Codes along the chart's x are named as the chart names them (the needs chart's self_harm is "Self-harm").
        String named = drawing != null && !SeriesLabels.codes(drawing.x()).isEmpty() ? drawing.x() : null;
        List<List<String>> body = rows.stream()
                .map(row -> columns.stream().map(c -> c.isPeriod() ? period(String.valueOf(row.get(c.name())))
                        : c.name().equals(named) ? SeriesLabels.label(named, row.get(named))
                        : display(row.get(c.name()))).toList()).toList();
        return new Table(figure.title(), columns.stream().map(FigureColumn::label).toList(), body);
    }

    private static String label(Figure figure, String column) {
        return figure.columns().stream().filter(c -> c.name().equals(column)).map(FigureColumn::label)
                .findFirst().orElse(column);
    }

    /** A month or quarter end as readers write it (31 Mar 2022); a year as it is. */
    static String period(String value) {
        return value.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(value).format(SHORT_DATE) : value;
    }

    /** Numbers with thousands separators; ISO dates, [c] and text as they are (the template escapes them). */
    static String display(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            return String.format(Locale.UK, "%,.1f", ((Number) value).doubleValue());
        }
        if (value instanceof Number n) {
            return String.format(Locale.UK, "%,d", n.longValue());
        }
        return value.toString();
    }
}
