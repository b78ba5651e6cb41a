package uk.sufficiency.dashboard;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import uk.sufficiency.dashboard.auth.HashBudget;
import uk.sufficiency.dashboard.auth.LoginThrottle;
import uk.sufficiency.dashboard.auth.Sessions;
import uk.sufficiency.dashboard.auth.Tokens;
import uk.sufficiency.dashboard.auth.User;
import uk.sufficiency.dashboard.auth.Users;

/**
 * Sign-in, sign-out and the guard in front of everything else. Every route except the sign-in
 * page and the static files ({@code /app.css}, {@code /app.js}, {@code /webjars/...}) needs a live
 * session: pages redirect to {@code /login}, {@code /api/...} answers 401 with a JSON error.
 *
 * <p>CSRF: the session cookie is {@code SameSite=Strict}, so another site's form never carries it;
 * in addition each form carries a token that the server checks in constant time (the session's own
 * for sign-out; for sign-in, which has no session yet, a random token also set as the
 * {@value #FORM_COOKIE} cookie, so a form posted from another site has neither), and a POST whose
 * {@code Origin} names another site is refused. ({@code Origin: null} is accepted: browsers send it
 * for same-site forms because the pages set {@code Referrer-Policy: no-referrer}.)
 *
 * <p>Guessing: {@link LoginThrottle} pauses a username-and-address pair (never the account for
 * everyone) and counts each attempt before its password is checked; {@link HashBudget} bounds the
 * password checks per second. Behind a reverse proxy named in {@link ServerSettings}, the browser's
 * address and scheme come from its {@code X-Forwarded-*} headers; cookies are {@code Secure} when
 * the browser used HTTPS or the settings say so.
 */
final class Login {
    static final String SESSION_COOKIE = "sw_session";
    static final String FORM_COOKIE = "sw_login";
    static final String WRONG = "The username or password is not right.";
    static final String PAUSED = "Too many failed sign-in attempts from this address. Signing in from here is "
            + "paused: try again in ";
    static final String BUSY = "The dashboard is busy checking other sign-ins. Please try again in a moment.";
    static final String STALE_FORM = "The sign-in form had expired or did not come from this dashboard. "
            + "Please sign in again.";

    private static final System.Logger LOG = System.getLogger(Login.class.getName());
    private static final String SIGNED_IN = Login.class.getName() + ".signedIn";
    private static final String LOGIN = Login.class.getName();
    private static final Set<String> STATIC_FILES = Set.of("/app.css", "/app.js");
    /** How long a sign-in may wait for the password-check budget before it is turned away. */
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(3);

    private final Users users;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final HashBudget budget;
    private final ServerSettings settings;

    Login(Users users, Clock clock, ServerSettings settings) {
        this.users = users;
        this.sessions = new Sessions(clock);
        this.throttle = new LoginThrottle(clock);
        this.budget = new HashBudget(settings.passwordChecksPerSecond(), System::nanoTime);
        this.settings = settings;
    }

    /** Who is signed in for this request, with their session's form token. */
    record SignedIn(User user, String csrfToken) {
    }

    /** The signed-in user of a request that passed the guard. */
    static SignedIn signedIn(Context ctx) {
        SignedIn signedIn = ctx.attribute(SIGNED_IN);
        if (signedIn == null) {
            throw new IllegalStateException("No signed-in user for " + ctx.path() + ": the guard did not run");
        }
        return signedIn;
    }

    /** Files anyone may fetch: they hold no figures. Anything unusual in the path is not one of them. */
    static boolean isStaticFile(String path) {
        if (STATIC_FILES.contains(path)) {
            return true;
        }
        return path.startsWith("/webjars/") && !path.contains("..") && !path.contains("//")
                && !path.contains("%") && !path.contains("\\") && !path.contains(";");
    }

    void install(Javalin app) {
        app.before(this::guard);
        app.get("/login", this::form);
        app.post("/login", this::signIn);
        app.post("/logout", this::signOut);
    }

    private void guard(Context ctx) {
        ctx.attribute(LOGIN, this);
        String path = ctx.path();
        if (isStaticFile(path) || path.equals("/login")) {
            return;
        }
        Optional<SignedIn> signedIn = current(ctx);
        if (signedIn.isPresent()) {
            ctx.attribute(SIGNED_IN, signedIn.get());
            return;
        }
        if (path.equals("/api") || path.startsWith("/api/")) {
            ctx.status(HttpStatus.UNAUTHORIZED).json(Map.of("error",
                    "Not signed in, or the session has ended: sign in at /login first."));
        } else {
            ctx.redirect("/login", HttpStatus.SEE_OTHER);
        }
        ctx.skipRemainingHandlers();
    }

    /** The request's live session and its user, who must still exist with the password they signed in with. */
    private Optional<SignedIn> current(Context ctx) {
        String id = ctx.cookie(SESSION_COOKIE);
        Optional<Sessions.Session> session = sessions.find(id);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        users.reloadIfChanged();
        Optional<User> user = users.find(session.get().username()).filter(session.get()::stillValidFor);
        if (user.isEmpty()) {
            sessions.end(id);
            return Optional.empty();
        }
        return Optional.of(new SignedIn(user.get(), session.get().csrfToken()));
    }

    private void form(Context ctx) {
        if (current(ctx).isPresent()) {
            ctx.redirect("/", HttpStatus.SEE_OTHER);
            return;
        }
        showForm(ctx, HttpStatus.OK, null);
    }

    /** The sign-in form with its token, reusing the browser's token so two open tabs both work. */
    private void showForm(Context ctx, HttpStatus status, String error) {
        String token = ctx.cookie(FORM_COOKIE);
        if (!Tokens.wellFormed(token)) {
            token = Tokens.random256();
        }
        setCookie(ctx, FORM_COOKIE, token, "/login", false);
        ctx.status(status);
        DashboardPage.login(ctx, token, error);
    }

    private void signIn(Context ctx) throws InterruptedException {
        if (!sameOrigin(ctx) || !Tokens.same(ctx.cookie(FORM_COOKIE), ctx.formParam("csrf"))) {
            showForm(ctx, HttpStatus.FORBIDDEN, STALE_FORM);
            return;
        }
        String username = Users.normaliseUsername(ctx.formParam("username"));
        String address = address(ctx);
        Optional<Duration> locked = throttle.admit(username, address); // counted from here, before any hash
        if (locked.isPresent()) {
            long minutes = Math.max(1, (locked.get().toSeconds() + 59) / 60);
            ctx.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header("Retry-After", String.valueOf(Math.max(1, locked.get().toSeconds())))
                    .contentType("text/plain; charset=utf-8")
                    .result(PAUSED + minutes + (minutes == 1 ? " minute." : " minutes."));
            return;
        }
        OptionalLong wait = budget.book(LONGEST_WAIT);
        if (wait.isEmpty()) {
            throttle.withdrawn(username, address);
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1")
                    .contentType("text/plain; charset=utf-8").result(BUSY);
            return;
        }
        Thread.sleep(wait.getAsLong() / 1_000_000, (int) (wait.getAsLong() % 1_000_000));
        String typed = ctx.formParam("password");
        char[] password = typed == null ? new char[0] : typed.toCharArray();
        Optional<User> user;
        try {
            user = users.authenticate(username, password);
        } finally {
            Arrays.fill(password, '\0');
        }
        if (user.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "Failed sign-in from " + address);
            showForm(ctx, HttpStatus.UNAUTHORIZED, WRONG);
            return;
        }
        throttle.succeeded(username, address);
        sessions.end(ctx.cookie(SESSION_COOKIE)); // a new id at every sign-in: no fixation
        Sessions.Started started = sessions.start(user.get());
        setCookie(ctx, SESSION_COOKIE, started.id(), "/", false);
        setCookie(ctx, FORM_COOKIE, "", "/login", true);
        LOG.log(System.Logger.Level.INFO, "Signed in: " + user.get().username() + " from " + address);
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private void signOut(Context ctx) {
        if (!fromThisDashboard(ctx)) {
            ctx.status(HttpStatus.FORBIDDEN);
            DashboardPage.message(ctx, "Sign-out refused",
                    "The sign-out form did not come from this dashboard, so nothing was done. "
                            + "Use the Sign out button on a dashboard page.");
            return;
        }
        sessions.end(ctx.cookie(SESSION_COOKIE));
        setCookie(ctx, SESSION_COOKIE, "", "/", true);
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    /** A POST of one of the signed-in pages' own forms: from this site, carrying the session's token. */
    static boolean fromThisDashboard(Context ctx) {
        return ctx.<Login>attribute(LOGIN).sameOrigin(ctx) && Tokens.same(signedIn(ctx).csrfToken(), ctx.formParam("csrf"));
    }

    /** A POST from this site, or from a browser that does not say (the form token decides then). */
    private boolean sameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        return origin == null || origin.equals("null")
                || origin.equalsIgnoreCase((https(ctx) ? "https" : "http") + "://" + ctx.host());
    }

    /** The browser's address, as the connection or a trusted proxy gives it. */
    private String address(Context ctx) {
        return settings.clientAddress(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"));
    }

    private boolean https(Context ctx) {
        return settings.https(ctx.scheme(), ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-Proto"));
    }

    private void setCookie(Context ctx, String name, String value, String path, boolean expire) {
        boolean secure = settings.secureCookies() || https(ctx);
        ctx.res().addHeader("Set-Cookie", cookie(name, value, path, secure, expire));
    }

    /** A Set-Cookie value: HttpOnly and SameSite=Strict always, Secure over HTTPS; {@code expire} deletes it. */
    static String cookie(String name, String value, String path, boolean secure, boolean expire) {
        return name + "=" + value + "; Path=" + path + "; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "") + (expire ? "; Max-Age=0" : "");
    }
}
