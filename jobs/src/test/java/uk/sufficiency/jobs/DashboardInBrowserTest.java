package uk.sufficiency.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.sufficiency.dashboard.DashboardServer;
import uk.sufficiency.dashboard.auth.Users;
import uk.sufficiency.warehouse.Csv;

/**
 * The dashboard end to end, in Debian's headless Chromium driven by its chromedriver (issue 3):
 * the demo county generated and run through the pipeline as {@code ./sufficiency demo} does, the
 * dashboard served on a free loopback port, a sign-in through the form, then every page of the
 * navigation: each chart drawn with data, no console errors, a full-page screenshot in
 * {@code target/screenshots/}, and axe-core with no serious or critical violation; every CSV
 * download compared cell by cell with its JSON; and the keyboard order of the page's top.
 *
 * <p>Tagged "browser"; skipped (not failed) where Chromium or chromedriver is not installed, unless
 * {@code -Dbrowser.required=true} (as .ci/run, which installs them, says).
 * Nothing is downloaded: the driver is the system's, named in the service, so Selenium Manager
 * never runs, and axe.min.js comes inside the axe-core jar.
 */
@Tag("browser")
class DashboardInBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** The browser itself; the Debian launcher /usr/bin/chromium would add flags of its own (extensions, GPU). */
    private static final Path CHROMIUM_BINARY = Path.of("/usr/lib/chromium/chromium");
    private static final List<String> CHROMIUM_FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");
    /** Every page of issue 3; the test opens what the navigation links to and checks these are among them. */
    private static final List<String> EXPECTED_PAGES = List.of("/", "/children", "/benchmarks", "/fostering",
            "/data-quality", "/forecast");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The accessible-name and type of an element, comparable between the focus order and the page. */
    private static final String DESCRIBE = """
            var describe = function (e) {
              if (!e || e === document.body || e === document.documentElement) { return 'body'; }
              var text = (e.getAttribute('aria-label') || e.textContent || e.value || '').trim().replace(/\\s+/g, ' ');
              return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                + (e.getAttribute('href') ? '[href=' + e.getAttribute('href') + ']' : '')
                + (e.getAttribute('type') ? '[type=' + e.getAttribute('type') + ']' : '')
                + ' "' + text.slice(0, 40) + '"';
            };
            """;

    @TempDir
    static Path work;

    private static Javalin server;
    private static ChromeDriverService service;
    private static ChromeDriver driver;
    private static String base;
    private static String password;

    @BeforeAll
    static void demoCountyServedAndABrowser() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String missing = "the browser test needs Debian's chromium and chromium-driver (" + CHROMIUM + ", "
                + CHROMEDRIVER + "); .ci/run installs them: apt-get install chromium chromium-driver";
        // .ci/run installs them and says -Dbrowser.required=true, so there their absence fails rather than skips.
        assertTrue(installed || !Boolean.getBoolean("browser.required"), "Missing: " + missing);
        assumeTrue(installed, "Skipped: " + missing);

        // The demo's own path, run recorded: one SparkSession per test JVM (SparkSessions.getOrCreate), as MainTest's.
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        Path warehouseDir = Commands.demoWarehouse(work, quiet, quiet);
        password = Users.createDemoUser(warehouseDir, Commands.DEMO_LA);
        server = DashboardServer.start(warehouseDir, "127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();

        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Files.createDirectories(Path.of("target"));
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()) // so Selenium Manager is never asked for one
                .usingAnyFreePort()
                .withLogFile(new File("target/chromedriver.log"))
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary((Files.isExecutable(CHROMIUM_BINARY) ? CHROMIUM_BINARY : CHROMIUM).toFile());
        options.addArguments(CHROMIUM_FLAGS);
        options.addArguments("--user-data-dir=" + Files.createDirectories(work.resolve("chromium-profile")),
                "--window-size=1280,2000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void theSignInPageIsAccessibleAndSignsIn() throws IOException {
        driver.get(base + "/login");
        driver.manage().deleteAllCookies();
        drainConsole();
        driver.get(base + "/");
        assertTrue(driver.getCurrentUrl().endsWith("/login"), "signed out, a page sends you to /login: "
                + driver.getCurrentUrl());
        List<String> problems = new ArrayList<>();
        problems.addAll(consoleErrors("login"));
        screenshot("login");
        problems.addAll(axeProblems("login"));
        signIn();
        assertEquals(base + "/", driver.getCurrentUrl());
        assertFalse(driver.findElements(By.cssSelector("nav a")).isEmpty(), "signed in, the page has its navigation");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyPageDrawsItsChartsWithoutConsoleErrorsAndPassesAxe() throws IOException {
        ensureSignedIn();
        theConsoleIsRead();
        List<String> pages = navigationPaths();
        assertTrue(pages.containsAll(EXPECTED_PAGES), "the navigation links to every page of issue 3: " + pages);

        List<String> problems = new ArrayList<>();
        for (String path : pages) {
            drainConsole();
            driver.get(base + path);
            String name = pageName(path);
            assertEquals(base + path, driver.getCurrentUrl(), "still signed in on " + path);
            problems.addAll(chartsDrawn(name));
            problems.addAll(consoleErrors(name));
            screenshot(name);
            problems.addAll(axeProblems(name));
        }
        assertTrue(problems.isEmpty(), problems.size() + " problem(s):\n" + String.join("\n", problems));
    }

    @Test
    void everyCsvDownloadMatchesItsJsonCellByCell() throws Exception {
        ensureSignedIn();
        Cookie session = driver.manage().getCookieNamed("sw_session");
        assertTrue(session != null, "the browser holds the session cookie after signing in");
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();

        int compared = 0;
        List<String> problems = new ArrayList<>();
        for (String path : navigationPaths()) {
            driver.get(base + path);
            List<WebElement> csvLinks = driver.findElements(By.cssSelector(".downloads a")).stream()
                    .filter(a -> a.getText().trim().startsWith("CSV") && a.getAttribute("href").contains(".csv?"))
                    .toList();
            for (WebElement link : csvLinks) {
                String csvUrl = link.getAttribute("href");
                String jsonUrl = csvUrl.replaceFirst("\\.csv\\?", "?");
                HttpResponse<String> csv = get(http, csvUrl, session);
                HttpResponse<String> json = get(http, jsonUrl, session);
                if (csv.statusCode() != 200 || json.statusCode() != 200) {
                    problems.add(csvUrl + ": CSV answered " + csv.statusCode() + ", JSON " + json.statusCode());
                    continue;
                }
                assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), csvUrl);
                problems.addAll(compare(csvUrl, parseCsv(csv.body()), JSON.readTree(json.body())));
                compared++;
            }
        }
        assertTrue(compared >= EXPECTED_PAGES.size() - 1, "compared " + compared + " CSV downloads with their JSON");
        System.out.printf("Compared %d CSV downloads with their JSON cell by cell%n", compared);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /**
     * Issue 11: one chart of each page saved as its PNG export (app.js exportPng, what the "Save the
     * chart as PNG" button downloads) into target/screenshots/. The PNG is the chart's width at twice
     * the pixels and as tall as the export says; its title and subtitle are the chart's heading, and
     * its legend every entry of the chart on the page, wrapped, never paged; title and source line
     * are drawn (dark pixels where they sit). On the Costs page the money axis reads £m / £k, and on
     * Hard to find the needs chart names every need in words, every label shown.
     */
    @Test
    void aSavedPngIsTheChartWithItsTitleLaPeriodSourceAndFullLegend() throws Exception {
        ensureSignedIn();
        List<String> problems = new ArrayList<>();
        int saved = 0;
        for (String path : navigationPaths()) {
            driver.get(base + path);
            chartsDrawn(pageName(path));
            List<WebElement> drawn = driver.findElements(By.cssSelector(".chart[data-drawn]")).stream()
                    .filter(c -> !"0".equals(c.getAttribute("data-drawn"))).toList();
            if (drawn.isEmpty()) {
                continue;
            }
            String id = drawn.get(0).getAttribute("id");
            problems.addAll(pngProblems(pageName(path), id));
            saved++;
            if (path.equals("/costs")) {
                assertEquals(List.of("£120m", "£18.03m", "£45.5k", "£950", "£0", "-£2m"), driver.executeScript("""
                        var o = echarts.getInstanceByDom(document.getElementById('cost-annualised-chart')).getOption();
                        var f = o.yAxis[0].axisLabel.formatter;
                        return [120000000, 18026166.6, 45500, 950, 0, -2000000].map(function (v) { return f(v); });"""));
            }
            if (path.equals("/hard-to-find") && !driver.findElements(By.id("requests-needs-chart")).isEmpty()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> axis = (Map<String, Object>) driver.executeScript("""
                        var o = echarts.getInstanceByDom(document.getElementById('requests-needs-chart')).getOption();
                        var x = o.xAxis[0];
                        return { interval: x.axisLabel.interval, labels: x.data.map(function (v) { return x.axisLabel.formatter(v); }) };""");
                assertEquals(0L, ((Number) axis.get("interval")).longValue(), "every need's label is shown");
                @SuppressWarnings("unchecked")
                List<String> labels = (List<String>) axis.get("labels");
                assertTrue(labels.contains("Self-harm") && labels.contains("Deprivation of liberty (DoLS)"), labels.toString());
                assertTrue(labels.stream().noneMatch(l -> l.contains("_")), "no raw codes: " + labels);
                problems.addAll(pngProblems("hard-to-find", "requests-needs-chart"));
            }
        }
        assertTrue(saved >= EXPECTED_PAGES.size(), "saved a PNG of a chart of " + saved + " pages");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** Exports one chart as its PNG, saves it and checks it against the chart on the page. */
    private static List<String> pngProblems(String page, String id) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> png = (Map<String, Object>) driver.executeScript(
                "return window.sufficiencyCharts.exportPng(arguments[0]);", id);
        @SuppressWarnings("unchecked")
        Map<String, Object> shown = (Map<String, Object>) driver.executeScript("""
                var el = document.getElementById(arguments[0]);
                var o = echarts.getInstanceByDom(el).getOption();
                var names = [];
                o.series.forEach(function (s) { if (names.indexOf(s.name) < 0) { names.push(s.name); } });
                return { width: el.clientWidth, heading: document.getElementById(el.getAttribute('aria-labelledby'))
                  .textContent.trim(), legendType: o.legend[0].type, legend: o.legend[0].data, series: names,
                  band: JSON.parse(el.dataset.spec).type === 'band' };""", id);
        String where = page + " #" + id + ": ";
        List<String> problems = new ArrayList<>();
        String url = (String) png.get("url");
        byte[] bytes = Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1));
        Path file = SCREENSHOTS.resolve("png-" + page + "-" + id + ".png");
        Files.createDirectories(SCREENSHOTS);
        Files.write(file, bytes);
        BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        long ratio = ((Number) png.get("pixelRatio")).longValue();
        long width = ((Number) png.get("width")).longValue();
        long height = ((Number) png.get("height")).longValue();
        if (width != ((Number) shown.get("width")).longValue()) {
            problems.add(where + "exported " + width + " px wide, the chart is " + shown.get("width"));
        }
        if (image.getWidth() != width * ratio || image.getHeight() != height * ratio) {
            problems.add(where + "PNG is " + image.getWidth() + "x" + image.getHeight() + ", not " + width * ratio + "x"
                    + height * ratio);
        }
        if (!shown.get("heading").equals(png.get("title") + ": " + png.get("subtitle"))) {
            problems.add(where + "title '" + png.get("title") + "' / '" + png.get("subtitle") + "' is not the heading '"
                    + shown.get("heading") + "'");
        }
        if (!String.valueOf(png.get("subtitle")).startsWith(Commands.DEMO_LA)) {
            problems.add(where + "the subtitle does not name the LA: " + png.get("subtitle"));
        }
        if (!String.valueOf(png.get("source")).startsWith("Source: Sufficiency Warehouse, snapshot ")) {
            problems.add(where + "source line: " + png.get("source"));
        }
        @SuppressWarnings("unchecked")
        List<String> legend = (List<String>) png.get("legend");
        @SuppressWarnings("unchecked")
        List<String> series = (List<String>) shown.get("series");
        boolean full = Boolean.TRUE.equals(shown.get("band")) ? !legend.isEmpty() && series.containsAll(legend)
                : legend.equals(series);
        if (!full || !legend.equals(shown.get("legend"))) {
            problems.add(where + "legend " + legend + " against the chart's " + shown.get("legend") + ", series " + series);
        }
        if (!"plain".equals(png.get("legendType")) || !"plain".equals(shown.get("legendType"))) {
            problems.add(where + "legend type " + png.get("legendType") + " / " + shown.get("legendType") + ", not plain");
        }
        // The title is drawn from 16 px down, the source line in the last 30 px: both hold dark text.
        if (!darkPixels(image, (int) (16 * ratio), (int) (40 * ratio)) || !darkPixels(image,
                (int) ((height - 30) * ratio), (int) (height * ratio))) {
            problems.add(where + "no title or source line drawn in " + file);
        }
        System.out.printf("%s: PNG %dx%d, legend %d entries, %s%n", where, image.getWidth(), image.getHeight(),
                legend.size(), file.toAbsolutePath());
        return problems;
    }

    private static boolean darkPixels(BufferedImage image, int fromY, int toY) {
        for (int y = Math.max(0, fromY); y < Math.min(image.getHeight(), toY); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xff) < 80 && ((rgb >> 8) & 0xff) < 80 && (rgb & 0xff) < 80) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The demo user is an admin: a scenario saved through the form is projected beside the base (the real republish). */
    @Test
    void aScenarioSavedOnTheForecastPageIsProjectedBesideTheBase() {
        ensureSignedIn();
        driver.get(base + "/forecast");
        driver.findElement(By.id("scenario-name")).sendKeys("Fewer IFA entries");
        new Select(driver.findElement(By.id("rate1-kind"))).selectByValue("entry");
        new Select(driver.findElement(By.id("rate1-group"))).selectByValue("foster_ifa");
        driver.findElement(By.id("rate1-multiply")).sendKeys("0.8");
        driver.findElement(By.cssSelector("form.scenario button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(300)).until(d -> d.getCurrentUrl().contains("saved="));
        assertTrue(driver.findElement(By.cssSelector("p.success")).getText().contains("Fewer IFA entries"));
        // The forecast is remade in the background; the page says when it is done.
        new WebDriverWait(driver, Duration.ofSeconds(300)).pollingEvery(Duration.ofSeconds(2)).until(d -> {
            d.navigate().refresh();
            return "done".equals(d.findElement(By.id("republish-state")).getAttribute("data-state"));
        });
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> d.findElement(By.id("forecast-scenarios-chart"))
                .getAttribute("data-drawn") != null);
        assertEquals("2", driver.findElement(By.id("forecast-scenarios-chart")).getAttribute("data-drawn"),
                "the base and the new scenario");
    }

    /** Issue 10: the Forecast page shows the gap second, drawn for each of the demo's four provisions and in words. */
    @Test
    void theForecastPageShowsTheGapOfEachProvisionFromTheStart() {
        ensureSignedIn();
        driver.get(base + "/forecast");
        List<String> panels = driver.findElements(By.cssSelector("section.panel")).stream()
                .map(panel -> panel.getAttribute("id")).toList();
        assertEquals(List.of("forecast-all", "forecast-gap"), panels.subList(0, 2));
        String summary = driver.findElement(By.cssSelector("#forecast-gap p.summary")).getText();
        assertTrue(summary.startsWith("At the start, 31 Mar 2024: "), summary);
        assertTrue(summary.contains("Block children's home beds: ") && summary.contains("placed outside them (spot)"),
                summary);
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> d.findElement(By.id("forecast-gap-chart"))
                .getAttribute("data-drawn") != null);
        assertEquals("4", driver.findElement(By.id("forecast-gap-chart")).getAttribute("data-drawn"),
                "in-house foster places, in-house home beds, block home beds, block supported beds");
    }

    @Test
    void theKeyboardReachesTheSkipLinkTheNavigationAndTheFilters() {
        ensureSignedIn();
        driver.get(base + "/children");
        JavascriptExecutor js = driver;
        List<String> expected = new ArrayList<>();
        expected.add(describe(driver.findElement(By.cssSelector("a.skip"))));
        driver.findElements(By.cssSelector("nav a")).forEach(a -> expected.add(describe(a)));
        driver.findElements(By.cssSelector("form.filters select, form.filters input:not([type=hidden]), "
                + "form.filters button")).forEach(control -> expected.add(describe(control)));

        // From the top of the page: Tab until past the filters' last control, noting each focused element once.
        js.executeScript("window.scrollTo(0, 0); if (document.activeElement) { document.activeElement.blur(); }");
        List<String> focused = new ArrayList<>();
        for (int i = 0; i < 40 && !focused.contains(expected.get(expected.size() - 1)); i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            String now = (String) js.executeScript(DESCRIBE + "return describe(document.activeElement);");
            if (focused.isEmpty() || !focused.get(focused.size() - 1).equals(now)) {
                focused.add(now);
            }
        }
        assertEquals(expected.get(0), focused.get(0), "the first Tab reaches the skip link; focus order: " + focused);
        List<String> inOrder = focused.stream().filter(expected::contains).distinct().toList();
        assertEquals(expected, inOrder, "Tab reaches the skip link, every page link and every filter control in order;"
                + " focus order: " + focused);

        // The skip link shows when focused and takes the keyboard past the navigation to the figures.
        driver.get(base + "/children");
        js.executeScript("if (document.activeElement) { document.activeElement.blur(); }");
        new Actions(driver).sendKeys(Keys.TAB).perform();
        WebElement skip = driver.switchTo().activeElement();
        assertEquals("skip", skip.getAttribute("class"), "focused: " + describe(skip));
        Number left = (Number) js.executeScript("return arguments[0].getBoundingClientRect().left;", skip);
        assertTrue(left.doubleValue() >= 0 && skip.isDisplayed(), "the focused skip link is on screen (left " + left + ")");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        new Actions(driver).sendKeys(Keys.TAB).perform();
        Boolean inMain = (Boolean) js.executeScript(
                "return document.getElementById('main').contains(document.activeElement);");
        assertTrue(inMain, "after the skip link, Tab lands inside <main>, not on "
                + js.executeScript(DESCRIBE + "return describe(document.activeElement);"));
    }

    // --- sign-in --------------------------------------------------------------------------------

    private static void signIn() {
        driver.get(base + "/login");
        driver.findElement(By.id("username")).sendKeys(Users.DEMO_USERNAME);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form.login button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private static void ensureSignedIn() {
        if (driver.manage().getCookieNamed("sw_session") == null) {
            driver.get(base + "/login"); // cookies can be read only on the site's own origin
            if (driver.manage().getCookieNamed("sw_session") == null) {
                signIn();
            }
        }
    }

    /** The paths the navigation links to, in its order, from the landing page. */
    private static List<String> navigationPaths() {
        driver.get(base + "/");
        return driver.findElements(By.cssSelector("nav a")).stream()
                .map(a -> URI.create(a.getAttribute("href")).getPath()).distinct().toList();
    }

    private static String pageName(String path) {
        return path.equals("/") ? "index" : path.replaceAll("^/", "").replaceAll("[^A-Za-z0-9-]+", "-");
    }

    // --- charts, console, screenshots, axe -------------------------------------------------------

    /** Waits until app.js has drawn (or given up on) every chart; each must have drawn one series or more. */
    private static List<String> chartsDrawn(String page) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> d.findElements(By.cssSelector(".chart"))
                    .stream().allMatch(c -> c.getAttribute("data-drawn") != null || c.getText().contains("could not")));
        } catch (org.openqa.selenium.TimeoutException e) {
            // reported chart by chart below
        }
        List<String> problems = new ArrayList<>();
        List<WebElement> charts = driver.findElements(By.cssSelector(".chart"));
        for (WebElement chart : charts) {
            String drawn = chart.getAttribute("data-drawn");
            if (drawn == null || !drawn.matches("\\d+") || Integer.parseInt(drawn) <= 0) {
                problems.add(page + ": chart #" + chart.getAttribute("id") + " not drawn with data (data-drawn="
                        + drawn + "): " + chart.getText().trim());
            }
        }
        System.out.printf("%s: %d chart(s), %d drawn with data%n", page, charts.size(), charts.size() - problems.size());
        return problems;
    }

    /** A console error written on purpose must be read back, or "no console errors" would prove nothing. */
    private static void theConsoleIsRead() {
        drainConsole();
        driver.executeScript("console.error('browser-test probe');");
        List<String> read = consoleErrors("probe");
        assertTrue(read.stream().anyMatch(line -> line.contains("browser-test probe")),
                "the browser's console log is read back: " + read);
    }

    private static void drainConsole() {
        driver.manage().logs().get(LogType.BROWSER);
    }

    /** SEVERE entries of the browser's console since the last look fail; warnings are printed only. */
    private static List<String> consoleErrors(String page) {
        List<String> problems = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                problems.add(page + ": console error: " + entry.getMessage());
            } else if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
                System.out.println(page + ": console warning: " + entry.getMessage());
            }
        }
        return problems;
    }

    /** The whole page, not just the 1280x2000 window, through the DevTools protocol. */
    private static void screenshot(String page) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of())
                .get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1,
                "width", ((Number) metrics.get("width")).doubleValue(),
                "height", ((Number) metrics.get("height")).doubleValue());
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(page + ".png");
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        System.out.println(page + ": screenshot " + file.toAbsolutePath());
    }

    /** Every violation is printed; serious and critical ones are returned as problems, with their elements. */
    private static List<String> axeProblems(String page) {
        Results results = new AxeBuilder().analyze(driver);
        List<String> problems = new ArrayList<>();
        if (results.isErrored()) {
            problems.add(page + ": axe-core could not run: " + results.getErrorMessage());
        }
        for (Rule rule : results.getViolations()) {
            String targets = rule.getNodes().stream().map(DashboardInBrowserTest::target)
                    .collect(Collectors.joining("; "));
            String line = "%s: axe %s [%s] %s: %s".formatted(page, rule.getId(), rule.getImpact(), rule.getHelp(), targets);
            System.out.println(line);
            if (FAILING_IMPACTS.contains(String.valueOf(rule.getImpact()).toLowerCase(Locale.ROOT))) {
                problems.add(line);
            }
        }
        System.out.printf("%s: axe-core %s: %d violation(s), %d rule(s) passed%n", page,
                results.getTestEngine() == null ? "" : results.getTestEngine().getVersion(),
                results.getViolations().size(), results.getPasses().size());
        return problems;
    }

    private static String target(CheckedNode node) {
        String summary = node.getFailureSummary() == null ? "" : " (" + node.getFailureSummary()
                .replaceAll("\\s+", " ").trim() + ")";
        return node.getTarget() + summary;
    }

    private static String describe(WebElement element) {
        return (String) driver.executeScript(DESCRIBE + "return describe(arguments[0]);", element);
    }

    // --- downloads ------------------------------------------------------------------------------

    private static HttpResponse<String> get(HttpClient http, String url, Cookie session)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Cookie", session.getName() + "=" + session.getValue()).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The CSV's header against the JSON's columns, then every row and cell in order. */
    private static List<String> compare(String url, List<List<String>> csv, JsonNode json) {
        List<String> problems = new ArrayList<>();
        List<String> header = csv.get(0);
        List<String> columns = new ArrayList<>();
        json.get("columns").forEach(c -> columns.add(c.get("name").asText()));
        if (!header.equals(columns)) {
            problems.add(url + ": CSV header " + header + " but the JSON's columns are " + columns);
        }
        JsonNode rows = json.get("rows");
        if (rows.size() != csv.size() - 1) {
            problems.add(url + ": " + (csv.size() - 1) + " CSV rows but " + rows.size() + " JSON rows");
        }
        for (int i = 0; i < Math.min(rows.size(), csv.size() - 1) && problems.size() < 20; i++) {
            List<String> line = csv.get(i + 1);
            JsonNode row = rows.get(i);
            for (int c = 0; c < header.size(); c++) {
                String cell = c < line.size() ? line.get(c) : null;
                JsonNode value = row.get(header.get(c));
                if (!sameCell(cell, value)) {
                    problems.add("%s: row %d, %s: CSV '%s' but JSON %s".formatted(url, i + 1, header.get(c), cell, value));
                }
            }
        }
        return problems;
    }

    private static boolean sameCell(String cell, JsonNode value) {
        if (value == null || value.isNull()) {
            return cell != null && cell.isEmpty();
        }
        if (cell == null) {
            return false;
        }
        if (value.isNumber()) {
            try {
                return new BigDecimal(cell).compareTo(value.decimalValue()) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return cell.equals(Csv.neutralised(value.asText())); // formula-looking text carries its quote (issue 11)
    }

    /** RFC 4180, as the dashboard writes it: quoted cells may hold commas, quotes and line breaks. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(ch);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
