package uk.sufficiency.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.sufficiency.warehouse.FactTable;
import uk.sufficiency.warehouse.forecast.Scenario;
import uk.sufficiency.warehouse.forecast.ScenarioStore;

/**
 * Text from input files and forms reaches the pages only through the templates' escaping: in text
 * {@code <} and {@code &} are escaped (quotes are harmless there); in an attribute quotes are too, so
 * nothing can close the attribute or open a tag, and no script runs.
 */
class PageEscapingTest {
    /** An LA name as an input file could carry it. */
    private static final String LA = "O'Hara \"<script>alert(1)</script>";
    private static final String LA_IN_TEXT = "O'Hara \"&lt;script&gt;alert(1)&lt;/script&gt;";
    private static final String LA_IN_ATTRIBUTE = "O&#39;Hara &#34;&lt;script>alert(1)&lt;/script>";
    /** The only script tags a page may have: ECharts and app.js, from this site. */
    private static final Pattern SCRIPT_TAG = Pattern.compile("<script[^>]*>");

    @TempDir
    Path dir;

    @Test
    void anLaNameIsEscapedInTextAndInAttributes() throws Exception {
        new TestSnapshot()
                .rows(FactTable.EPISODES,
                        "('O''Hara \"<script>alert(1)</script>', 'h1', '2022-01-15', NULL, NULL, 'S', 'C2', 'U4', 'PR1',"
                                + " 'foster_inhouse', 2022, NULL)",
                        "('Blackpool', 'b1', '2022-02-01', NULL, NULL, 'S', 'C2', 'U1', 'PR0', 'foster_kinship', 2022, NULL)")
                .rows(FactTable.LA_WINDOW, "('O''Hara \"<script>alert(1)</script>', 2022, 2022)",
                        "('Blackpool', 2022, 2022)")
                .publish(dir);
        TestUsers.write(dir);
        TestUsers.as(dir, TestUsers.BLACKPOOL, browser -> {
            Browser.Reply reply = browser.get("/children?la=" + URLEncoder.encode(LA, StandardCharsets.UTF_8));
            assertEquals(200, reply.code(), reply.body());
            String page = reply.body();
            assertTrue(page.contains("<title>Children looked after: " + LA_IN_TEXT + "</title>"), page);
            assertTrue(page.contains("<p class=\"lead\"><strong>" + LA_IN_TEXT + "</strong>:"), page);
            assertTrue(page.contains("<h2 id=\"cla-month-end-heading\">Children looked after at each month end, by"
                    + " placement category: " + LA_IN_TEXT + ", 31 January 2022 to 31 March 2022</h2>"), page);
            // Blackpool's reader sees another LA's page: the note names it.
            assertTrue(page.contains("<p class=\"note\" id=\"suppression-note\">" + LA_IN_TEXT
                    + " is not your local authority,"), page);
            assertTrue(page.contains("<option value=\"" + LA_IN_ATTRIBUTE + "\" selected>" + LA_IN_TEXT + "</option>"),
                    page);
            // In links the name is URL-encoded, then the & between parameters escaped for the attribute.
            assertTrue(page.contains("<a href=\"/api/cla-month-end.csv?la=O%27Hara+%22%3Cscript%3Ealert%281%29%3C%2Fscript%3E"
                    + "&amp;publication=true\" download>"), page);
            assertNoScriptButTheSites(page);
            // The chart's JSON sits in an attribute: its quotes are escaped, so it cannot end the attribute.
            Matcher spec = Pattern.compile("data-spec=\"([^\"]*)\"").matcher(page);
            assertTrue(spec.find(), page);
            assertTrue(spec.group(1).startsWith("{&#34;"), spec.group(1));
        });
    }

    @Test
    void aTypedScenarioNameAndASavedDescriptionAreEscaped() throws Exception {
        TestSnapshot.lancashireAndBlackpool().publish(dir);
        TestUsers.write(dir);
        new ScenarioStore(dir).save(new Scenario("Quoted", "<b>\"Bold\"</b> & 'so on'", List.of(), List.of(), null,
                "Lancashire"));
        TestUsers.as(dir, TestUsers.ADMIN, warehouseDir -> { }, browser -> {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("csrf", Browser.csrf(browser.get("/forecast").body()));
            form.put("name", "x\"><script>alert('1')</script>");
            Browser.Reply reply = browser.post("/forecast/scenarios?la=Lancashire", form);
            assertEquals(400, reply.code(), reply.body());
            String page = reply.body();
            // Refused (a name has letters, digits, spaces, '.', '_' or '-'), and shown back as typed, escaped.
            assertTrue(page.contains("<p class=\"error\" id=\"scenario-error\" role=\"alert\">A scenario needs a name"
                    + " of 1-60 letters, digits, spaces, '.', '_' or '-'; got 'x\"&gt;&lt;script&gt;alert('1')"
                    + "&lt;/script&gt;'</p>"), page);
            assertTrue(page.contains("<input id=\"scenario-name\" name=\"name\" type=\"text\" value=\"x&#34;>&lt;script>"
                    + "alert(&#39;1&#39;)&lt;/script>\" maxlength=\"60\" required>"), page);
            assertTrue(page.contains("<td>&lt;b&gt;\"Bold\"&lt;/b&gt; &amp; 'so on'</td>"), page);
            assertNoScriptButTheSites(page);
        });
    }

    @Test
    void aTableCaptionHeadingsAndCellsAreEscapedInTextAndInTheRegionLabel() {
        String html = Templates.render("table.jte", Map.of("table", new Table("Rows <script>\"x\"</script> 'y'",
                List.of("<th>", "'\""), List.of(List.of("<b>row</b>", "\"&'")))));
        assertTrue(html.contains("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Rows "
                + "&lt;script>&#34;x&#34;&lt;/script> &#39;y&#39;\">"), html);
        assertTrue(html.contains("<caption>Rows &lt;script&gt;\"x\"&lt;/script&gt; 'y'</caption>"), html);
        assertTrue(html.contains("<thead><tr><th scope=\"col\">&lt;th&gt;</th><th scope=\"col\">'\"</th></tr></thead>"),
                html);
        assertTrue(html.contains("<tr><th scope=\"row\">&lt;b&gt;row&lt;/b&gt;</th><td>\"&amp;'</td></tr>"), html);
    }

    private static void assertNoScriptButTheSites(String page) {
        Matcher tag = SCRIPT_TAG.matcher(page);
        while (tag.find()) {
            assertTrue(List.of("<script src=\"" + DashboardPage.ECHARTS_SCRIPT + "\" defer>",
                    "<script src=\"/app.js\" defer>").contains(tag.group()), tag.group());
        }
        assertFalse(page.contains("<script>alert"), page);
    }
}
