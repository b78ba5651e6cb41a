package uk.sufficiency.dashboard;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The pages as their templates show them: every dashboard page (dashboard.jte inside layout.jte: head,
 * sign-out, the pages' navigation, the LA and date filters, the suppression note), the sign-in page
 * (login.jte) and the message page (message.jte). Charts are drawn by {@code /app.js} because the
 * Content-Security-Policy forbids inline script and inline style.
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
     * One page for one LA: {@code panels} are its charts and other parts, made from rows that passed
     * through suppression; {@code exact} says whether they are the LA's exact figures.
     */
    record Content(Page page, String la, List<String> las, LocalDate from, LocalDate to, String snapshot,
                   boolean exact, boolean publication, Account account, List<Panel> panels) {
    }

    static void render(Context ctx, Content content) {
        ctx.render("dashboard.jte", Map.of("c", content));
    }

    /** The sign-in page: a plain form, no script, every input labelled; {@code error} may be null. */
    static void login(Context ctx, String csrfToken, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("csrfToken", csrfToken);
        model.put("error", error);
        ctx.render("login.jte", model);
    }

    /** A plain page for when there is nothing to show (no snapshot yet, unknown LA, failure). */
    static void message(Context ctx, String heading, String text) {
        ctx.render("message.jte", Map.of("heading", heading, "text", text));
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
