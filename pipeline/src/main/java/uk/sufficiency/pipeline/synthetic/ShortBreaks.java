package uk.sufficiency.pipeline.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A disabled child's agreed series of short breaks. Most LAs record each break as its own
 * episode (V3); some record only the agreement (V4). Either way DfE leaves them out of the counts
 * of children looked after, and so does the warehouse.
 */
final class ShortBreaks {
    private final Draw draw;
    private final PlacementFinder finder;

    ShortBreaks(Draw draw, PlacementFinder finder) {
        this.draw = draw;
        this.finder = finder;
    }

    List<Episode> agreement(LocalDate from, LocalDate dob, String homePostcode) {
        LocalDate eighteenth = dob.plusYears(18);
        LocalDate until = min(draw.daysAfter(from, draw.logNormal(300, 0.4)), eighteenth);
        double age = (from.toEpochDay() - dob.toEpochDay()) / PeriodPlanner.DAYS_PER_YEAR;
        Placement unit = finder.find(draw.chance(0.7) ? Setting.CHILDRENS_HOME : Setting.SHORT_TERM_FOSTER, age, homePostcode, from);
        if (draw.chance(0.3)) {
            return stay(from, until, "V4", unit, homePostcode);
        }
        List<Episode> breaks = new ArrayList<>();
        for (LocalDate start = from; start.isBefore(until); ) {
            LocalDate home = min(draw.daysAfter(start, draw.between(1, 4)), eighteenth);
            breaks.addAll(stay(start, home, "V3", unit, homePostcode));
            start = draw.daysAfter(home, draw.between(14, 42));
        }
        return breaks;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private List<Episode> stay(LocalDate from, LocalDate until, String legalStatus, Placement unit, String homePostcode) {
        CarePeriod stay = new CarePeriod(from);
        stay.categoryOfNeed("N2");
        stay.legalStatus(from, legalStatus);
        stay.home(from, unit);
        stay.end(until, "E4A");
        return stay.episodes(homePostcode, draw);
    }
}
