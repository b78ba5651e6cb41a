package uk.sufficiency.pipeline.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CarePeriodTest {
    private static final LocalDate START = LocalDate.of(2020, 1, 10);
    private final Draw draw = new Draw(new SplittableRandom(1));
    private final Placement fosterCarers = new Placement(Setting.SHORT_TERM_FOSTER, "PR1", "SC900000", "QA1 1AA", 1);
    private final Placement adopters = new Placement(Setting.ADOPTION_ORDER, "PR1", "XXXXXXX", "QA2 2BB", 2);

    @Test
    void cutsAPeriodIntoEpisodesWheneverTheLegalStatusOrHomeChanges() {
        CarePeriod period = new CarePeriod(START);
        period.categoryOfNeed("N1");
        period.legalStatus(START, "C1");
        period.home(START, fosterCarers);
        // care order only: L
        period.legalStatus(LocalDate.of(2020, 3, 1), "C2");
        // the same carers become long-term carers: T
        period.home(LocalDate.of(2020, 6, 1), fosterCarers.as(Setting.LONG_TERM_FOSTER));
        // placement order and a move to the adopters on one day: B
        period.legalStatus(LocalDate.of(2020, 9, 1), "E1");
        period.home(LocalDate.of(2020, 9, 1), adopters);
        // a change planned after the end never happens
        period.legalStatus(LocalDate.of(2021, 6, 1), "C2");
        period.end(LocalDate.of(2021, 2, 1), "E11");

        List<Episode> episodes = period.episodes("QA3 3CC", draw);

        assertEquals(List.of("S", "L", "T", "B"), episodes.stream().map(Episode::reasonNewEpisode).toList());
        assertEquals(List.of("C1", "C2", "C2", "E1"), episodes.stream().map(Episode::legalStatus).toList());
        assertEquals(List.of("U6", "U6", "U4", "A6"), episodes.stream().map(e -> e.home().setting().place).toList());
        assertEquals(List.of(LocalDate.of(2020, 3, 1), LocalDate.of(2020, 6, 1), LocalDate.of(2020, 9, 1), LocalDate.of(2021, 2, 1)),
                episodes.stream().map(Episode::dec).toList());
        assertEquals(List.of("X1", "X1", "X1", "E11"), episodes.stream().map(Episode::reasonEnded).toList());
        // a reason for the move is recorded on the episode the move ends: none for L, CARPL for T
        assertEquals("", episodes.get(0).reasonPlaceChange());
        assertEquals("CARPL", episodes.get(1).reasonPlaceChange());
        assertTrue(List.of("CARPL", "CREQB", "CREQO", "CHILD", "LAREQ", "PLACE", "CLOSE", "ALLEG", "STAND", "APPRR", "OTHER")
                .contains(episodes.get(2).reasonPlaceChange()));
        assertEquals("", episodes.get(3).reasonPlaceChange());
        assertTrue(episodes.stream().allMatch(e -> e.categoryOfNeed().equals("N1") && e.homePostcode().equals("QA3 3CC")));
    }

    @Test
    void aChangeToTheSameValueStartsNoEpisode() {
        CarePeriod period = new CarePeriod(START);
        period.legalStatus(START, "V2");
        period.home(START, fosterCarers);
        period.legalStatus(LocalDate.of(2020, 2, 1), "V2");
        period.end(LocalDate.of(2020, 4, 1), "E4A");

        List<Episode> episodes = period.episodes("QA3 3CC", draw);

        assertEquals(1, episodes.size());
        assertEquals(new Episode(START, LocalDate.of(2020, 4, 1), "S", "V2", "N1", fosterCarers, "E4A", "", "QA3 3CC"),
                episodes.get(0));
    }

    @Test
    void aPeriodMustHaveALegalStatusAndHomeFromItsFirstDay() {
        CarePeriod period = new CarePeriod(START);
        period.legalStatus(START.plusDays(1), "C1");
        period.home(START, fosterCarers);
        period.end(START.plusDays(30), "E4A");
        assertThrows(IllegalStateException.class, () -> period.episodes("QA3 3CC", draw));
    }
}
