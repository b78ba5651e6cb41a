package uk.sufficiency.warehouse.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.sufficiency.warehouse.forecast.Scenario.Intervention;
import uk.sufficiency.warehouse.forecast.engine.Transfer;

/** Scenario files, their checks, the intervention schedule and the backtest's origins. */
class ScenarioTest {
    @TempDir
    Path dir;

    @Test
    void savedScenariosRoundTripAndAreListedByName() {
        ScenarioStore store = new ScenarioStore(dir);
        Scenario homes = new Scenario("Two homes", "Two 3-bed in-house homes", List.of(), List.of(new Intervention(
                "Homes", LocalDate.of(2025, 10, 1), "home_agency", "home_inhouse", null, 6.0, false, 6)), 0.04);
        store.save(homes);
        store.save(new Scenario("A first", null, null, null, null));
        assertEquals(List.of("A first", "Two homes"), store.all().stream().map(Scenario::name).toList());
        assertEquals(homes, store.all().get(1));
        assertTrue(store.delete(null, "Two homes"));
        assertEquals(1, store.all().size());
    }

    @Test
    void aScenarioForOneLaIsProjectedForThatLaAlone() {
        ScenarioStore store = new ScenarioStore(dir);
        store.save(new Scenario("Homes", null, null, null, null, "Blackpool"));
        store.save(new Scenario("Homes", null, null, null, null, "Lancashire"));
        store.save(new Scenario("Everywhere", null, null, null, null));
        assertEquals(List.of("Everywhere", "Homes"), store.forLa("Blackpool").stream().map(Scenario::name).toList());
        assertEquals("Blackpool", store.forLa("Blackpool").get(1).la());
        assertEquals(List.of("Everywhere"), store.forLa("Preston").stream().map(Scenario::name).toList());
        assertTrue(store.delete("Lancashire", "Homes"));
        assertEquals(2, store.all().size());
    }

    @Test
    void namesThatWouldShareAFileAreRefused() throws Exception {
        ScenarioStore store = new ScenarioStore(dir);
        store.save(new Scenario("Plan A", null, null, null, null));
        assertEquals("The name 'plan-a' is too like the saved scenario 'Plan A': give it another name",
                assertThrows(IllegalArgumentException.class,
                        () -> store.save(new Scenario("plan-a", null, null, null, null))).getMessage());
        // A copy of the same scenario under another file name makes two of one name: refused, naming both.
        Files.copy(dir.resolve("scenarios").resolve("plan-a.json"), dir.resolve("scenarios").resolve("copy.json"));
        String message = assertThrows(IllegalArgumentException.class, store::all).getMessage();
        assertTrue(message.contains("copy.json") && message.contains("plan-a.json"), message);
    }

    @Test
    void badScenariosSayWhatIsWrong() throws Exception {
        assertEquals("unknown placement group 'fostering'; expected one of [foster_kinship, foster_inhouse, foster_ifa,"
                + " home_inhouse, home_agency, supported, with_parents, adoption, other]", assertThrows(
                IllegalArgumentException.class, () -> ScenarioStore.parse(
                        "{\"name\": \"x\", \"rateChanges\": [{\"kind\": \"entry\", \"group\": \"fostering\"}]}"))
                .getMessage());
        assertEquals("Intervention 'Homes' needs a start date (YYYY-MM-DD)", assertThrows(IllegalArgumentException.class,
                () -> ScenarioStore.parse("{\"name\": \"x\", \"interventions\": [{\"name\": \"Homes\", "
                        + "\"toGroup\": \"home_inhouse\"}]}")).getMessage());
        assertEquals("A move rate addition needs the toGroup it adds moves to", assertThrows(
                IllegalArgumentException.class, () -> new Scenario.RateChange(Scenario.RateKind.move, "foster_ifa",
                        null, null, null, 2.0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Scenario("../etc", null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new ScenarioStore(dir).save(Scenario.BASE));
        Path file = Files.writeString(dir.resolve("broken.json"), "{\"name\": \"x\", \"feeInflation\": 5}");
        String message = assertThrows(IllegalArgumentException.class, () -> ScenarioStore.read(file)).getMessage();
        assertTrue(message.startsWith(file + ": feeInflation must be a yearly rate"), message);
    }

    @Test
    void recurringInterventionsMoveWholeChildrenEvenlyThroughTheYear() {
        LocalDate start = LocalDate.of(2024, 3, 31);
        Intervention stepDowns = new Intervention("Step-downs", LocalDate.of(2024, 4, 1), "home_agency",
                "foster_inhouse", null, 8.0, true, null);
        List<Transfer> transfers = InterventionSchedule.transfers(List.of(stepDowns), start, 365);
        // 8 a year from day 1: the k-th child on the day (counting day 1 as the first) when k x 365.25/8
        // = 45.66k days have passed: days 46, 92, 137, 183, 229, 274, 320; the 8th would be day 366.
        assertEquals(List.of(46, 92, 137, 183, 229, 274, 320), transfers.stream().map(Transfer::day).toList());
        assertEquals(5, transfers.get(0).from().length); // from each age band of agency homes
        Intervention past = new Intervention("Done", LocalDate.of(2024, 3, 1), "home_agency", "home_inhouse", null,
                6.0, false, 6);
        // Dated before the start: history, its children already moved and its places already recorded.
        assertEquals(List.of(), InterventionSchedule.transfers(List.of(past), start, 365));
        assertEquals(0, InterventionSchedule.placesAdded(List.of(past), PlacementGroup.HOME_INHOUSE, start, start));
        Intervention planned = new Intervention("Planned", LocalDate.of(2024, 10, 1), null, "home_inhouse", null,
                null, false, 6);
        LocalDate september = LocalDate.of(2024, 9, 30);
        LocalDate december = LocalDate.of(2024, 12, 31);
        assertEquals(0, InterventionSchedule.placesAdded(List.of(planned), PlacementGroup.HOME_INHOUSE, start, september));
        assertEquals(6, InterventionSchedule.placesAdded(List.of(planned), PlacementGroup.HOME_INHOUSE, start, december));
        assertEquals(0, InterventionSchedule.placesAdded(List.of(planned), PlacementGroup.HOME_AGENCY, start, december));
    }

    @Test
    void backtestOriginsAreMarchAndSeptemberWithAFullReferencePeriodBefore() {
        // Window 1 April 2014 to 31 March 2022, two-year reference periods: the first origin is
        // 31 March 2016, the last 30 September 2021 (the 3-month horizon ends 31 December 2021).
        List<LocalDate> origins = Backtest.origins(LocalDate.of(2014, 4, 1), LocalDate.of(2022, 3, 31), 24, 40);
        assertEquals(12, origins.size());
        assertEquals(LocalDate.of(2021, 9, 30), origins.get(0));
        assertEquals(LocalDate.of(2016, 3, 31), origins.get(11));
        assertEquals(List.of(LocalDate.of(2021, 9, 30), LocalDate.of(2021, 3, 31)),
                Backtest.origins(LocalDate.of(2014, 4, 1), LocalDate.of(2022, 3, 31), 24, 2));
        assertEquals(List.of(), Backtest.origins(LocalDate.of(2021, 4, 1), LocalDate.of(2022, 3, 31), 24, 8));
    }
}
