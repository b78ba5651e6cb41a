package uk.sufficiency.dashboard;

import static uk.sufficiency.dashboard.DashboardPage.escape;

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
import java.util.stream.Collectors;
import uk.sufficiency.warehouse.figures.Figure;
import uk.sufficiency.warehouse.figures.FigureColumn;

/**
 * The HTML of one chart: a heading that says what is counted, for whom and as at when; the chart
 * (drawn by app.js from the JSON endpoint); the same rows as a plain table; and the downloads.
 * The table is rendered here so the figures read without JavaScript and to a screen reader.
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

    /** {@code query} is the page's own query string (la, from, to), already URL-encoded. */
    static String render(Chart chart, String la, String query, List<Map<String, Object>> rows) {
        Figure figure = chart.figure();
        String id = escape(chart.anchor());
        String api = "/api/" + figure.id();
        String q = query.isEmpty() ? "" : "?" + query;
        String publication = "?" + (query.isEmpty() ? "" : query + "&") + "publication=true";
        List<Map<String, Object>> shown = chart.drawing() == null ? rows
                : rows.stream().filter(chart.drawing()::keeps).toList();
        String chartDiv = chart.drawing() == null || shown.isEmpty() ? "" : """
                <div id="%1$s-chart" class="chart" role="img" aria-labelledby="%1$s-heading" \
                data-src="%2$s" data-spec="%3$s"><p>Loading the chart&hellip;</p></div>
                <p><button type="button" class="save-png" data-chart="%1$s-chart" data-file="%4$s">Save the chart as \
                PNG</button></p>
                """.formatted(id, escape(api + q), escape(spec(chart)), escape(figure.id() + ".png"));
        return """
                <section class="panel" id="%1$s" aria-labelledby="%1$s-heading">
                <h2 id="%1$s-heading">%2$s</h2>
                %3$s%4$s<details class="table-view"%5$s>
                <summary>Table of these figures%10$s</summary>
                %6$s
                </details>
                <p class="downloads">Download: <a href="%7$s.csv%8$s" download>CSV</a> · \
                <a href="%7$s.xlsx%8$s" download>Excel (XLSX)</a> · <a href="%7$s%8$s">JSON</a> · \
                <a href="%7$s.csv%9$s" download>CSV for publication</a> (counts of 1 to 4 shown as [c])</p>
                </section>
                """.formatted(id, escape(title(chart.title(), figure, la, shown)), notes(chart, shown), chartDiv,
                openTable(chart, shown) ? " open" : "", table(chart, shown), escape(api), escape(q),
                escape(publication), shown.size() > OPEN_ROWS ? " (" + shown.size() + " rows)" : "");
    }

    /** A figure with no chart shows its table open, unless the table is long enough to bury the page's charts. */
    private static boolean openTable(Chart chart, List<Map<String, Object>> rows) {
        return rows.isEmpty() || chart.drawing() == null && rows.size() <= OPEN_ROWS;
    }

    private static String notes(Chart chart, List<Map<String, Object>> rows) {
        String summary = rows.isEmpty() ? null : chart.summary().apply(rows);
        return (summary == null ? "" : "<p class=\"summary\">" + escape(summary) + "</p>\n")
                + (chart.note() == null ? "" : "<p class=\"note\">" + escape(chart.note()) + "</p>\n");
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
    static String table(Chart chart, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return "<p>No figures for this selection.</p>";
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
            return html(label(figure, value) + " by " + label(figure, drawing.series()).toLowerCase(Locale.UK),
                    headings, body);
        }
        List<FigureColumn> columns = figure.columns();
        // Codes along the chart's x are named as the chart names them (the needs chart's self_harm is "Self-harm").
        String named = drawing != null && !SeriesLabels.codes(drawing.x()).isEmpty() ? drawing.x() : null;
        List<List<String>> body = rows.stream()
                .map(row -> columns.stream().map(c -> c.isPeriod() ? period(String.valueOf(row.get(c.name())))
                        : c.name().equals(named) ? escape(SeriesLabels.label(named, row.get(named)))
                        : display(row.get(c.name()))).toList()).toList();
        return html(figure.title(), columns.stream().map(FigureColumn::label).toList(), body);
    }

    private static String label(Figure figure, String column) {
        return figure.columns().stream().filter(c -> c.name().equals(column)).map(FigureColumn::label)
                .findFirst().orElse(column);
    }

    /** A captioned table in a scrollable, focusable region; the first cell of each row is its header (already HTML). */
    static String html(String caption, List<String> headings, List<List<String>> body) {
        String head = headings.stream().map(h -> "<th scope=\"col\">" + escape(h) + "</th>").collect(Collectors.joining());
        String rows = body.stream().map(line -> "<tr><th scope=\"row\">" + line.get(0) + "</th>"
                + line.stream().skip(1).map(cell -> "<td>" + cell + "</td>").collect(Collectors.joining()) + "</tr>")
                .collect(Collectors.joining("\n"));
        return """
                <div class="table-wrap" tabindex="0" role="region" aria-label="%1$s">
                <table>
                <caption>%1$s</caption>
                <thead><tr>%2$s</tr></thead>
                <tbody>
                %3$s
                </tbody>
                </table>
                </div>""".formatted(escape(caption), head, rows);
    }

    /** A month or quarter end as readers write it (31 Mar 2022); a year as it is. */
    static String period(String value) {
        return value.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(value).format(SHORT_DATE) : escape(value);
    }

    /** Numbers with thousands separators, ISO dates as they are, [c] and text escaped. */
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
        return escape(value.toString());
    }
}
