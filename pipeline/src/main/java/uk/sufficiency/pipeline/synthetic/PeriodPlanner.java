package uk.sufficiency.pipeline.synthetic;

import static uk.sufficiency.pipeline.synthetic.Setting.ADOPTION_CONSENT;
import static uk.sufficiency.pipeline.synthetic.Setting.ADOPTION_CONSENT_SAME_CARERS;
import static uk.sufficiency.pipeline.synthetic.Setting.ADOPTION_ORDER;
import static uk.sufficiency.pipeline.synthetic.Setting.ADOPTION_ORDER_SAME_CARERS;
import static uk.sufficiency.pipeline.synthetic.Setting.CARE_HOME;
import static uk.sufficiency.pipeline.synthetic.Setting.CHILDRENS_HOME;
import static uk.sufficiency.pipeline.synthetic.Setting.FAMILY_CENTRE;
import static uk.sufficiency.pipeline.synthetic.Setting.FOSTER_TO_ADOPT;
import static uk.sufficiency.pipeline.synthetic.Setting.INDEPENDENT_LIVING;
import static uk.sufficiency.pipeline.synthetic.Setting.KINSHIP_LONG_TERM;
import static uk.sufficiency.pipeline.synthetic.Setting.KINSHIP_SHORT_TERM;
import static uk.sufficiency.pipeline.synthetic.Setting.LONG_TERM_FOSTER;
import static uk.sufficiency.pipeline.synthetic.Setting.RESIDENTIAL_SCHOOL;
import static uk.sufficiency.pipeline.synthetic.Setting.SECURE_HOME;
import static uk.sufficiency.pipeline.synthetic.Setting.SHORT_TERM_FOSTER;
import static uk.sufficiency.pipeline.synthetic.Setting.SUPPORTED_ACCOMMODATION;
import static uk.sufficiency.pipeline.synthetic.Setting.WITH_PARENTS;
import static uk.sufficiency.pipeline.synthetic.Setting.YOUNG_OFFENDER_INSTITUTION;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans one period of care: picks a {@link CarePathway} from the child's age on entry, then lays
 * out legal statuses, homes and the ending. The weights are tuned so that Demo County looks like
 * Lancashire in March 2022 (the sufficiency strategy's analysis of children looked after): about
 * 65% fostered, 11% placed with parents, 11.5% in children's homes; leaving care by special
 * guardianship 19%, adoption 11% and return home 17%.
 */
final class PeriodPlanner {
    static final double DAYS_PER_YEAR = 365.25;

    /**
     * How many children come into care on each pathway (rows, in {@link CarePathway} order) by age
     * on entry (columns: newborn under 4 weeks, under 1, 1-4, 5-9, 10-15, 16-17), as relative
     * weights close to Demo County's yearly numbers. The column totals are therefore also the age
     * profile of children starting to be looked after.
     */
    private static final double[][] ENTRIES_BY_PATHWAY_AND_AGE = {
            {32, 22, 16, 0, 0, 0},      // adoption
            {26, 25, 35, 24, 8, 0},     // special guardianship
            {4, 8, 10, 10, 24, 12},     // return home
            {5, 8, 13, 14, 13, 2},      // placed with parents
            {6, 8, 14, 54, 122, 20},    // growing up in care
            {0, 0, 0, 0, 18, 7},        // youth justice
            {3, 5, 10, 10, 20, 17},     // other endings
    };

    private static final Mix<String> CATEGORY_OF_NEED = Mix.of(
            "N1", 62, "N2", 4, "N3", 4, "N4", 15, "N5", 8, "N6", 2, "N7", 0.5, "N8", 4.5);
    private static final Mix<String> OFFENDING_NEED = Mix.of("N6", 60, "N4", 20, "N1", 20);
    private static final Mix<String> EMERGENCY_STATUS = Mix.of("L1", 55, "L2", 43, "L3", 2);
    private static final Mix<String> RETURN_HOME = Mix.of("E4A", 55, "E4B", 20, "E13", 25);
    private static final Mix<String> YOUTH_JUSTICE_STATUS = Mix.of("J1", 65, "J2", 25, "J3", 10);
    private static final Mix<Setting> REMAND_HOME = Mix.of(
            CHILDRENS_HOME, 40, SHORT_TERM_FOSTER, 30, SECURE_HOME, 15, YOUNG_OFFENDER_INSTITUTION, 15);
    private static final Mix<String> OTHER_ENDING_YOUNG = Mix.of("E41", 50, "E8", 30, "E3", 12, "E16", 5, "E2", 3);
    private static final Mix<String> OTHER_ENDING_TEEN = Mix.of("E41", 25, "E8", 45, "E3", 20, "E16", 10);
    private static final Mix<String> OTHER_ENDING_OLDER = Mix.of("E8", 40, "E3", 15, "E15", 25, "E16", 10, "E41", 10);

    /** Leaving care at 18: staying put (E17), independent living (E5, E6), adult services (E7), other (E8). */
    private static final Mix<String> AT_18_FROM_FOSTERING = Mix.of("E17", 55, "E5", 15, "E8", 20, "E6", 10);
    private static final Mix<String> AT_18_FROM_SUPPORTED = Mix.of("E5", 50, "E6", 20, "E8", 30);
    private static final Mix<String> AT_18_FROM_CARE_HOME_OR_SCHOOL = Mix.of("E7", 50, "E8", 30, "E5", 20);
    private static final Mix<String> AT_18_FROM_CHILDRENS_HOME = Mix.of("E5", 45, "E8", 40, "E6", 15);
    private static final Mix<String> AT_18_FROM_PARENTS = Mix.of("E8", 85, "E17", 15);
    private static final Mix<String> AT_18_FROM_ELSEWHERE = Mix.of("E8", 70, "E5", 30);
    /** Leaving care at 16 or 17 for a home of their own (or for reasons none of the codes fit). */
    private static final Mix<String> LEAVING_AT_16_OR_17 = Mix.of("E5", 45, "E6", 20, "E8", 35);

    private final Draw draw;
    private final PlacementFinder finder;
    private final HomeChoices homes;
    private final Trends trends;
    private final double withParentsLean;
    private final List<Mix<CarePathway>> pathwayByEntryAge = new ArrayList<>();
    /** The pathway mixes with placements with parents leant as a year's practice leans them, by that lean. */
    private final Map<Double, List<Mix<CarePathway>>> leantPathways = new HashMap<>();
    private final Mix<Integer> entryAgeBand;

    PeriodPlanner(LocalAuthorityProfile la, Draw draw, PlacementFinder finder) {
        this.draw = draw;
        this.finder = finder;
        this.trends = la.trends();
        this.withParentsLean = la.withParentsLean();
        CarePathway[] pathways = CarePathway.values();
        double[] entriesByAge = new double[ENTRIES_BY_PATHWAY_AND_AGE[0].length];
        Object[] ages = new Object[2 * entriesByAge.length];
        for (int age = 0; age < entriesByAge.length; age++) {
            Object[] weights = new Object[2 * pathways.length];
            for (int p = 0; p < pathways.length; p++) {
                weights[2 * p] = pathways[p];
                weights[2 * p + 1] = ENTRIES_BY_PATHWAY_AND_AGE[p][age];
                entriesByAge[age] += ENTRIES_BY_PATHWAY_AND_AGE[p][age];
            }
            pathwayByEntryAge.add(Mix.of(weights));
            ages[2 * age] = age;
            ages[2 * age + 1] = entriesByAge[age];
        }
        entryAgeBand = Mix.of(ages);

        this.homes = new HomeChoices(la, draw);
    }

    private Mix<CarePathway> pathways(double age, LocalDate start) {
        double lean = withParentsLean * trends.withParents(start);
        List<Mix<CarePathway>> mixes = leantPathways.computeIfAbsent(lean, l -> pathwayByEntryAge.stream()
                .map(mix -> mix.scaled(CarePathway.PLACED_WITH_PARENTS, l)).toList());
        return mixes.get(entryBand(age));
    }

    /** Age on first entry to care, in days. */
    double entryAgeDays() {
        return switch (draw.pick(entryAgeBand)) {
            case 0 -> draw.between(0, 27);
            case 1 -> draw.between(28, 364);
            case 2 -> draw.uniform(1, 5) * DAYS_PER_YEAR;
            case 3 -> draw.uniform(5, 10) * DAYS_PER_YEAR;
            // more 14- and 15-year-olds come into care than 10- and 11-year-olds
            case 4 -> Math.max(draw.uniform(10, 16), draw.uniform(10, 16)) * DAYS_PER_YEAR;
            default -> draw.uniform(16, 17.9) * DAYS_PER_YEAR;
        };
    }

    CarePeriod plan(LocalDate dob, boolean male, String homePostcode, LocalDate start) {
        Plan plan = new Plan(dob, male, homePostcode, start);
        CarePathway pathway = draw.pick(pathways(plan.age(start), start));
        switch (pathway) {
            case ADOPTION -> plan.adoption();
            case SPECIAL_GUARDIANSHIP -> plan.specialGuardianship();
            case RETURN_HOME -> plan.returnHome();
            case PLACED_WITH_PARENTS -> plan.placedWithParents();
            case GROWING_UP_IN_CARE -> plan.growingUpInCare();
            case YOUTH_JUSTICE -> plan.youthJustice();
            case OTHER_ENDING -> plan.otherEnding();
        }
        return plan.period;
    }

    private static int entryBand(double age) {
        return age < 28 / DAYS_PER_YEAR ? 0 : age < 1 ? 1 : age < 5 ? 2 : age < 10 ? 3 : age < 16 ? 4 : 5;
    }

    /** One child's period being planned. */
    private final class Plan {
        final CarePeriod period;
        final LocalDate dob;
        final LocalDate eighteenth;
        final boolean male;
        final String homePostcode;
        final LocalDate start;

        Plan(LocalDate dob, boolean male, String homePostcode, LocalDate start) {
            this.period = new CarePeriod(start);
            this.dob = dob;
            this.eighteenth = dob.plusYears(18);
            this.male = male;
            this.homePostcode = homePostcode;
            this.start = start;
            period.categoryOfNeed(draw.pick(CATEGORY_OF_NEED));
        }

        double age(LocalDate date) {
            return (date.toEpochDay() - dob.toEpochDay()) / DAYS_PER_YEAR;
        }

        LocalDate after(LocalDate date, double days) {
            return draw.daysAfter(date, days);
        }

        void adoption() {
            // most adoptions follow a placement order (E1); a few babies are relinquished with consent
            boolean consent = draw.chance(0.1);
            LocalDate fosterFrom = parentAndBabyAssessment();
            LocalDate matched;
            if (consent) {
                period.legalStatus(start, "V2");
                matched = after(fosterFrom, draw.logNormal(90, 0.5));
            } else {
                LocalDate placementOrder = proceedings(start);
                period.legalStatus(placementOrder, "E1");
                matched = after(placementOrder, draw.logNormal(120, 0.5));
            }
            if (!matched.isAfter(fosterFrom)) {
                matched = after(fosterFrom, 30);
            }
            boolean fosterToAdopt = draw.chance(0.15);
            Placement foster = find(fosterToAdopt ? FOSTER_TO_ADOPT : SHORT_TERM_FOSTER, fosterFrom);
            period.home(fosterFrom, foster);
            if (!fosterToAdopt && draw.chance(0.25)) {
                LocalDate moved = after(fosterFrom, draw.uniform(0, matched.toEpochDay() - fosterFrom.toEpochDay()));
                period.home(moved, find(SHORT_TERM_FOSTER, moved));
            }
            // placed for adoption (A3-A6) some months before the adoption order ends care
            Placement adopters = fosterToAdopt
                    ? foster.as(consent ? ADOPTION_CONSENT_SAME_CARERS : ADOPTION_ORDER_SAME_CARERS)
                    : find(consent ? ADOPTION_CONSENT : ADOPTION_ORDER, matched);
            period.home(matched, adopters);
            end(after(matched, draw.logNormal(330, 0.35)), consent || draw.chance(0.7) ? "E11" : "E12");
        }

        void specialGuardianship() {
            boolean formerCarers = draw.chance(0.7);
            LocalDate finalHearing = proceedings(start);
            LocalDate order = draw.chance(0.5) ? finalHearing : after(finalHearing, draw.logNormal(300, 0.7));
            period.legalStatus(finalHearing, "C2");
            LocalDate fosterFrom = parentAndBabyAssessment();
            if (formerCarers) {
                LocalDate withFamily = fosterFrom;
                if (draw.chance(0.2)) {
                    period.home(fosterFrom, find(SHORT_TERM_FOSTER, fosterFrom));
                    withFamily = after(fosterFrom, draw.uniform(14, 120));
                }
                Placement kin = find(KINSHIP_SHORT_TERM, withFamily);
                period.home(withFamily, kin);
                if (finalHearing.isAfter(withFamily)) {
                    // the care order confirms the relatives as long-term carers (RNE U)
                    period.home(finalHearing, kin.as(KINSHIP_LONG_TERM));
                }
            } else {
                period.home(fosterFrom, find(SHORT_TERM_FOSTER, fosterFrom));
                if (draw.chance(0.3)) {
                    LocalDate moved = after(fosterFrom, draw.uniform(30, 300));
                    period.home(moved, find(SHORT_TERM_FOSTER, moved));
                }
            }
            end(order, formerCarers ? "E43" : "E44");
        }

        void returnHome() {
            LocalDate end = after(start, Math.min(1500, draw.logNormal(110, 1.1)));
            if (draw.chance(age(start) >= 11 ? 0.7 : 0.45)) {
                period.legalStatus(start, "V2");
            } else {
                period.legalStatus(proceedings(start), "C2");
            }
            live(start, end, firstHome());
            end(end, draw.pick(RETURN_HOME));
        }

        void placedWithParents() {
            period.legalStatus(proceedings(start), "C2");
            LocalDate home = draw.chance(0.25) ? start : after(start, draw.logNormal(200, 0.6));
            // not home under police protection or an emergency protection order: wait for the court
            while (!period.legalStatusOn(home).startsWith("C")) {
                home = home.plusDays(1);
            }
            if (home.isAfter(start)) {
                live(start, home, firstHome());
            }
            period.home(home, find(WITH_PARENTS, home));
            end(trends.placedWithParentsUntil(home, after(home, draw.logNormal(800, 0.6)), draw), "E4A");
        }

        void growingUpInCare() {
            if (age(start) >= 13 && draw.chance(0.5)) {
                period.legalStatus(start, "V2");
                if (draw.chance(0.2)) {
                    period.legalStatus(proceedings(after(start, draw.logNormal(200, 0.5))), "C2");
                }
            } else {
                period.legalStatus(proceedings(start), "C2");
            }
            LocalDate leaves = eighteenth;
            double earliest = Math.max(16.5, age(start) + 0.25);
            if (earliest < 17.9 && draw.chance(0.4)) {
                leaves = dob.plusDays(Math.round(draw.uniform(earliest, 17.9) * DAYS_PER_YEAR));
            }
            // some move on to supported accommodation before 18 as part of their pathway plan
            LocalDate movesOn = leaves;
            if (age(start) < 16 && draw.chance(0.1)) {
                LocalDate planned = dob.plusDays(Math.round(draw.uniform(16, 17.5) * DAYS_PER_YEAR));
                movesOn = planned.isBefore(leaves) ? planned : leaves;
            }
            live(start, movesOn, firstHome());
            if (movesOn.isBefore(leaves)) {
                live(movesOn, leaves, draw.chance(0.8) ? SUPPORTED_ACCOMMODATION : INDEPENDENT_LIVING);
            }
            end(leaves, draw.pick(LEAVING_AT_16_OR_17));
        }

        void youthJustice() {
            String status = draw.pick(YOUTH_JUSTICE_STATUS);
            period.legalStatus(start, status);
            period.categoryOfNeed(draw.pick(OFFENDING_NEED));
            switch (status) {
                case "J1" -> {
                    period.home(start, find(draw.pick(REMAND_HOME), start));
                    end(after(start, Math.min(270, draw.logNormal(40, 0.8))), draw.chance(0.65) ? "E14" : "E9");
                }
                case "J2" -> {
                    period.home(start, find(draw.chance(0.5) ? SHORT_TERM_FOSTER : CHILDRENS_HOME, start));
                    end(after(start, draw.between(1, 2)), "E8");
                }
                default -> {
                    period.home(start, find(draw.chance(0.6) ? LONG_TERM_FOSTER : SHORT_TERM_FOSTER, start));
                    end(after(start, draw.logNormal(150, 0.3)), "E8");
                }
            }
        }

        void otherEnding() {
            double age = age(start);
            String reason = draw.pick(age < 13 ? OTHER_ENDING_YOUNG : age < 16 ? OTHER_ENDING_TEEN : OTHER_ENDING_OLDER);
            LocalDate end;
            switch (reason) {
                case "E41" -> {
                    // a child arrangements order, usually to relatives
                    period.legalStatus(proceedings(start), "C2");
                    end = after(start, draw.logNormal(450, 0.5));
                    live(start, end, draw.chance(0.6) ? KINSHIP_SHORT_TERM : SHORT_TERM_FOSTER);
                }
                case "E15" -> {
                    // an unaccompanied young person assessed as an adult
                    period.categoryOfNeed("N8");
                    period.legalStatus(start, "V2");
                    end = after(start, draw.logNormal(80, 0.6));
                    live(start, end, draw.chance(0.6) ? SUPPORTED_ACCOMMODATION : SHORT_TERM_FOSTER);
                }
                default -> {
                    if (draw.chance(0.5)) {
                        period.legalStatus(start, "V2");
                    } else {
                        period.legalStatus(proceedings(start), "C2");
                    }
                    end = after(start, draw.logNormal(150, 0.9));
                    live(start, end, firstHome());
                }
            }
            end(end, reason);
        }

        /**
         * Some babies start with a parent in a residential family centre while the parent is
         * assessed. Returns the day the baby's next home begins (the start if there was none).
         */
        LocalDate parentAndBabyAssessment() {
            if (age(start) >= 1 || !draw.chance(0.35)) {
                return start;
            }
            period.home(start, find(FAMILY_CENTRE, start));
            return after(start, draw.logNormal(100, 0.4));
        }

        /**
         * Care proceedings: sometimes police protection or an emergency protection order first,
         * then an interim care order (C1). Returns the final hearing, typically some 36 weeks on;
         * the caller decides what the court orders then.
         */
        LocalDate proceedings(LocalDate from) {
            LocalDate interim = from;
            if (draw.chance(0.12)) {
                period.legalStatus(from, draw.pick(EMERGENCY_STATUS));
                interim = after(from, draw.between(1, 8));
            }
            period.legalStatus(interim, "C1");
            return after(interim, draw.logNormal(210, 0.35));
        }

        /**
         * Lives from {@code from} until {@code to}, moving on whenever a home comes to its end.
         * Legal statuses must be planned first: they decide whether a placement with parents is allowed.
         */
        void live(LocalDate from, LocalDate to, Setting first) {
            Placement home = find(first, from);
            period.home(from, home);
            LocalDate moved = from;
            while (true) {
                moved = after(moved, draw.exponential(home.setting().typicalStayDays));
                if (!moved.isBefore(to)) {
                    return;
                }
                Setting next = homes.next(home.setting(), age(moved), male, moved);
                // only a care order (C1/C2) allows placement with parents
                while (next == WITH_PARENTS && !period.legalStatusOn(moved).startsWith("C")) {
                    next = homes.next(home.setting(), age(moved), male, moved);
                }
                boolean becomesPermanent = home.setting() == SHORT_TERM_FOSTER && next == LONG_TERM_FOSTER
                        || home.setting() == KINSHIP_SHORT_TERM && next == KINSHIP_LONG_TERM;
                // short-term carers often become the child's long-term carers (RNE T, same carers)
                home = becomesPermanent && draw.chance(0.6) ? home.as(next) : find(next, moved);
                period.home(moved, home);
            }
        }

        Setting firstHome() {
            return homes.first(age(start), start);
        }

        Placement find(Setting setting, LocalDate date) {
            return finder.find(setting, age(date), homePostcode, date);
        }

        /** Ends the period; one that would run to the 18th birthday ends on it, as the law says. */
        void end(LocalDate planned, String reason) {
            LocalDate moved = trends.leavingCare(planned, draw);
            LocalDate date = moved.isAfter(start) ? moved : planned;
            if (date.isBefore(eighteenth)) {
                period.end(date, reason);
            } else {
                period.end(eighteenth, leavingCareAt18(period.homeOn(eighteenth.minusDays(1)).setting()));
            }
        }

        /** Why an 18-year-old's care ended, given where they were living. */
        String leavingCareAt18(Setting home) {
            if (home.fostering()) {
                return draw.pick(AT_18_FROM_FOSTERING);
            }
            if (home.supported()) {
                return draw.pick(AT_18_FROM_SUPPORTED);
            }
            if (home == CARE_HOME || home == RESIDENTIAL_SCHOOL) {
                return draw.pick(AT_18_FROM_CARE_HOME_OR_SCHOOL);
            }
            if (home == CHILDRENS_HOME || home == SECURE_HOME) {
                return draw.pick(AT_18_FROM_CHILDRENS_HOME);
            }
            return draw.pick(home == WITH_PARENTS ? AT_18_FROM_PARENTS : AT_18_FROM_ELSEWHERE);
        }
    }
}
