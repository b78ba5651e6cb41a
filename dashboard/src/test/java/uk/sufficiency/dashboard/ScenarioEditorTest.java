package uk.sufficiency.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import uk.sufficiency.warehouse.forecast.Scenario;
import uk.sufficiency.warehouse.forecast.ScenarioStore;

/** The Forecast page's scenario editor: who may save and delete, what a bad form shows, and the JSON download. */
class ScenarioEditorTest extends TwoLaServerTest {
    private static final Scenario IN_HOUSE = new Scenario("More in-house", "Fewer IFA entries, two new homes",
            List.of(new Scenario.RateChange(Scenario.RateKind.entry, "foster_ifa", null, null, 0.8, null)),
            List.of(new Scenario.Intervention("Two homes", LocalDate.of(2023, 4, 1), "home_agency", "home_inhouse", null,
                    6.0, false, 6)), 0.05, "Lancashire"); // saved on Lancashire's page: for Lancashire

    /** Where the stand-in republisher was asked to remake the forecast. */
    private final List<Path> republished = new CopyOnWriteArrayList<>();

    @Override
    void as(String username, TestUsers.Scenario scenario) {
        TestUsers.as(dir, username, republished::add, scenario);
    }

    /** The form for {@link #IN_HOUSE} as a person would fill it in (fee inflation in percent), with the page's token. */
    private static Map<String, String> inHouseForm(Browser browser) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", Browser.csrf(browser.get("/forecast").body()));
        form.put("name", "More in-house");
        form.put("description", "Fewer IFA entries, two new homes");
        form.put("fee_inflation", "5");
        form.put("rate1_kind", "entry");
        form.put("rate1_group", "foster_ifa");
        form.put("rate1_multiply", "0.8");
        form.put("rate2_kind", "");
        form.put("rate2_multiply", "");
        form.put("intervention1_name", "Two homes");
        form.put("intervention1_start", "2023-04-01");
        form.put("intervention1_from_group", "home_agency");
        form.put("intervention1_to_group", "home_inhouse");
        form.put("intervention1_children", "6");
        form.put("intervention1_per_year", "once");
        form.put("intervention1_places", "6");
        form.put("intervention2_per_year", "once");
        return form;
    }

    private Path saved() {
        return dir.resolve("scenarios").resolve("lancashire--more-in-house.json");
    }

    @Test
    void anAdministratorSavesAScenarioTheForecastIsRemadeAndItCanBeDownloadedAndDeleted() {
        as(TestUsers.ADMIN, browser -> {
            assertFalse(browser.get("/forecast").body().contains(" disabled"), "the form is enabled for an admin");
            Browser.Reply reply = browser.post("/forecast/scenarios?la=Lancashire", inHouseForm(browser));
            assertEquals(303, reply.code(), reply.body());
            assertEquals("/forecast?la=Lancashire&saved=More+in-house#scenarios", reply.header("Location"));
            assertEquals(IN_HOUSE, ScenarioStore.read(saved()));
            BackgroundRepublishTest.waitFor(() -> republished.size() == 1); // remade in the background
            assertEquals(List.of(dir), republished);

            String page = browser.get("/forecast?la=Lancashire&saved=More+in-house").body();
            assertTrue(page.contains("<p class=\"success\" role=\"status\">Saved the scenario 'More in-house';"
                    + " the forecast is remade with it.</p>"), page);
            assertTrue(page.contains("data-state=\"done\">Remaking the forecast with the saved scenarios: done at "), page);
            assertTrue(page.contains("<a href=\"/forecast/scenario.json?la=Lancashire&amp;name=More+in-house\" download>"
                    + "JSON</a>"), page);

            Browser.Reply json = browser.get("/forecast/scenario.json?la=Lancashire&name=More+in-house");
            assertEquals(200, json.code());
            assertEquals("attachment; filename=\"scenario-more-in-house.json\"", json.header("Content-Disposition"));
            assertEquals(IN_HOUSE, ScenarioStore.parse(json.body()));

            Browser.Reply deleted = browser.post("/forecast/scenarios/delete?la=Lancashire",
                    Map.of("csrf", Browser.csrf(page), "name", "More in-house"));
            assertEquals(303, deleted.code(), deleted.body());
            assertEquals("/forecast?la=Lancashire&deleted=More+in-house#scenarios", deleted.header("Location"));
            assertFalse(Files.exists(saved()));
            BackgroundRepublishTest.waitFor(() -> republished.size() == 2);
            assertEquals(List.of(dir, dir), republished);

            // Lancashire's administrator saves nothing for Blackpool, whose children the numbers are not.
            Browser.Reply elsewhere = browser.post("/forecast/scenarios?la=Blackpool", inHouseForm(browser));
            assertEquals(403, elsewhere.code(), elsewhere.body());
            assertTrue(new ScenarioStore(dir).all().isEmpty());
        });
    }

    @Test
    void aBadFormIsShownAgainWithWhatToPutRight() {
        as(TestUsers.ADMIN, browser -> {
            Map<String, String> noName = inHouseForm(browser);
            noName.put("name", "");
            assertRefused(browser, noName, "A scenario needs a name of 1-60 letters, digits, spaces, '.', "
                    + "'_' or '-'");

            Map<String, String> negative = inHouseForm(browser);
            negative.put("rate1_multiply", "-1");
            String page = assertRefused(browser, negative, "Rate change 1: multiply must be 0 or more; got -1.0");
            assertTrue(page.contains("name=\"rate1_multiply\" type=\"number\" value=\"-1\""), "what was typed stays");
            assertTrue(page.contains("<option value=\"foster_ifa\" selected>"), page);

            Map<String, String> badDate = inHouseForm(browser);
            badDate.put("intervention1_start", "01/04/2023");
            assertRefused(browser, badDate, "Intervention 1: start must be a date such as 2025-04-01, not "
                    + "'01/04/2023'.");

            Map<String, String> notANumber = inHouseForm(browser);
            notANumber.put("fee_inflation", "three");
            assertRefused(browser, notANumber, "Fee inflation must be a number, not 'three'.");

            Map<String, String> base = inHouseForm(browser);
            base.put("name", "base");
            assertRefused(browser, base, "'base' is the unchanged projection");
            base.put("name", "Base"); // any case of the reserved name
            assertRefused(browser, base, "'Base' is the unchanged projection's name");

            assertFalse(Files.exists(dir.resolve("scenarios").resolve("more-in-house.json")));
            assertEquals(List.of(), republished);
        });
    }

    private static String assertRefused(Browser browser, Map<String, String> form, String message) {
        Browser.Reply reply = browser.post("/forecast/scenarios?la=Lancashire", form);
        assertEquals(400, reply.code(), reply.body());
        assertTrue(reply.body().contains("<p class=\"error\" id=\"scenario-error\" role=\"alert\">" + message), reply.body());
        assertTrue(reply.body().contains("aria-describedby=\"scenario-error\""), reply.body());
        assertFalse(reply.body().contains("Exception"), reply.body());
        return reply.body();
    }

    @Test
    void aViewerSeesTheFormDisabledAndCannotSaveOrDeleteButCanDownload() {
        new ScenarioStore(dir).save(IN_HOUSE);
        as(TestUsers.LANCASHIRE, browser -> {
            String page = browser.get("/forecast").body();
            assertTrue(page.contains("<p class=\"note\" id=\"editor-why\">Only a dashboard administrator can save or delete"
                    + " scenarios"), page);
            assertTrue(page.contains("<button type=\"submit\" disabled>Save the scenario"), page);
            assertTrue(page.contains("<button type=\"submit\" class=\"secondary\" disabled>Delete More in-house</button>"),
                    page);

            Map<String, String> form = inHouseForm(browser);
            form.put("name", "Another");
            assertEquals(403, browser.post("/forecast/scenarios?la=Lancashire", form).code());
            assertEquals(403, browser.post("/forecast/scenarios/delete?la=Lancashire",
                    Map.of("csrf", Browser.csrf(page), "name", "More in-house")).code());
            assertEquals(List.of(IN_HOUSE), new ScenarioStore(dir).all());
            assertEquals(List.of(), republished);
            assertEquals(IN_HOUSE, ScenarioStore.parse(browser.get("/forecast/scenario.json?name=More%20in-house").body()));
            assertEquals(404, browser.get("/forecast/scenario.json?name=Nothing").code());
        });
    }

    @Test
    void aFormWithoutTheSessionsTokenOrFromAnotherSiteIsRefused() {
        as(TestUsers.ADMIN, browser -> {
            Map<String, String> form = inHouseForm(browser);
            form.remove("csrf");
            assertEquals(403, browser.post("/forecast/scenarios?la=Lancashire", form).code());
            form.put("csrf", "not-the-token");
            assertEquals(403, browser.post("/forecast/scenarios?la=Lancashire", form).code());
            Browser.Reply elsewhere = browser.post("/forecast/scenarios?la=Lancashire", inHouseForm(browser),
                    Map.of("Origin", "https://elsewhere.example"));
            assertEquals(403, elsewhere.code());
            assertTrue(elsewhere.body().contains("The form did not come from this dashboard"), elsewhere.body());
            assertFalse(Files.exists(saved()));
            assertEquals(List.of(), republished);
        });
    }

    @Test
    void signedOutNothingCanBeSaved() {
        TestUsers.as(dir, TestUsers.ADMIN, republished::add, browser -> {
            Browser stranger = new Browser(browser);
            Browser.Reply reply = stranger.post("/forecast/scenarios", Map.of("name", "Sneaky"));
            assertEquals(303, reply.code());
            assertEquals("/login", reply.header("Location"));
            assertFalse(Files.exists(dir.resolve("scenarios")));
        });
    }
}
