package uk.sufficiency.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The HTML around every page: head, sign-out, the pages' navigation, the LA and date filters, the
 * suppression note; and the sign-in and message pages. Charts are drawn by {@code /app.js} because
 * the Content-Security-Policy forbids inline script and inline style.
 */
final class DashboardPage {
    /** Read from the webjar itself, so bumping echarts.version in the pom cannot break the page. */
    static final String ECHARTS_SCRIPT = "/webjars/echarts/" + echartsVersion() + "/echarts.min.js";


    private DashboardPage() {
    }

    /** Who is signed in, for the header and its forms; {@code admin} may change scenarios. */
    record Account(String username, String scope, String csrfToken, boolean admin) {
    }

    /**
     * One page for one LA: {@code panels} is its charts' HTML, already rendered from rows that
     * passed through suppression; {@code exact} says whether they are the LA's exact figures.
     */
    record Content(Page page, String la, List<String> las, LocalDate from, LocalDate to, String snapshot,
                   boolean exact, boolean publication, Account account, String panels) {
    }

    static String render(Content c) {
        String body = """
                <h1>%s</h1>
                <p class="lead"><strong>%s</strong>: %s</p>
                %s%s%s
                <p class="meta" data-snapshot="%7$s">Warehouse snapshot %7$s. Years run from 1 April to 31 March; stock is
                counted at month ends, flows during the year.</p>
                """.formatted(escape(c.page().heading()), escape(c.la()), escape(c.page().lead()), filters(c),
                suppressionNote(c), c.panels(), escape(c.snapshot()));
        return page(c.page().heading() + ": " + c.la(), true, c.account(), nav(c.page()), body);
    }

    /** The pages, with the current one marked for screen readers as well as by style. */
    private static String nav(Page current) {
        return Page.ALL.stream().map(p -> "<li><a href=\"" + p.path() + "\"" + (p == current ? " aria-current=\"page\"" : "")
                + ">" + escape(p.navLabel()) + "</a></li>").collect(Collectors.joining("\n",
                "<nav aria-label=\"Dashboard pages\"><ul>\n", "\n</ul></nav>\n"));
    }

    /** A GET form rather than a script, so choosing an LA or dates works without JavaScript and by keyboard. */
    private static String filters(Content c) {
        String options = c.las().stream()
                .map(la -> "<option value=\"" + escape(la) + "\"" + (la.equals(c.la()) ? " selected" : "") + ">"
                        + escape(la) + "</option>")
                .collect(Collectors.joining("\n"));
        String laField = c.las().size() < 2 ? "<input type=\"hidden\" name=\"la\" value=\"" + escape(c.la()) + "\">" : """
                <div class="field"><label for="la">Local authority</label>
                <select id="la" name="la">
                %s
                </select></div>""".formatted(options);
        return """
                <form class="filters" method="get" action="%s">
                %s
                <div class="field"><label for="from">From</label>
                <input id="from" name="from" type="date" value="%s"></div>
                <div class="field"><label for="to">To</label>
                <input id="to" name="to" type="date" value="%s"></div>
                <button type="submit">Show</button>
                </form>
                """.formatted(c.page().path(), laField, c.from() == null ? "" : c.from(), c.to() == null ? "" : c.to());
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
                computed from one, are shown as <strong>[c]</strong>: such small numbers could identify children. \
                So that none can be worked out by subtracting the others from a total, a larger figure beside it may \
                be shown as [c] too; in stacked charts and their tables, each bar's hidden figures are shown together \
                as one grey <strong>Suppressed</strong> part, so the bar keeps its true total.</p>
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
        return page("Sign in: children looked after dashboard", false, null, "", body);
    }

    /** A plain page for when there is nothing to show (no snapshot yet, unknown LA, failure). */
    static String message(String heading, String text) {
        return page(heading, false, null, "", "<h1>" + escape(heading) + "</h1>\n<p>" + escape(text) + "</p>\n");
    }

    private static String page(String title, boolean chart, Account account, String nav, String body) {
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
                <a class="skip" href="#main">Skip to the figures</a>
                %s%s<main id="main">
                %s</main>
                </body>
                </html>
                """.formatted(escape(title), scripts, header(account), nav, body);
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
