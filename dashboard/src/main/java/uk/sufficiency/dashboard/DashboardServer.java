package uk.sufficiency.dashboard;

import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.ServiceUnavailableResponse;
import io.javalin.http.staticfiles.Location;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uk.sufficiency.dashboard.auth.Role;
import uk.sufficiency.dashboard.auth.Users;
import uk.sufficiency.warehouse.Viewer;
import uk.sufficiency.warehouse.figures.Figure;
import uk.sufficiency.warehouse.figures.FigureCatalogue;

/**
 * The dashboard's web server: its pages ({@link Page}), each catalogue figure as JSON, CSV and XLSX,
 * ECharts from the webjar and the pages' own script and style from {@code /public}, and the Forecast page's
 * scenario forms ({@link ScenarioRoutes}). Only aggregates are served. Every figure needs a
 * signed-in user ({@link Login}) and is suppressed for that user (counting-rules §9, via
 * {@link Figures}). Every response carries headers that forbid inline script, framing, MIME
 * sniffing and leaking the URL onwards; pages and API answers are never cached.
 */
public final class DashboardServer {
    public static final String DEFAULT_HOST = "127.0.0.1";

    private static final System.Logger LOG = System.getLogger(DashboardServer.class.getName());
    private static final String NO_SNAPSHOT = "No figures yet: the warehouse has no published snapshot. "
            + "They appear here once a run of the pipeline has published one.";
    private static final String NO_LAS = "No figures yet: the current snapshot holds no local authority's data.";

    private DashboardServer() {
    }

    /**
     * Starts serving a warehouse to the users in its {@value Users#FILE_NAME}; a null or blank host
     * means {@value #DEFAULT_HOST}, this machine only.
     *
     * @throws IllegalStateException when the users file lists nobody (or cannot be read), naming how to add a user
     */
    public static Javalin start(Path warehouseDir, String host, int port) {
        return start(warehouseDir, host, port, ServerSettings.DEFAULTS);
    }

    /** As {@link #start(Path, String, int)}, set up for where it sits on the network (behind TLS, a proxy). */
    public static Javalin start(Path warehouseDir, String host, int port, ServerSettings settings) {
        return create(warehouseDir, Users.load(warehouseDir), Clock.systemUTC(), Republisher.FORECAST, settings)
                .start(host == null || host.isBlank() ? DEFAULT_HOST : host, port);
    }

    /** The server, not yet started, for the users in the warehouse directory's {@value Users#FILE_NAME}. */
    public static Javalin create(Path warehouseDir) {
        return create(warehouseDir, Users.load(warehouseDir));
    }

    public static Javalin create(Path warehouseDir, Users users) {
        return create(warehouseDir, users, Clock.systemUTC());
    }

    /** With a clock for sessions and the sign-in limit, so tests can move time on. */
    static Javalin create(Path warehouseDir, Users users, Clock clock) {
        return create(warehouseDir, users, clock, Republisher.FORECAST);
    }

    /** And with what remakes the forecast when a scenario is saved, so tests need not run the model. */
    static Javalin create(Path warehouseDir, Users users, Clock clock, Republisher republisher) {
        return create(warehouseDir, users, clock, republisher, ServerSettings.DEFAULTS);
    }

    static Javalin create(Path warehouseDir, Users users, Clock clock, Republisher republisher,
            ServerSettings settings) {
        if (users.isEmpty()) {
            throw new IllegalStateException(noUsers(users.file()));
        }
        CurrentWarehouse current = new CurrentWarehouse(warehouseDir);
        BackgroundRepublish republish = new BackgroundRepublish(warehouseDir, republisher, clock,
                BackgroundRepublish.RETRY);
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.staticFiles.enableWebjars();
            config.staticFiles.add("/public", Location.CLASSPATH);
            config.fileRenderer(Templates.renderer());
            config.events.serverStopped(current::close);
            config.events.serverStopped(republish::close);
        });
        app.before(ctx -> {
            ctx.header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
            ctx.header("X-Frame-Options", "DENY");
            if (!Login.isStaticFile(ctx.path())) {
                ctx.header("Cache-Control", "no-store");
            }
        });
        new Login(users, clock, settings).install(app); // registered after the headers, so its refusals carry them too

        for (Page page : Page.ALL) {
            app.get(page.path(), forLa(current, (ctx, figures, la) -> DashboardPage.render(ctx, PageRenderer.content(page,
                    figures, la, account(ctx), pageQuery(ctx, la), warehouseDir,
                    ScenarioEditor.View.of(ctx, republish.status())))));
        }
        ScenarioRoutes scenarios = new ScenarioRoutes(warehouseDir, republish);
        app.post("/forecast/scenarios", forLa(current, scenarios::save));
        app.post("/forecast/scenarios/delete", forLa(current, scenarios::delete));
        app.get("/forecast/scenario.json", forLa(current, scenarios::download));
        app.get("/api/las", withFigures(current, (ctx, figures) -> ctx.json(Map.of("las", figures.las()))));
        app.get("/api/runs", withFigures(current, (ctx, figures) -> ctx.json(Map.of("runs", RunsPanel.runs(warehouseDir)))));
        for (Figure figure : FigureCatalogue.all()) {
            String api = "/api/" + figure.id();
            app.get(api, forLa(current, (ctx, figures, la) -> ctx.json(FigureJson.body(figure, la, figures,
                    figures.rows(figure, la)))));
            app.get(api + ".csv", forLa(current, (ctx, figures, la) -> {
                ctx.contentType("text/csv; charset=utf-8");
                attachment(ctx, figure, la, figures, "csv");
                ctx.result(CsvText.of(figure.columnNames(), figures.rows(figure, la)));
            }));
            app.get(api + ".xlsx", forLa(current, (ctx, figures, la) -> {
                ctx.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                attachment(ctx, figure, la, figures, "xlsx");
                List<Map<String, Object>> rows = figures.rows(figure, la);
                ctx.result(XlsxFile.of(ChartPanel.title(figure, la, rows), figure.columns(), rows));
            }));
        }

        app.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.log(System.Logger.Level.ERROR, "Request " + ctx.method() + " " + ctx.path() + " failed", e);
            error(ctx, 500, "The dashboard could not produce this page; the error is in the server log.");
        });
        return app;
    }

    /** Why the server will not start without users, and what to do about it. */
    static String noUsers(Path usersFile) {
        return "The dashboard has no users, so nobody could sign in: " + usersFile + " lists none. Add one with\n"
                + "  ./sufficiency user add --warehouse " + usersFile.getParent() + " --user NAME --la \"LA NAME\" "
                + "[--role viewer|admin]\n"
                + "(--la '*' for a regional analyst who sees every LA; the password is asked for) and start it again.";
    }

    static DashboardPage.Account account(Context ctx) {
        Login.SignedIn signedIn = Login.signedIn(ctx);
        return new DashboardPage.Account(signedIn.user().username(), signedIn.user().scope(), signedIn.csrfToken(),
                signedIn.user().role() == Role.ADMIN);
    }

    private interface FiguresHandler {
        void handle(Context ctx, Figures figures) throws Exception;
    }

    private interface LaHandler {
        void handle(Context ctx, Figures figures, String la) throws Exception;
    }

    /** Runs a handler against the current snapshot, holding it until the response is written. */
    private static Handler withFigures(CurrentWarehouse current, FiguresHandler handler) {
        return ctx -> {
            try (CurrentWarehouse.Lease lease = current.lease()
                    .orElseThrow(() -> new ServiceUnavailableResponse(NO_SNAPSHOT))) {
                Viewer viewer = Login.signedIn(ctx).user().viewer();
                LocalDate from = date(ctx, "from");
                LocalDate to = date(ctx, "to");
                if (from != null && to != null && from.isAfter(to)) {
                    throw new BadRequestResponse("The date range starts (" + from + ") after it ends (" + to + ").");
                }
                handler.handle(ctx, new Figures(lease.warehouse(), viewer, forPublication(ctx), from, to));
            }
        };
    }

    /** {@code ?from=} or {@code ?to=}: an ISO date, or blank for no bound. */
    private static LocalDate date(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestResponse(name + " must be a date such as 2022-03-31, not '" + value + "'.");
        }
    }

    /** The page's own selection, to carry into its chart and download links. */
    static String pageQuery(Context ctx, String la) {
        StringBuilder query = new StringBuilder("la=").append(URLEncoder.encode(la, StandardCharsets.UTF_8));
        for (String name : List.of("from", "to", "publication")) {
            String value = ctx.queryParam(name);
            if (value != null && !value.isBlank()) {
                query.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return query.toString();
    }

    private static void attachment(Context ctx, Figure figure, String la, Figures figures, String extension) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + figure.id() + "-" + fileNamePart(la)
                + (figures.forPublication() ? "-publication" : "") + "." + extension + "\"");
    }

    /** {@code ?publication=true} marks an export for publication: small numbers suppressed for every LA. */
    private static boolean forPublication(Context ctx) {
        String value = ctx.queryParam("publication");
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new BadRequestResponse("publication must be true or false, not '" + value + "'.");
    }

    /**
     * As {@link #withFigures} for one LA: {@code ?la=}, or else the reader's own LA, or else the
     * first. Any LA may be asked for; {@link Figures} decides how exactly its figures are shown.
     */
    private static Handler forLa(CurrentWarehouse current, LaHandler handler) {
        return withFigures(current, (ctx, figures) -> {
            List<String> las = figures.las();
            if (las.isEmpty()) {
                throw new ServiceUnavailableResponse(NO_LAS);
            }
            String own = Login.signedIn(ctx).user().viewer().ownLa().filter(las::contains).orElse(las.get(0));
            String la = ctx.queryParam("la") == null ? own : ctx.queryParam("la");
            if (!las.contains(la)) {
                throw new NotFoundResponse("The warehouse holds no figures for the local authority '" + la
                        + "'. It holds: " + String.join(", ", las) + ".");
            }
            handler.handle(ctx, figures, la);
        });
    }

    /** JSON for the API, a readable page for people; the status says what went wrong either way. */
    private static void error(Context ctx, int status, String message) {
        ctx.status(status);
        if (ctx.path().startsWith("/api/")) {
            ctx.json(Map.of("error", message));
        } else {
            DashboardPage.message(ctx, status == 503 ? "No figures yet" : "Page not available", message);
        }
    }

    static String fileNamePart(String la) {
        return la.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "").toLowerCase(Locale.ROOT);
    }
}
