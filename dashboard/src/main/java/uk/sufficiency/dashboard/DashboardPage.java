package uk.sufficiency.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The HTML of the month-end page. The table is rendered here rather than in the browser so the
 * figures read without JavaScript and to a screen reader; the chart is drawn by {@code /app.js}
 * because the Content-Security-Policy forbids inline script and inline style.
 */
final class DashboardPage {
    /** Read from the webjar itself, so bumping echarts.version in the pom cannot break the page. */
    static final String ECHARTS_SCRIPT = "/webjars/echarts/" + echartsVersion() + "/echarts.min.js";

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final ObjectMapper JSON = new ObjectMapper();

    private DashboardPage() {
    }

    /**
     * What the page shows for one LA; {@code years} and {@code monthEnd} are {@link Figures} rows,
     * already suppressed for the reader. {@code exact} says whether they are the LA's exact figures
     * (the reader's own LA, or a regional analyst, and not marked for publication).
     */
    record Content(String la, List<String> las, String snapshot, List<Map<String, Object>> years,
                   List<Map<String, Object>> monthEnd, boolean exact, boolean publication, Account account) {
    }

    /** Who is signed in, for the header and its sign-out form. */
    record Account(String username, String scope, String csrfToken) {
    }

    static String render(Content c) {
        String la = escape(c.la());
        String laQuery = escape(URLEncoder.encode(c.la(), StandardCharsets.UTF_8)
                + (c.publication() ? "&publication=true" : ""));
        String publicationQuery = escape(URLEncoder.encode(c.la(), StandardCharsets.UTF_8) + "&publication=true");
        List<String> categories = PlacementCategory.inOrder(
                c.monthEnd().stream().map(row -> (String) row.get("category")).toList());
        List<Integer> years = c.years().stream().map(row -> ((Number) row.get("year")).intValue()).toList();
        String from = years.isEmpty() ? "" : LocalDate.of(years.get(0) - 1, 4, 30).toString();
        String to = years.isEmpty() ? "" : LocalDate.of(years.get(years.size() - 1), 3, 31).toString();
        String period = years.isEmpty() ? "" : " from " + longDate(from) + " to " + longDate(to);
        String body = """
                <h1>Children looked after at each month end</h1>
                <p class="lead"><strong>%1$s</strong>: the number of children looked after at the end of each \
                month%2$s, by placement category.</p>
                %3$s
                <h2 id="chart-heading">Children looked after at each month end, by placement category</h2>
                <div id="chart" class="chart" role="img" aria-labelledby="chart-heading"
                     aria-describedby="chart-note" data-src="/api/cla-month-end?la=%4$s"
                     data-from="%5$s" data-to="%6$s" data-categories="%7$s">
                  <p>Loading the chart&hellip;</p>
                </div>
                <p id="chart-note">The figures at each 31 March are in the table below.
                <a href="/api/cla-month-end.csv?la=%4$s" download>Download the month-end figures for %1$s (CSV)</a></p>
                <p><a href="/api/cla-month-end.csv?la=%10$s" download>Download them for publication (CSV, counts of \
                1 to 4 shown as [c])</a></p>
                %11$s%8$s
                <h2>How these figures are counted</h2>
                <p>A child counts at a month end when an episode of care began on or before that day and had not
                ended on or before it: an episode that ends on a month end does not count on it, one that starts on
                it does. Series of short breaks (legal status V3 or V4) are never counted. Started and ceased are
                distinct children in the year to 31 March; a child who left with reason X1 (episode ceased,
                care continues) has not ceased. The rate is children looked after at 31 March per 10,000 children
                aged 0 to 17 (ONS mid-year estimate for the previous calendar year); it is blank where the warehouse
                holds no population estimate.</p>
                <p class="meta">Warehouse snapshot %9$s.</p>
                """.formatted(la, period, laSelector(c.las(), c.la()), laQuery, from, to,
                escape(seriesJson(categories)), yearTable(c, categories), escape(c.snapshot()), publicationQuery,
                suppressionNote(c));
        return page("Children looked after at each month end" + (period.isEmpty() ? "" : "," + period) + ": " + c.la(),
                true, c.account(), body);
    }

    /** Says why some figures read [c], whenever they may (counting-rules §9). */
    private static String suppressionNote(Content c) {
        if (c.exact()) {
            return "";
        }
        String why = c.publication()
                ? "These figures are marked for publication"
                : "%s is not your local authority".formatted(escape(c.la()));
        return """
                <p class="note" id="suppression-note">%s, so counts of 1 to 4 children, and any rate or share \
                computed from one, are shown as <strong>[c]</strong>: such small numbers could identify children.</p>
                """.formatted(why);
    }

    /** The sign-in page: a plain form, no script, every input labelled. */
    static String login(String csrfToken, String error) {
        String alert = error == null ? "" : "<p class=\"error\" id=\"login-error\" role=\"alert\">" + escape(error) + "</p>\n";
        String describedBy = error == null ? "" : " aria-describedby=\"login-error\"";
        String body = """
                <h1>Sign in</h1>
                <p>Sign in with the username and password your council's dashboard administrator gave you.</p>
                %s<form class="login" method="post" action="/login">
                <input type="hidden" name="csrf" value="%s">
                <div class="field">
                <label for="username">Username</label>
                <input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" \
                spellcheck="false" required%s>
                </div>
                <div class="field">
                <label for="password">Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required%s>
                </div>
                <button type="submit">Sign in</button>
                </form>
                """.formatted(alert, escape(csrfToken), describedBy, describedBy);
        return page("Sign in: children looked after dashboard", false, null, body);
    }

    /** A plain page for when there is nothing to show (no snapshot yet, unknown LA, failure). */
    static String message(String heading, String text) {
        return page(heading, false, null, "<h1>" + escape(heading) + "</h1>\n<p>" + escape(text) + "</p>\n");
    }

    private static String page(String title, boolean chart, Account account, String body) {
        String scripts = chart ? """
                <script src="%s" defer></script>
                <script src="/app.js" defer></script>
                """.formatted(ECHARTS_SCRIPT) : "";
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <link rel="stylesheet" href="/app.css">
                %s</head>
                <body>
                %s<main>
                %s</main>
                </body>
                </html>
                """.formatted(escape(title), scripts, header(account), body);
    }

    /** Who is signed in and a sign-out button: a POST form carrying the session's CSRF token. */
    private static String header(Account account) {
        if (account == null) {
            return "";
        }
        return """
                <header class="account">
                <p>Signed in as <strong>%s</strong> (%s)</p>
                <form method="post" action="/logout">
                <input type="hidden" name="csrf" value="%s">
                <button type="submit">Sign out</button>
                </form>
                </header>
                """.formatted(escape(account.username()), escape(account.scope()), escape(account.csrfToken()));
    }

    /** A GET form rather than a script, so choosing an LA works without JavaScript and by keyboard. */
    private static String laSelector(List<String> las, String chosen) {
        if (las.size() < 2) {
            return "";
        }
        String options = las.stream()
                .map(la -> "<option value=\"" + escape(la) + "\"" + (la.equals(chosen) ? " selected" : "") + ">"
                        + escape(la) + "</option>")
                .collect(Collectors.joining("\n"));
        return """
                <form class="la-selector" method="get" action="/">
                <label for="la">Local authority</label>
                <select id="la" name="la">
                %s
                </select>
                <button type="submit">Show</button>
                </form>""".formatted(options);
    }

    private static String yearTable(Content c, List<String> categories) {
        // With categories the header has two rows: the category labels sit under one grouping heading.
        String span = categories.isEmpty() ? "" : " rowspan=\"2\"";
        StringBuilder html = new StringBuilder("""
                <h2 id="year-heading">At 31 March each year</h2>
                <div class="table-wrap" role="region" aria-labelledby="year-heading" tabindex="0">
                <table>
                <caption>%s: children looked after at 31 March, children who started and ceased to be looked \
                after in the year to 31 March, the rate per 10,000 children, and children looked after at \
                31 March by placement category</caption>
                <colgroup span="5"></colgroup>
                """.formatted(escape(c.la())));
        if (!categories.isEmpty()) {
            html.append("<colgroup span=\"").append(categories.size()).append("\"></colgroup>\n");
        }
        html.append("<thead>\n<tr>");
        for (String heading : List.of("Year to", "Looked after at 31 March", "Started in year", "Ceased in year",
                "Rate per 10,000")) {
            html.append("<th scope=\"col\"").append(span).append(">").append(heading).append("</th>");
        }
        if (!categories.isEmpty()) {
            html.append("<th scope=\"colgroup\" colspan=\"").append(categories.size())
                    .append("\">Looked after at 31 March, by placement category</th></tr>\n<tr>");
            categories.forEach(code ->
                    html.append("<th scope=\"col\">").append(escape(PlacementCategory.label(code))).append("</th>"));
        }
        html.append("</tr>\n</thead>\n<tbody>\n");
        for (Map<String, Object> year : c.years()) {
            String marchEnd = LocalDate.of(((Number) year.get("year")).intValue(), 3, 31).toString();
            html.append("<tr><th scope=\"row\">").append(longDate(marchEnd)).append("</th>");
            for (String column : List.of("looked_after_31_march", "started", "ceased")) {
                html.append(cell(count(year.get(column))));
            }
            Object rate = year.get("rate_per_10000");
            html.append(cell(rate instanceof Number n ? String.format(Locale.UK, "%.1f", n.doubleValue()) : text(rate)));
            for (String code : categories) {
                // One row per month end and category; a month end with no child in a category has no row,
                // which is a count of 0. A suppressed count arrives as [c] and is shown as it is.
                Object children = c.monthEnd().stream()
                        .filter(row -> marchEnd.equals(row.get("month_end")) && Objects.equals(code, row.get("category")))
                        .map(row -> row.get("children"))
                        .findFirst().orElse(0L);
                html.append(cell(count(children)));
            }
            html.append("</tr>\n");
        }
        return html.append("</tbody>\n</table>\n</div>").toString();
    }

    private static String cell(String text) {
        return "<td>" + text + "</td>";
    }

    /** A count with thousands separators; the suppression marker (or any other text) as it is. */
    private static String count(Object value) {
        return value instanceof Number n ? String.format(Locale.UK, "%,d", n.longValue()) : text(value);
    }

    private static String text(Object value) {
        return value == null ? "" : escape(value.toString());
    }

    private static String longDate(String isoDate) {
        return LocalDate.parse(isoDate).format(LONG_DATE);
    }

    /** The chart's series, in stacking order, for app.js: code, label and colour of each category. */
    private static String seriesJson(List<String> categories) {
        List<Map<String, String>> series = categories.stream().map(code -> {
            Map<String, String> s = new LinkedHashMap<>();
            s.put("code", code == null ? "" : code);
            s.put("label", PlacementCategory.label(code));
            s.put("colour", PlacementCategory.colour(code));
            return s;
        }).toList();
        try {
            return JSON.writeValueAsString(series);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static String echartsVersion() {
        try (InputStream in = DashboardPage.class.getResourceAsStream("/META-INF/maven/org.webjars/echarts/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("The ECharts webjar is not on the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
