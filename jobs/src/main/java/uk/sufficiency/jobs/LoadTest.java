package uk.sufficiency.jobs;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.sufficiency.dashboard.DashboardServer;
import uk.sufficiency.dashboard.auth.Users;

/**
 * {@code ./sufficiency loadtest}: a bounded load test of the dashboard, on this machine only
 * (docs/dashboard-performance.md). Adds a throwaway user to the warehouse, starts the dashboard on
 * 127.0.0.1 on a free port, signs in over HTTP as a browser does, finds its targets from the pages
 * themselves (every page in the navigation, each chart's {@code data-src} JSON and each CSV and
 * XLSX download link), warms up, then times a bounded number of requests to each target: one
 * client in sequence, then {@value #CLIENTS} clients at once. Prints median, p95 and max per target
 * and overall. The server is stopped and the user removed at the end, whatever happens.
 *
 * <p>Requests go to {@code http://127.0.0.1:PORT} only: a link that is not a path on the server
 * itself is never followed. A non-2xx answer (or no answer) is a failure of the server: reported,
 * exit status 1. Slow answers are reported, not failed.
 */
final class LoadTest {
    static final int DEFAULT_REQUESTS = 200;
    static final int MAX_REQUESTS = 1_000;
    static final int WARM_UP = 20;
    static final int CLIENTS = 4;
    static final int DEFAULT_SECONDS = 120;
    static final int MAX_SECONDS = 600;
    static final double TARGET_MS = 100;
    static final String HOST = "127.0.0.1";
    static final int SLOWEST_SHOWN = 8;

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern NAV = Pattern.compile("(?s)<nav\\b[^>]*>(.*?)</nav>");
    private static final Pattern HREF = Pattern.compile("\\bhref=\"([^\"]*)\"");
    private static final Pattern DATA_SRC = Pattern.compile("\\bdata-src=\"([^\"]*)\"");
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");
    private static final Pattern ENTITY = Pattern.compile("&(amp|lt|gt|quot|#34|#39|#x27);");

    private final PrintStream out;
    private final PrintStream err;

    private LoadTest(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Load-tests the dashboard of a warehouse that has a published snapshot, as a throwaway viewer
     * of {@code la} ({@value Users#ALL_LAS} for every LA). Returns 0, or 1 when the server failed.
     */
    static int run(Path warehouseDir, String la, int requests, Duration budget, PrintStream out, PrintStream err) {
        checkBounds(requests, budget);
        return new LoadTest(out, err).measure(warehouseDir.toAbsolutePath(), la, requests, budget);
    }

    /** The hard caps: {@value #MAX_REQUESTS} requests per target per pass, {@value #MAX_SECONDS} s in all. */
    static void checkBounds(int requests, Duration budget) {
        if (requests < 1 || requests > MAX_REQUESTS) {
            throw new Args.UsageError("--requests must be 1 to " + MAX_REQUESTS + ", not " + requests);
        }
        if (budget.isNegative() || budget.isZero() || budget.compareTo(Duration.ofSeconds(MAX_SECONDS)) > 0) {
            throw new Args.UsageError("--seconds must be 1 to " + MAX_SECONDS + ", not " + budget.toSeconds());
        }
    }

    private int measure(Path warehouseDir, String la, int requests, Duration budget) {
        Path usersFile = warehouseDir.resolve(Users.FILE_NAME);
        boolean hadUsersFile = Files.exists(usersFile);
        String username = "loadtest-" + HexFormat.of().formatHex(randomBytes(6));
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(18));
        Users.load(warehouseDir).addOrReplace(username, la, "viewer", password.toCharArray());
        Javalin server = null;
        try {
            server = DashboardServer.start(warehouseDir, HOST, 0);
            String origin = "http://" + HOST + ":" + server.port();
            err.printf("Dashboard started on %s; signing in as the throwaway user %s (%s)%n", origin, username, la);
            Client first = Client.signedIn(origin, username, password);
            List<String> pages = pages(first);
            List<String> targets = discover(first, pages);
            err.printf("Targets found: %d (%d pages and their charts' data and downloads)%n", targets.size(),
                    pages.size());
            List<Client> clients = new ArrayList<>(List.of(first));
            for (int i = 1; i < CLIENTS; i++) {
                clients.add(Client.signedIn(origin, username, password));
            }

            long start = System.nanoTime();
            long end = start + budget.toNanos();
            int warmUp = Math.min(WARM_UP, requests);
            err.printf("Warming up: %d request(s) per target%n", warmUp);
            Pass warm = sequential(first, targets, warmUp, deadline(end, 5));
            err.printf("Sequential pass: %d request(s) per target, one client%n", requests);
            Pass seq = sequential(first, targets, requests, deadline(end, 2));
            err.printf("Concurrent pass: %d request(s) per target, %d clients%n", requests, CLIENTS);
            Pass conc = concurrent(clients, targets, requests, end);
            report(targets, requests, budget, warm, seq, conc);
            return 0;
        } catch (ServerFailure e) {
            err.println("error: the dashboard failed: " + e.getMessage());
            return 1;
        } finally {
            if (server != null) {
                server.stop();
            }
            Users.load(warehouseDir).remove(username);
            if (!hadUsersFile && Users.load(warehouseDir).isEmpty()) {
                try {
                    Files.deleteIfExists(usersFile); // it was created only for the throwaway user
                } catch (IOException e) {
                    err.println("warning: could not delete " + usersFile + ": " + e.getMessage());
                }
            }
        }
    }

    /** A share of the time left: 1/{@code share} of what remains until {@code end}. */
    private static long deadline(long end, int share) {
        long now = System.nanoTime();
        return now + Math.max(0, end - now) / share;
    }

    // ---- discovering the targets --------------------------------------------------------------

    /** The pages in the navigation of the landing page, as paths on this server. */
    private static List<String> pages(Client client) {
        String home = client.get("/").text();
        Matcher nav = NAV.matcher(home);
        if (!nav.find()) {
            throw new ServerFailure("the landing page has no <nav>");
        }
        return localPaths(HREF, nav.group(1));
    }

    /** Every page, then each page's chart data and CSV/XLSX downloads, once each, in the order found. */
    private static List<String> discover(Client client, List<String> pages) {
        LinkedHashSet<String> targets = new LinkedHashSet<>(pages);
        for (String page : pages) {
            String html = client.get(page).text();
            targets.addAll(targetsOf(html));
        }
        return List.copyOf(targets);
    }

    /** A page's {@code data-src} endpoints and its {@code .csv} and {@code .xlsx} links, as local paths. */
    static List<String> targetsOf(String html) {
        List<String> found = new ArrayList<>(localPaths(DATA_SRC, html));
        for (String href : localPaths(HREF, html)) {
            String path = href.contains("?") ? href.substring(0, href.indexOf('?')) : href;
            if (path.endsWith(".csv") || path.endsWith(".xlsx")) {
                found.add(href);
            }
        }
        return found;
    }

    /** Attribute values that are paths on this server ({@code /…}, not {@code //host…}), unescaped. */
    private static List<String> localPaths(Pattern attribute, String html) {
        List<String> paths = new ArrayList<>();
        Matcher m = attribute.matcher(html);
        while (m.find()) {
            String value = unescape(m.group(1));
            if (value.startsWith("/") && !value.startsWith("//") && !value.contains("\\")) {
                paths.add(value);
            }
        }
        return paths;
    }

    static String unescape(String attribute) {
        return ENTITY.matcher(attribute).replaceAll(m -> switch (m.group(1)) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot", "#34" -> "\""; // jte writes &#34;
            default -> "'";
        });
    }

    // ---- timing -------------------------------------------------------------------------------

    /** What a pass measured: each target's times in nanoseconds, and whether the time limit cut it short. */
    record Pass(Map<String, List<Long>> nanos, Map<String, Long> bytes, boolean cutShort) {
        int requests() {
            return nanos.values().stream().mapToInt(List::size).sum();
        }

        List<Long> all() {
            return nanos.values().stream().flatMap(List::stream).toList();
        }
    }

    private static Pass sequential(Client client, List<String> targets, int rounds, long deadline) {
        Map<String, List<Long>> nanos = emptyTimes(targets);
        Map<String, Long> bytes = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (String target : targets) {
                if (System.nanoTime() >= deadline) {
                    return new Pass(nanos, bytes, true);
                }
                Timed timed = client.time(target);
                nanos.get(target).add(timed.nanos());
                bytes.put(target, timed.bytes());
            }
        }
        return new Pass(nanos, bytes, false);
    }

    /** The clients take the next (round, target) from one queue, so every target gets its share even if cut short. */
    private static Pass concurrent(List<Client> clients, List<String> targets, int rounds, long deadline) {
        Map<String, List<Long>> nanos = emptyTimes(targets);
        Map<String, Long> bytes = new LinkedHashMap<>();
        int total = rounds * targets.size();
        AtomicInteger next = new AtomicInteger();
        AtomicReference<ServerFailure> failure = new AtomicReference<>();
        AtomicBoolean cutShort = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Client client : clients) {
                running.add(pool.submit(() -> {
                    while (failure.get() == null) {
                        int i = next.getAndIncrement();
                        if (i >= total) {
                            return;
                        }
                        if (System.nanoTime() >= deadline) {
                            cutShort.set(true);
                            return;
                        }
                        String target = targets.get(i % targets.size());
                        try {
                            Timed timed = client.time(target);
                            synchronized (nanos) {
                                nanos.get(target).add(timed.nanos());
                                bytes.put(target, timed.bytes());
                            }
                        } catch (ServerFailure e) {
                            failure.compareAndSet(null, e);
                        }
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerFailure("interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new ServerFailure("a client failed: " + e.getCause());
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return new Pass(nanos, bytes, cutShort.get());
    }

    private static Map<String, List<Long>> emptyTimes(List<String> targets) {
        Map<String, List<Long>> nanos = new LinkedHashMap<>();
        targets.forEach(t -> nanos.put(t, new ArrayList<>()));
        return nanos;
    }

    // ---- the arithmetic -----------------------------------------------------------------------

    /** The middle value; for an even count, the mean of the two middle values. */
    static double median(List<Long> values) {
        long[] sorted = sorted(values);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    /**
     * The {@code p}th percentile by nearest rank: the smallest value with at least {@code p}% of
     * the values at or below it, i.e. the value of rank ⌈p/100 × n⌉ (1-based) once sorted.
     */
    static double percentile(List<Long> values, double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100], not " + p);
        }
        long[] sorted = sorted(values);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[rank - 1]; // p > 0 and at least one value, so rank >= 1
    }

    static double max(List<Long> values) {
        return Collections.max(values);
    }

    private static long[] sorted(List<Long> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    // ---- the report ---------------------------------------------------------------------------

    private void report(List<String> targets, int requests, Duration budget, Pass warm, Pass seq, Pass conc) {
        int width = Math.max(20, targets.stream().mapToInt(String::length).max().orElse(20));
        out.printf("%nDashboard load test: %d target(s), %d request(s) per target per pass after %d warm-up "
                        + "request(s) each; times in ms, from sending a request to reading the last byte of its answer%n%n",
                targets.size(), requests, warm.nanos().values().stream().mapToInt(List::size).max().orElse(0));
        String head = "%-" + width + "s  %7s  | %s | %s%n";
        out.printf(head, "", "", centred("one client, in sequence", 33), centred(CLIENTS + " clients at once", 33));
        out.printf(head, "target", "KB", stats("requests", "median", "p95", "max"),
                stats("requests", "median", "p95", "max"));
        out.println("-".repeat(width + 2 + 7 + 2 + 2 * 36));
        Map<String, Double> slow = new LinkedHashMap<>(); // target -> its larger median of the two passes, in ms
        for (String target : targets) {
            List<Long> s = seq.nanos().get(target);
            List<Long> c = conc.nanos().get(target);
            long kb = seq.bytes().getOrDefault(target, warm.bytes().getOrDefault(target, 0L));
            out.printf(head, target, String.format(Locale.ROOT, "%.1f", kb / 1024.0), row(s), row(c));
            double worst = Math.max(s.isEmpty() ? 0 : ms(median(s)), c.isEmpty() ? 0 : ms(median(c)));
            if (worst >= TARGET_MS) {
                slow.put(target, worst);
            }
        }
        out.println("-".repeat(width + 2 + 7 + 2 + 2 * 36));
        out.printf(head, "all targets", "", row(seq.all()), row(conc.all()));
        out.println();
        for (Pass pass : List.of(warm, seq, conc)) {
            if (pass.cutShort()) {
                out.printf("The %s reached its share of the %d s time limit and stopped early: %d request(s) made.%n",
                        pass == warm ? "warm-up" : pass == seq ? "one-client pass" : CLIENTS + "-client pass",
                        budget.toSeconds(), pass.requests());
            }
        }
        Optional<Double> seqMedian = seq.all().isEmpty() ? Optional.empty() : Optional.of(ms(median(seq.all())));
        Optional<Double> concMedian = conc.all().isEmpty() ? Optional.empty() : Optional.of(ms(median(conc.all())));
        boolean under = seqMedian.map(m -> m < TARGET_MS).orElse(false) && concMedian.map(m -> m < TARGET_MS).orElse(false);
        out.printf(Locale.ROOT, "Overall median: %s ms with one client, %s ms with %d clients: %s%n",
                seqMedian.map(LoadTest::fmt).orElse("-"), concMedian.map(LoadTest::fmt).orElse("-"), CLIENTS,
                under ? "under " + (int) TARGET_MS + " ms" : "NOT under " + (int) TARGET_MS + " ms");
        if (slow.isEmpty()) {
            out.println("Every target's median is under " + (int) TARGET_MS + " ms in both passes.");
        } else {
            List<String> slowest = slow.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(SLOWEST_SHOWN)
                    .map(e -> e.getKey() + " (" + fmt(e.getValue()) + ")").toList();
            out.printf("%d of %d targets have a median of %d ms or more in at least one pass; the slowest: %s%n",
                    slow.size(), targets.size(), (int) TARGET_MS, String.join(", ", slowest));
        }
    }

    private static String row(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return stats("0", "-", "-", "-");
        }
        return stats(String.valueOf(nanos.size()), fmt(ms(median(nanos))), fmt(ms(percentile(nanos, 95))),
                fmt(ms(max(nanos))));
    }

    private static String stats(String n, String median, String p95, String max) {
        return String.format(Locale.ROOT, "%8s %7s %7s %7s", n, median, p95, max);
    }

    private static String centred(String text, int width) {
        int pad = Math.max(0, width - text.length());
        return " ".repeat(pad / 2) + text + " ".repeat(pad - pad / 2);
    }

    private static double ms(double nanos) {
        return nanos / 1e6;
    }

    private static String fmt(double ms) {
        return String.format(Locale.ROOT, ms < 10 ? "%.2f" : "%.1f", ms);
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    // ---- the HTTP client ----------------------------------------------------------------------

    /** An answer, read. */
    record Reply(int status, Map<String, List<String>> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT))).flatMap(v -> v.stream().findFirst());
        }
    }

    record Timed(long nanos, long bytes) {
    }

    /**
     * One browser: its own connection and cookies (kept by name and path, deleted by
     * {@code Max-Age=0}, as Browser in the dashboard's tests does); redirects are not followed, so a
     * lost session shows as a 303 and fails the test rather than timing the sign-in page.
     */
    static final class Client {
        private final String origin;
        private final HttpClient http;
        private final Map<String, String[]> cookies = new LinkedHashMap<>(); // name -> {value, path}

        private Client(String origin) {
            this.origin = origin;
            this.http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(REQUEST_TIMEOUT)
                    .build();
        }

        /** Opens the sign-in page and submits it with its csrf token, from the server's own origin. */
        static Client signedIn(String origin, String username, String password) {
            Client client = new Client(origin);
            Reply form = client.send("/login", null);
            if (form.status() != 200) {
                throw new ServerFailure("GET /login answered " + form.status());
            }
            Matcher csrf = CSRF_FIELD.matcher(form.text());
            if (!csrf.find() || !client.cookies.containsKey("sw_login")) {
                throw new ServerFailure("GET /login gave no csrf field or no sw_login cookie");
            }
            Reply signIn = client.send("/login", Map.of("csrf", unescape(csrf.group(1)), "username", username,
                    "password", password));
            if (signIn.status() != 303 || !"/".equals(signIn.header("Location").orElse(null))
                    || !client.cookies.containsKey("sw_session")) {
                throw new ServerFailure("signing in answered " + signIn.status() + " (expected 303 to / with a "
                        + "sw_session cookie): " + abbreviate(signIn.text()));
            }
            return client;
        }

        /** GET, requiring a 2xx answer. */
        Reply get(String path) {
            Reply reply = send(path, null);
            if (reply.status() / 100 != 2) {
                throw new ServerFailure("GET " + path + " answered " + reply.status() + ": " + abbreviate(reply.text()));
            }
            return reply;
        }

        Timed time(String path) {
            long start = System.nanoTime();
            Reply reply = get(path);
            return new Timed(System.nanoTime() - start, reply.body().length);
        }

        /** GET, or POST of a form when {@code form} is not null. */
        private Reply send(String path, Map<String, String> form) {
            if (!path.startsWith("/") || path.startsWith("//")) {
                throw new IllegalArgumentException("not a path on this server: " + path);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path)).timeout(REQUEST_TIMEOUT);
            if (form == null) {
                request.GET();
            } else {
                StringBuilder body = new StringBuilder();
                form.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&")
                        .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
                request.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Origin", origin);
            }
            String cookieHeader = cookieHeader(path);
            if (!cookieHeader.isEmpty()) {
                request.header("Cookie", cookieHeader);
            }
            HttpResponse<byte[]> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new ServerFailure((form == null ? "GET " : "POST ") + path + " got no answer: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServerFailure("interrupted");
            }
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                keep(setCookie);
            }
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        }

        private synchronized String cookieHeader(String path) {
            List<String> pairs = new ArrayList<>();
            cookies.forEach((name, valuePath) -> {
                String cookiePath = valuePath[1];
                if (path.equals(cookiePath) || path.startsWith(cookiePath.endsWith("/") ? cookiePath : cookiePath + "/")
                        || path.startsWith(cookiePath + "?")) {
                    pairs.add(name + "=" + valuePath[0]);
                }
            });
            return String.join("; ", pairs);
        }

        private synchronized void keep(String setCookie) {
            String[] parts = setCookie.split(";");
            String pair = parts[0].strip();
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                return;
            }
            String name = pair.substring(0, eq);
            String path = "/";
            boolean expire = false;
            for (int i = 1; i < parts.length; i++) {
                String attribute = parts[i].strip();
                String lower = attribute.toLowerCase(Locale.ROOT);
                if (lower.startsWith("path=")) {
                    path = attribute.substring(5);
                } else if (lower.equals("max-age=0")) {
                    expire = true;
                }
            }
            if (expire) {
                cookies.remove(name);
            } else {
                cookies.put(name, new String[] {pair.substring(eq + 1), path});
            }
        }

        private static String abbreviate(String text) {
            String flat = text.replaceAll("\\s+", " ").strip();
            return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
        }
    }

    /** The server answered other than 2xx, or not at all. */
    static final class ServerFailure extends RuntimeException {
        ServerFailure(String message) {
            super(message);
        }
    }
}
