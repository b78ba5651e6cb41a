package uk.sufficiency.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.FormBody;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A minimal browser for the server tests: keeps cookies the way a browser would for one host (by
 * name; deleted by Max-Age=0), does not follow redirects, so tests see each 303 and its Location,
 * and reads every body at once.
 */
final class Browser {
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().followRedirects(false).build();
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");

    private final String origin;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    Browser(Javalin server) {
        this.origin = "http://localhost:" + server.port();
    }

    /** Another browser on the same server, with no cookies of its own. */
    Browser(Browser sameServer) {
        this.origin = sameServer.origin;
    }

    /** A response, read. */
    record Reply(int code, Headers headers, String body) {
        String header(String name) {
            return headers.get(name);
        }

        List<String> setCookies() {
            return headers.values("Set-Cookie");
        }

        /** The Set-Cookie header for one cookie name, or null. */
        String setCookie(String name) {
            return setCookies().stream().filter(c -> c.startsWith(name + "=")).findFirst().orElse(null);
        }
    }

    String origin() {
        return origin;
    }

    String cookie(String name) {
        return cookies.get(name);
    }

    Browser withCookie(String name, String value) {
        cookies.put(name, value);
        return this;
    }

    /** A header sent with every request from now on (as a proxy in front of the server would add it). */
    Browser withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    Reply get(String path) {
        return send(new Request.Builder().url(origin + path).get());
    }

    Reply post(String path, Map<String, String> form) {
        return post(path, form, Map.of());
    }

    Reply post(String path, Map<String, String> form, Map<String, String> headers) {
        FormBody.Builder body = new FormBody.Builder();
        form.forEach(body::add);
        Request.Builder request = new Request.Builder().url(origin + path).post(body.build());
        headers.forEach(request::header);
        return send(request);
    }

    /** Opens the sign-in page and submits it, as a person would. */
    Reply signIn(String username, String password) {
        Reply form = get("/login");
        assertEquals(200, form.code(), form.body());
        return post("/login", Map.of("csrf", csrf(form.body()), "username", username, "password", password));
    }

    /** Signs in as a test user, checking it worked. */
    Browser signedInAs(String username) {
        Reply reply = signIn(username, TestUsers.password(username));
        assertEquals(303, reply.code(), reply.body());
        assertEquals("/", reply.header("Location"));
        return this;
    }

    /** Signs out with the token from a page's sign-out form. */
    Reply signOut() {
        return post("/logout", Map.of("csrf", csrf(get("/").body())));
    }

    /** The value of the first form's csrf field in a page. */
    static String csrf(String html) {
        Matcher m = CSRF_FIELD.matcher(html);
        if (!m.find()) {
            throw new AssertionError("No csrf field in: " + html);
        }
        return m.group(1);
    }

    private Reply send(Request.Builder request) {
        headers.forEach(request::header);
        if (!cookies.isEmpty()) {
            request.header("Cookie", String.join("; ", cookies.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        try (Response response = HTTP.newCall(request.build()).execute()) {
            Reply reply = new Reply(response.code(), response.headers(), response.body().string());
            for (String setCookie : reply.setCookies()) {
                String pair = setCookie.split(";", 2)[0];
                String name = pair.substring(0, pair.indexOf('='));
                if (setCookie.contains("Max-Age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, pair.substring(pair.indexOf('=') + 1));
                }
            }
            return reply;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
