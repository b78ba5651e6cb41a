package uk.sufficiency.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.sufficiency.dashboard.auth.Tokens;
import uk.sufficiency.dashboard.auth.Users;

/** Signing in and out, sessions, the sign-in limit and CSRF, end to end over HTTP. */
class LoginTest {
    private static final Pattern SESSION_COOKIE =
            Pattern.compile("sw_session=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict");
    private static final Pattern SESSION_COOKIE_SECURE =
            Pattern.compile("sw_session=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict; Secure");
    private static final String LANCS = TestUsers.LANCASHIRE;
    /** The password-check budget out of the way, except where a test is about it. */
    private static final ServerSettings FAST_CHECKS = ServerSettings.DEFAULTS.withPasswordChecksPerSecond(1000);
    /** The test client connects over the loopback, by either address family. */
    private static final ServerSettings BEHIND_PROXY = FAST_CHECKS.withTrustedProxies(
            Set.of("127.0.0.1", "0:0:0:0:0:0:0:1", "::1"));
    private static final String PAUSED_15 = "Too many failed sign-in attempts from this address. "
            + "Signing in from here is paused: try again in 15 minutes.";

    @TempDir
    Path dir;
    private final TestClock clock = new TestClock();
    private Users users;

    @BeforeEach
    void warehouse() throws Exception {
        TestSnapshot.lancashireAndBlackpool().publish(dir);
        users = TestUsers.write(dir);
    }

    private interface Scenario {
        void run(Browser browser) throws Exception;
    }

    /** Runs a scenario against a fresh server, starting from a browser with no cookies. */
    private void serve(Scenario scenario) {
        serve(FAST_CHECKS, scenario);
    }

    private void serve(ServerSettings settings, Scenario scenario) {
        JavalinTest.test(DashboardServer.create(dir, users, clock, Republisher.FORECAST, settings),
                (server, client) -> scenario.run(new Browser(server)));
    }

    private static Map<String, String> form(String csrf, String username, String password) {
        return Map.of("csrf", csrf, "username", username, "password", password);
    }

    @Test
    void theSignInPageIsAPlainLabelledFormWithoutScript() {
        serve(browser -> {
            Browser.Reply page = browser.get("/login");
            assertEquals(200, page.code());
            String html = page.body();
            assertTrue(html.contains("<form class=\"login\" method=\"post\" action=\"/login\">"), html);
            assertTrue(html.contains("<label for=\"username\">Username</label>"), html);
            assertTrue(html.contains("<input id=\"username\" name=\"username\" type=\"text\" autocomplete=\"username\""), html);
            assertTrue(html.contains("<label for=\"password\">Password</label>"), html);
            assertTrue(html.contains("<input id=\"password\" name=\"password\" type=\"password\" "
                    + "autocomplete=\"current-password\" required>"), html);
            assertTrue(html.contains("<button type=\"submit\">Sign in</button>"), html);
            assertFalse(html.contains("<script"), "no script at all, so the CSP cannot get in the way");
            assertFalse(html.contains("style="), html);
            assertFalse(html.contains("tabindex=\"-"), "nothing taken out of the keyboard order");
            // The form token is also set as a cookie for /login only.
            String token = Browser.csrf(html);
            assertTrue(Tokens.wellFormed(token), token);
            assertEquals("sw_login=" + token + "; Path=/login; HttpOnly; SameSite=Strict", page.setCookie("sw_login"));
            assertEquals("default-src 'self'; frame-ancestors 'none'", page.header("Content-Security-Policy"));
            assertEquals("DENY", page.header("X-Frame-Options"));
            assertEquals("no-store", page.header("Cache-Control"));
        });
    }

    @Test
    void aRightPasswordStartsASessionInAHardenedCookie() {
        serve(browser -> {
            Browser.Reply reply = browser.signIn(LANCS, TestUsers.password(LANCS));
            assertEquals(303, reply.code());
            assertEquals("/", reply.header("Location"));
            String cookie = reply.setCookie("sw_session");
            assertTrue(SESSION_COOKIE.matcher(cookie).matches(), cookie);
            assertFalse(cookie.contains("Secure"), "plain HTTP here; Secure is added over HTTPS");
            assertFalse(cookie.contains("Max-Age"), "a browser-session cookie: the server decides when it ends");
            assertEquals("sw_login=; Path=/login; HttpOnly; SameSite=Strict; Max-Age=0", reply.setCookie("sw_login"));

            Browser.Reply page = browser.get("/");
            assertEquals(200, page.code());
            assertTrue(page.body().contains("Signed in as <strong>lancs</strong> (Lancashire)"), page.body());
            assertEquals(200, browser.get("/api/cla-year").code());
            // Signed in, the sign-in page sends you on.
            assertEquals(303, browser.get("/login").code());
        });
    }

    @Test
    void overHttpsTheCookieIsAlsoSecure() {
        assertEquals("sw_session=abc; Path=/; HttpOnly; SameSite=Strict; Secure",
                Login.cookie("sw_session", "abc", "/", true, false));
        assertEquals("sw_session=; Path=/; HttpOnly; SameSite=Strict; Secure; Max-Age=0",
                Login.cookie("sw_session", "", "/", true, true));
    }

    @Test
    void usernamesAreNotCaseSensitive() {
        serve(browser -> assertEquals(303, browser.signIn("  LANCS ", TestUsers.password(LANCS)).code()));
    }

    @Test
    void aWrongPasswordIsRefusedWithTheFormAgain() {
        serve(browser -> {
            Browser.Reply reply = browser.signIn(LANCS, "not the password");
            assertEquals(401, reply.code());
            assertTrue(reply.body().contains("<p class=\"error\" id=\"login-error\" role=\"alert\">"
                    + "The username or password is not right.</p>"), reply.body());
            assertTrue(reply.body().contains("aria-describedby=\"login-error\""), reply.body());
            assertNull(reply.setCookie("sw_session"));
            assertNull(browser.cookie("sw_session"));
            assertEquals(303, browser.get("/").code());
        });
    }

    @Test
    void anUnknownUserCannotBeToldFromAWrongPassword() {
        serve(browser -> {
            Browser.Reply wrongPassword = browser.signIn(LANCS, "not the password");
            Browser.Reply unknownUser = browser.signIn("nobody", "not the password");
            assertEquals(401, wrongPassword.code());
            assertEquals(wrongPassword.code(), unknownUser.code());
            assertEquals(wrongPassword.body(), unknownUser.body(), "same page, same token, same message");
            assertEquals(wrongPassword.setCookies(), unknownUser.setCookies());
            assertEquals(wrongPassword.header("Content-Type"), unknownUser.header("Content-Type"));
        });
    }

    @Test
    void withoutASessionPagesRedirectAndTheApiAnswers401() {
        serve(browser -> {
            for (String page : new String[] {"/", "/?la=Blackpool", "/no-such-page", "/login/../"}) {
                Browser.Reply reply = browser.get(page);
                assertEquals(303, reply.code(), page);
                assertEquals("/login", reply.header("Location"), page);
            }
            for (String api : new String[] {"/api/las", "/api/cla-month-end?la=Lancashire",
                    "/api/cla-month-end.csv?la=Blackpool", "/api/cla-year", "/api/no-such-thing", "/api",
                    "/webjars/../api/las", "/app.css/../api/las"}) {
                Browser.Reply reply = browser.get(api);
                assertEquals(401, reply.code(), api);
                assertEquals("application/json", reply.header("Content-Type"), api);
                assertEquals("{\"error\":\"Not signed in, or the session has ended: sign in at /login first.\"}",
                        reply.body(), api);
            }
            // An id the server never issued is no session either.
            browser.withCookie("sw_session", Tokens.random256());
            assertEquals(401, browser.get("/api/las").code());
            browser.withCookie("sw_session", "' OR 1=1 --");
            assertEquals(401, browser.get("/api/las").code());
        });
    }

    @Test
    void signingOutEndsTheSessionOnTheServer() {
        serve(browser -> {
            browser.signedInAs(LANCS);
            String id = browser.cookie("sw_session");
            Browser.Reply out = browser.signOut();
            assertEquals(303, out.code());
            assertEquals("/login", out.header("Location"));
            assertEquals("sw_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0", out.setCookie("sw_session"));
            // Replaying the old cookie does not bring the session back.
            Browser replay = new Browser(browser).withCookie("sw_session", id);
            assertEquals(401, replay.get("/api/las").code());
            assertEquals(303, replay.get("/").code());
        });
    }

    @Test
    void signOutNeedsTheSessionsTokenAndThisSitesOrigin() {
        serve(browser -> {
            browser.signedInAs(LANCS);
            String token = Browser.csrf(browser.get("/").body());
            Browser.Reply noToken = browser.post("/logout", Map.of());
            assertEquals(403, noToken.code());
            assertTrue(noToken.body().contains("Sign-out refused"), noToken.body());
            assertEquals(403, browser.post("/logout", Map.of("csrf", Tokens.random256())).code());
            assertEquals(403, browser.post("/logout", Map.of("csrf", token),
                    Map.of("Origin", "https://evil.example")).code());
            assertEquals(200, browser.get("/api/las").code(), "none of those ended the session");
            // Another user's token is no good either.
            Browser other = new Browser(browser).signedInAs(TestUsers.BLACKPOOL);
            assertEquals(403, browser.post("/logout", Map.of("csrf", Browser.csrf(other.get("/").body()))).code());
            // From this site (browsers send Origin: null here because of Referrer-Policy: no-referrer).
            assertEquals(303, browser.post("/logout", Map.of("csrf", token), Map.of("Origin", "null")).code());
            assertEquals(401, browser.get("/api/las").code());
        });
    }

    @Test
    void signInNeedsTheFormsTokenAndThisSitesOrigin() {
        serve(browser -> {
            String password = TestUsers.password(LANCS);
            // Posted from elsewhere: no sw_login cookie (SameSite=Strict) and no token of ours.
            Browser.Reply forged = browser.post("/login", Map.of("username", LANCS, "password", password));
            assertEquals(403, forged.code());
            assertTrue(forged.body().contains(Login.STALE_FORM), forged.body());
            assertNull(forged.setCookie("sw_session"));

            String token = Browser.csrf(browser.get("/login").body());
            assertEquals(403, browser.post("/login", form(Tokens.random256(), LANCS, password)).code());
            assertEquals(403, browser.post("/login", form(token, LANCS, password),
                    Map.of("Origin", "https://evil.example")).code());
            assertNull(browser.cookie("sw_session"));
            Browser.Reply ok = browser.post("/login", form(token, LANCS, password), Map.of("Origin", browser.origin()));
            assertEquals(303, ok.code());
            assertEquals(200, browser.get("/api/las").code());
        });
    }

    @Test
    void signingInIssuesANewSessionIdEveryTime() {
        serve(browser -> {
            // An id planted before sign-in (session fixation) is never adopted.
            String planted = Tokens.random256();
            browser.withCookie("sw_session", planted);
            browser.signedInAs(LANCS);
            String first = browser.cookie("sw_session");
            assertNotEquals(planted, first);

            // Signing in again while that session is live (the form from another tab) replaces it.
            Browser.Reply form = browser.withCookie("sw_login", Tokens.random256()).post("/login", Map.of());
            assertEquals(403, form.code());
            Browser.Reply again = browser.post("/login", form(Browser.csrf(form.body()), LANCS,
                    TestUsers.password(LANCS)));
            assertEquals(303, again.code());
            String second = browser.cookie("sw_session");
            assertNotEquals(first, second);
            assertEquals(200, browser.get("/api/las").code());
            assertEquals(401, new Browser(browser).withCookie("sw_session", first).get("/api/las").code(),
                    "the id it replaced no longer works");
        });
    }

    @Test
    void fiveFailuresLockTheUsernameEvenAgainstTheRightPassword() {
        serve(browser -> {
            for (int i = 1; i <= 5; i++) {
                assertEquals(401, browser.signIn(LANCS, "guess " + i).code(), "attempt " + i);
            }
            Browser.Reply locked = browser.signIn(LANCS, TestUsers.password(LANCS));
            assertEquals(429, locked.code());
            assertEquals("text/plain;charset=utf-8", locked.header("Content-Type"));
            assertEquals(PAUSED_15, locked.body());
            assertEquals("900", locked.header("Retry-After"));
            assertNull(locked.setCookie("sw_session"));

            clock.advance(Duration.ofMinutes(14));
            Browser.Reply still = browser.signIn(LANCS, TestUsers.password(LANCS));
            assertEquals(429, still.code());
            assertTrue(still.body().endsWith("try again in 1 minute."), still.body());
            clock.advance(Duration.ofMinutes(1));
            assertEquals(303, browser.signIn(LANCS, TestUsers.password(LANCS)).code(), "15 minutes on: unlocked");
        });
    }

    @Test
    void anUnknownUsernameLocksJustTheSame() {
        serve(browser -> {
            for (int i = 1; i <= 5; i++) {
                assertEquals(401, browser.signIn("nobody", "guess " + i).code());
            }
            Browser.Reply locked = browser.signIn("nobody", "guess 6");
            assertEquals(429, locked.code());
            assertEquals(PAUSED_15, locked.body());
        });
    }

    @Test
    void twentyFailuresFromOneAddressLockEveryUsernameFromIt() {
        serve(browser -> {
            for (int i = 1; i <= 20; i++) {
                assertEquals(401, browser.signIn("a" + i, "guess").code(), "attempt " + i);
            }
            assertEquals(429, browser.signIn(TestUsers.BLACKPOOL, TestUsers.password(TestUsers.BLACKPOOL)).code());
        });
    }

    @Test
    void fortyParallelGuessesAreFiveCheckedAndTheRealUserElsewhereStillSignsIn() {
        serve(BEHIND_PROXY, browser -> {
            ExecutorService pool = Executors.newFixedThreadPool(40);
            try {
                List<Callable<Integer>> guesses = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    Browser attacker = new Browser(browser).withHeader("X-Forwarded-For", "203.0.113.9");
                    String form = Browser.csrf(attacker.get("/login").body());
                    int n = i;
                    guesses.add(() -> attacker.post("/login", form(form, LANCS, "guess " + n)).code());
                }
                int checked = 0;
                int paused = 0;
                for (Future<Integer> reply : pool.invokeAll(guesses)) {
                    checked += reply.get() == 401 ? 1 : 0;
                    paused += reply.get() == 429 ? 1 : 0;
                }
                assertEquals(5, checked, "only the limit's worth had their password checked");
                assertEquals(35, paused);
            } finally {
                pool.shutdownNow();
            }
            Browser attacker = new Browser(browser).withHeader("X-Forwarded-For", "203.0.113.9");
            assertEquals(429, attacker.signIn(LANCS, TestUsers.password(LANCS)).code(), "that pair is paused");
            Browser real = new Browser(browser).withHeader("X-Forwarded-For", "198.51.100.7");
            assertEquals(303, real.signIn(LANCS, TestUsers.password(LANCS)).code(), "the real user elsewhere is not");
            // A forged X-Forwarded-For entry left of the proxy's own is not believed.
            Browser forging = new Browser(browser).withHeader("X-Forwarded-For", "198.51.100.7, 203.0.113.9");
            assertEquals(429, forging.signIn(LANCS, "guess").code());
        });
    }

    @Test
    void withoutATrustedProxyForwardedHeadersAreIgnored() {
        serve(browser -> {
            for (int i = 1; i <= 5; i++) {
                Browser guesser = new Browser(browser).withHeader("X-Forwarded-For", "203.0.113." + i)
                        .withHeader("X-Forwarded-Proto", "https");
                Browser.Reply reply = guesser.signIn(LANCS, "guess");
                assertEquals(401, reply.code());
                assertFalse(reply.setCookie("sw_login").contains("Secure"), "not from a trusted proxy");
            }
            assertEquals(429, new Browser(browser).withHeader("X-Forwarded-For", "198.51.100.7")
                    .signIn(LANCS, TestUsers.password(LANCS)).code(), "all five came from the one real address");
        });
    }

    @Test
    void behindATrustedTlsProxyCookiesAreSecure() {
        serve(BEHIND_PROXY, browser -> {
            browser.withHeader("X-Forwarded-Proto", "https");
            Browser.Reply form = browser.get("/login");
            assertTrue(form.setCookie("sw_login").endsWith("; Path=/login; HttpOnly; SameSite=Strict; Secure"),
                    form.setCookie("sw_login"));
            // The browser's Origin is the https one the proxy serves.
            Browser.Reply in = browser.post("/login", form(Browser.csrf(form.body()), LANCS, TestUsers.password(LANCS)),
                    Map.of("Origin", browser.origin().replace("http:", "https:")));
            assertEquals(303, in.code());
            assertTrue(SESSION_COOKIE_SECURE.matcher(in.setCookie("sw_session")).matches(), in.setCookie("sw_session"));
            assertEquals("sw_login=; Path=/login; HttpOnly; SameSite=Strict; Secure; Max-Age=0", in.setCookie("sw_login"));
        });
    }

    @Test
    void theSecureCookiesSettingMarksCookiesSecureOverPlainHttpToo() {
        serve(FAST_CHECKS.withSecureCookies(true), browser -> {
            Browser.Reply in = browser.signIn(LANCS, TestUsers.password(LANCS));
            assertEquals(303, in.code());
            assertTrue(SESSION_COOKIE_SECURE.matcher(in.setCookie("sw_session")).matches(), in.setCookie("sw_session"));
            Browser.Reply out = browser.signOut();
            assertEquals("sw_session=; Path=/; HttpOnly; SameSite=Strict; Secure; Max-Age=0", out.setCookie("sw_session"));
        });
    }

    @Test
    void failuresMoreThanFifteenMinutesApartDoNotAddUp() {
        serve(browser -> {
            for (int i = 1; i <= 4; i++) {
                assertEquals(401, browser.signIn(LANCS, "guess").code());
            }
            clock.advance(Duration.ofMinutes(15));
            assertEquals(401, browser.signIn(LANCS, "guess").code(), "the first four have aged out");
            assertEquals(303, browser.signIn(LANCS, TestUsers.password(LANCS)).code());
        });
    }

    @Test
    void aSessionEndsAfterThirtyIdleMinutes() {
        serve(browser -> {
            browser.signedInAs(LANCS);
            clock.advance(Duration.ofMinutes(29));
            assertEquals(200, browser.get("/api/las").code());
            clock.advance(Duration.ofMinutes(29));
            assertEquals(200, browser.get("/api/las").code(), "each request restarts the idle clock");
            clock.advance(Duration.ofMinutes(30));
            assertEquals(401, browser.get("/api/las").code());
            clock.advance(Duration.ofMinutes(-29));
            assertEquals(401, browser.get("/api/las").code(), "an ended session stays ended");
        });
    }

    @Test
    void aSessionEndsTwelveHoursAfterSignInHoweverBusy() {
        serve(browser -> {
            browser.signedInAs(LANCS);
            for (int minutes = 20; minutes < 12 * 60; minutes += 20) {
                clock.advance(Duration.ofMinutes(20));
                assertEquals(200, browser.get("/api/las").code(), "at " + minutes + " minutes");
            }
            clock.advance(Duration.ofMinutes(20)); // 12 hours exactly
            assertEquals(401, browser.get("/api/las").code());
        });
    }

    @Test
    void usersFileChangesApplyWithoutARestart() {
        serve(browser -> {
            browser.signedInAs(LANCS);
            Browser black = new Browser(browser).signedInAs(TestUsers.BLACKPOOL);

            // Another process (the CLI) changes the file: a new user, a new password, a removal.
            Users cli = Users.load(dir, TestUsers.COST);
            cli.addOrReplace("newcomer", "Lancashire", "viewer", "a brand new password".toCharArray());
            cli.addOrReplace(LANCS, "Lancashire", "viewer", "lancs changed password".toCharArray());
            cli.remove(TestUsers.BLACKPOOL);

            assertEquals(303, new Browser(browser).signIn("newcomer", "a brand new password").code());
            assertEquals(401, browser.get("/api/las").code(), "a changed password ends the user's sessions");
            assertEquals(401, black.get("/api/las").code(), "a removed user's sessions end");
            assertEquals(401, new Browser(browser).signIn(TestUsers.BLACKPOOL,
                    TestUsers.password(TestUsers.BLACKPOOL)).code());
            assertEquals(303, browser.signIn(LANCS, "lancs changed password").code());
        });
    }
}
