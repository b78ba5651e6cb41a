package uk.sufficiency.warehouse.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.sufficiency.warehouse.Warehouse;
import uk.sufficiency.warehouse.forecast.Scenario.RateChange;
import uk.sufficiency.warehouse.forecast.Scenario.RateKind;
import uk.sufficiency.warehouse.forecast.engine.FlowRates;

/**
 * Rates as counts over exposure, and a scenario's changes to them, on hand-made flows: reference
 * period 1 April 2022 to 31 March 2024 = 731 days (2024 is a leap year).
 * <pre>
 * IFA 10-15:        731 entries (400 + 331 in two months); 100,000 child-days (60,000 + 40,000);
 *                   200 left care -> 0.002 a day; 50 moved to agency homes 10-15 -> 0.0005 a day
 * supported 16+:    10,000 child-days; 20 left care -> 0.002; 30 aged out at 18, counted but not a
 *                   rate: the engine ages children out on their 18th birthdays
 * a flow dated December 2021 lies outside the period and is not counted
 * </pre>
 */
class FittedRatesTest {
    private static final double TOLERANCE = 1e-12;
    private static final int IFA_10 = ForecastState.of(AgeBand.AGE_10_TO_15, PlacementGroup.FOSTER_IFA);
    private static final int HOME_10 = ForecastState.of(AgeBand.AGE_10_TO_15, PlacementGroup.HOME_AGENCY);
    private static final int SUPPORTED_16 = ForecastState.of(AgeBand.AGE_16_AND_OVER, PlacementGroup.SUPPORTED);
    private static final int OUTSIDE = ForecastState.COUNT;
    @TempDir
    static Path dir;
    private static FittedRates fitted;

    @BeforeAll
    static void fit() {
        try (Warehouse warehouse = new ForecastFixture()
                .flow("2022-06-30", null, "not_in_care", AgeBand.AGE_10_TO_15, "foster_ifa", 400)
                .flow("2023-06-30", null, "not_in_care", AgeBand.AGE_10_TO_15, "foster_ifa", 331)
                .flow("2021-12-31", null, "not_in_care", AgeBand.AGE_10_TO_15, "foster_ifa", 1000)
                .flow("2023-01-31", AgeBand.AGE_10_TO_15, "foster_ifa", null, "left_care", 200)
                .flow("2023-01-31", AgeBand.AGE_10_TO_15, "foster_ifa", AgeBand.AGE_10_TO_15, "home_agency", 50)
                .flow("2023-02-28", AgeBand.AGE_16_AND_OVER, "supported", null, "left_care", 20)
                .flow("2023-02-28", AgeBand.AGE_16_AND_OVER, "supported", null, "aged_out", 30)
                .stock("2022-06-30", AgeBand.AGE_10_TO_15, PlacementGroup.FOSTER_IFA, 2000, 60000)
                .stock("2023-06-30", AgeBand.AGE_10_TO_15, PlacementGroup.FOSTER_IFA, 1300, 40000)
                .stock("2023-06-30", AgeBand.AGE_16_AND_OVER, PlacementGroup.SUPPORTED, 330, 10000)
                .open(dir)) {
            fitted = FittedRates.fit(warehouse, ForecastFixture.LA, LocalDate.of(2022, 4, 1), LocalDate.of(2024, 3, 31));
        }
    }

    @AfterAll
    static void done() {
        fitted = null;
    }

    @Test
    void ratesAreCountsOverExposure() {
        FlowRates rates = fitted.rates(Scenario.BASE, null);
        assertEquals(731, fitted.referenceDays());
        assertEquals(1.0, rates.entries(IFA_10), TOLERANCE);             // 731 / 731
        assertEquals(0.0005, rates.move(IFA_10, HOME_10), TOLERANCE);    // 50 / 100,000
        assertEquals(0.002, rates.move(IFA_10, OUTSIDE), TOLERANCE);     // 200 / 100,000
        assertEquals(0.002, rates.move(SUPPORTED_16, OUTSIDE), TOLERANCE);
        assertEquals(30, fitted.agedOut(SUPPORTED_16));
        // band birthdays are the engine's, never a rate
        assertEquals(0, rates.move(IFA_10, ForecastState.of(AgeBand.AGE_16_AND_OVER, PlacementGroup.FOSTER_IFA)));
        assertEquals(0, rates.entries(HOME_10), TOLERANCE);
    }

    @Test
    void aScenarioScalesThenAdds() {
        Scenario scenario = new Scenario("Changed", null, List.of(
                // IFA entries halved (0.5 a day), then 73.05 a year more = 0.2 a day, all to the one IFA state with entries
                new RateChange(RateKind.entry, "foster_ifa", null, null, 0.5, 73.05),
                // adoption has no entries: 365.25 a year = 1 a day, shared evenly by its five bands
                new RateChange(RateKind.entry, "adoption", null, null, null, 365.25),
                // supported 16+ leaving doubled to 0.004
                new RateChange(RateKind.leaving, "supported", null, "16 and over", 2.0, null),
                // IFA to agency homes: fitted rate dropped, 36.525 a year per child = 0.1 a day added
                new RateChange(RateKind.move, "foster_ifa", "home_agency", null, 0.0, 36.525)), List.of(), null);
        FlowRates rates = fitted.rates(scenario, null);
        assertEquals(0.7, rates.entries(IFA_10), TOLERANCE);
        for (AgeBand band : AgeBand.values()) {
            assertEquals(0.2, rates.entries(ForecastState.of(band, PlacementGroup.ADOPTION)), TOLERANCE);
        }
        assertEquals(0.004, rates.move(SUPPORTED_16, OUTSIDE), TOLERANCE);
        assertEquals(0.1, rates.move(IFA_10, HOME_10), TOLERANCE);
        assertEquals(0.002, rates.move(IFA_10, OUTSIDE), TOLERANCE);
    }

    @Test
    void drawnRatesAverageTheEstimate() {
        // Gamma(200, 1/100,000) per run: mean 0.002, sd 0.002/sqrt(200) = 0.000141; the mean of
        // 4,000 draws has sd 0.0000022, so 0.002 +- 0.00002 (9 sd) holds.
        SplittableRandom random = new SplittableRandom(1);
        double sum = 0;
        for (int i = 0; i < 4000; i++) {
            sum += fitted.rates(Scenario.BASE, random).move(IFA_10, OUTSIDE);
        }
        assertEquals(0.002, sum / 4000, 0.00002);
    }

    @Test
    void aReferencePeriodIsWholeMonths() {
        assertThrows(IllegalArgumentException.class,
                () -> FittedRates.fit(null, ForecastFixture.LA, LocalDate.of(2022, 4, 2), LocalDate.of(2024, 3, 31)));
        assertThrows(IllegalArgumentException.class,
                () -> FittedRates.fit(null, ForecastFixture.LA, LocalDate.of(2022, 4, 1), LocalDate.of(2024, 3, 30)));
    }
}
