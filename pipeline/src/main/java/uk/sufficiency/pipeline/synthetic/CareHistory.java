package uk.sufficiency.pipeline.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One local authority's children coming into care, one after another, at the rate its
 * {@link Trends} give for the year, from the start of the burn-in to the end of the last return. Each child's whole history is planned on
 * arrival: the period of care, and after a return home sometimes another period later on.
 */
final class CareHistory {
    /** Share of children who return home and later come back into care. */
    static final double RE_ENTRY_CHANCE = 0.2;
    /** Share of arrivals who are disabled children on a series of short breaks (V3/V4). */
    static final double SHORT_BREAK_SHARE = 0.015;
    /** Share of girls in care at 16 who become mothers before 18. */
    static final double YOUNG_MOTHER_CHANCE = 0.05;
    private static final int ARRIVAL_REGULARITY = 4;
    private static final List<String> RETURNED_HOME = List.of("E4A", "E4B", "E13");

    private final LocalAuthorityProfile la;
    private final Draw draw;
    private final PlacementFinder finder;
    private final PeriodPlanner planner;
    private final Demographics people;
    private final ShortBreaks shortBreaks;
    private final LocalDate until;
    private double day;
    private long lastId;

    CareHistory(LocalAuthorityProfile la, Draw draw, LocalDate from, LocalDate until) {
        this.la = la;
        this.draw = draw;
        this.finder = new PlacementFinder(la, draw);
        this.planner = new PeriodPlanner(la, draw, finder);
        this.people = new Demographics(la, draw);
        this.shortBreaks = new ShortBreaks(draw, finder);
        this.until = until;
        this.day = from.toEpochDay();
        this.lastId = 10_000 + draw.between(0, 9_999);
    }

    /** The next child to come into care, or null once arrivals pass the end of the last return. */
    Child next() {
        double perDay = la.careEntriesPerYear() * la.trends().entries(LocalDate.ofEpochDay((long) day))
                * (1 + SHORT_BREAK_SHARE) / PeriodPlanner.DAYS_PER_YEAR;
        // an Erlang-4 wait: arrivals less bunched than a Poisson stream, so each year's number stays near its trend
        for (int i = 0; i < ARRIVAL_REGULARITY; i++) {
            day += draw.exponential(1 / perDay / ARRIVAL_REGULARITY);
        }
        LocalDate arrives = LocalDate.ofEpochDay((long) day);
        if (arrives.isAfter(until)) {
            return null;
        }
        // ids rise with gaps, as case-system person numbers do
        lastId += draw.between(1, 12);
        String id = Long.toString(lastId);
        return draw.chance(SHORT_BREAK_SHARE / (1 + SHORT_BREAK_SHARE))
                ? shortBreaksChild(id, arrives) : childInCare(id, arrives);
    }

    private Child childInCare(String id, LocalDate arrives) {
        LocalDate dob = arrives.minusDays(Math.round(planner.entryAgeDays()));
        boolean male = people.male();
        String homePostcode = finder.homePostcode();
        List<Episode> episodes = new ArrayList<>();
        LocalDate entry = arrives;
        while (true) {
            CarePeriod period = planner.plan(dob, male, homePostcode, entry);
            episodes.addAll(period.episodes(homePostcode, draw));
            if (!RETURNED_HOME.contains(period.reasonEnded()) || !draw.chance(RE_ENTRY_CHANCE)) {
                break;
            }
            entry = draw.daysAfter(period.end(), draw.logNormal(300, 0.8));
            if (entry.isAfter(dob.plusYears(17).plusMonths(6))) {
                break;
            }
        }
        return new Child(id, male, dob, people.ethnicity(), people.upn(), babyBorn(male, dob, episodes), episodes);
    }

    private Child shortBreaksChild(String id, LocalDate arrives) {
        LocalDate dob = arrives.minusDays(Math.round(draw.uniform(5, 16) * PeriodPlanner.DAYS_PER_YEAR));
        boolean male = draw.chance(0.6);
        List<Episode> episodes = shortBreaks.agreement(arrives, dob, finder.homePostcode());
        return new Child(id, male, dob, people.ethnicity(), people.upn(), null, episodes);
    }

    /** A few girls in care at 16 have a baby before 18 (903 MOTHER and MC_DOB). */
    private LocalDate babyBorn(boolean male, LocalDate dob, List<Episode> episodes) {
        LocalDate sixteen = dob.plusYears(16);
        boolean inCareAt16 = episodes.stream().anyMatch(e -> !e.decom().isAfter(sixteen) && e.dec().isAfter(sixteen));
        if (male || !inCareAt16 || !draw.chance(YOUNG_MOTHER_CHANCE)) {
            return null;
        }
        return dob.plusDays(Math.round(draw.uniform(16, 17.9) * PeriodPlanner.DAYS_PER_YEAR));
    }
}
