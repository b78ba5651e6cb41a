package uk.sufficiency.pipeline.synthetic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * placement_requests.csv (inputs.md §3): the requests the demo county's social workers sent to
 * the placement-finding team, calibrated to the seed's "Hard to Find Fostering Searches" and
 * "Hard to Find Children's Home Searches" (Lancashire's sufficiency strategy, 2019/20 and 2021/22).
 *
 * <p>Every request is for one of the children in the returns and is tied to their history. A
 * request that ends {@code placed} was received shortly before a spell with new carers began
 * (the day it began is the outcome date, and PLACED_PLACE and PLACED_PROVIDER are that episode's
 * PLACE and PLACE_PROVIDER); a {@code withdrawn} one ended when the child went to relatives or
 * home, or the carers they had became permanent, or simply after a while; requests still
 * unresolved on the last day of the returns are {@code open}. Respite requests are placed for a
 * few nights with other carers, which the 903 does not record as an episode.
 *
 * <p>Volumes per financial year follow the seed's 2019/20 table (task centred 710, permanent 188,
 * respite 93, parent and child 96, step down 37: about 1,120 foster requests) within ±5%, and
 * about 240 children's home requests. Hard to find (three or more search rounds or a ring-round)
 * is assigned per type and quarter so that the seed's rates land: 18%, 44%, 16%, 19% and 95% in
 * 2019/20 (24% overall), rising to about 34% by Q4 2021/22; children's homes 30% in 2019/20 rising
 * to 40% in 2021/22, mostly in its second half. Older children are harder to place (over half the
 * hard-to-find foster searches are for children aged 11+); 9% of hard-to-find foster searches end
 * in a children's home; step-down into fostering placements number 6, 6, 10 and 8 in 2018/19 to
 * 2021/22, then 9 and 10. Needs named in hard-to-find children's home referrals follow the seed's
 * shares (70% emotional wellbeing, 67% aggression, 58% missing, …).
 */
final class PlacementRequests {
    static final String COLUMNS = "REQUEST_ID,CHILD,RECEIVED,REQUEST_TYPE,URGENCY,SIBLINGS,SEARCHES,RING_ROUND,OFFERS,"
            + "SOLO_REQUESTED,LOCATION_REQUIRED,NEED_EMOTIONAL,NEED_MENTAL_HEALTH,NEED_SELF_HARM,NEED_SUICIDE,"
            + "NEED_AGGRESSION,NEED_MISSING,NEED_CRIMINAL,NEED_SEND,NEED_SUBSTANCE,NEED_CSE,NEED_DOLS,OUTCOME,"
            + "OUTCOME_DATE,PLACED_PLACE,PLACED_PROVIDER,WEEKLY_COST";

    static final String TASK_CENTRED = "task_centred_foster";
    static final String PERMANENT = "permanent_foster";
    static final String RESPITE = "respite_foster";
    static final String PARENT_CHILD = "parent_child_foster";
    static final String STEP_DOWN = "step_down_foster";
    static final String CHILDRENS_HOME = "childrens_home";
    static final String SUPPORTED = "supported_accommodation";
    static final String SECURE = "secure";
    static final String OTHER = "other";
    static final List<String> FOSTER_TYPES = List.of(TASK_CENTRED, PERMANENT, RESPITE, PARENT_CHILD, STEP_DOWN);

    /** Seed: fostering requests by type in 2019/20 (1,137 in all, 24% hard to find). */
    static final Map<String, Integer> FOSTER_REQUESTS_2019_20 = ordered(
            TASK_CENTRED, 710, PERMANENT, 188, RESPITE, 93, PARENT_CHILD, 96, STEP_DOWN, 37);
    static final Map<String, Double> FOSTER_HARD_2019_20 = ordered(
            TASK_CENTRED, 0.18, PERMANENT, 0.44, RESPITE, 0.16, PARENT_CHILD, 0.19, STEP_DOWN, 0.95);
    /** Hard-to-find foster searches relative to 2019/20. */
    private static final ByYearAndQuarter FOSTER_HARD_TREND =
            new ByYearAndQuarter(0.95, 1.0, 1.08, new double[] {1.2, 1.28, 1.38, 1.45}, 1.42);
    /** Seed: share of children's home searches that were hard to find, 30% in 2019/20 and 40% in 2021/22. */
    private static final ByYearAndQuarter CHILDRENS_HOME_HARD =
            new ByYearAndQuarter(0.28, 0.30, 0.33, new double[] {0.33, 0.36, 0.44, 0.47}, 0.42);
    /** Seed: 242 requests for regulated children's homes in 2021/22. */
    static final int CHILDRENS_HOME_REQUESTS = 242;
    /** Seed: step-down into fostering placements made per financial year; later years continue at 9-10. */
    static final Map<Integer, Integer> STEP_DOWNS_PLACED = Map.of(2019, 6, 2020, 6, 2021, 10, 2022, 8, 2023, 9, 2024, 10);
    static final int STEP_DOWNS_LATER = 9;
    /** The longest a step-down is searched for; the first ones of the window were received inside it. */
    static final int STEP_DOWN_LEAD_DAYS = 120;
    /** Seed: 9% of the hard-to-find fostering searches of 2019/20 ended in a children's home. */
    static final double FOSTER_SEARCHES_ENDING_IN_A_HOME = 0.09;
    /** How much more often a search for a child aged 11+ is hard to find (54% of hard-to-find are 11+). */
    static final double OLDER_CHILD_WEIGHT = 1.3;

    /** Share of requests of each type that end placed (the rest withdrawn), where the children's moves allow. */
    private static final Map<String, Double> PLACED_SHARE = ordered(
            TASK_CENTRED, 0.60, PERMANENT, 0.75, RESPITE, 0.90, PARENT_CHILD, 0.75, CHILDRENS_HOME, 0.88);
    /** Share of new homes of these kinds found through a request. */
    private static final double SUPPORTED_THROUGH_REQUEST = 0.85;
    private static final double OTHER_THROUGH_REQUEST = 0.7;
    private static final double SUPPORTED_WITHDRAWN = 0.2;
    private static final int SECURE_WITHDRAWN_PER_YEAR = 3;

    /** Needs named in hard-to-find children's home referrals, seed 2021/22; the last three are sub-needs of emotional wellbeing. */
    private static final double EMOTIONAL = 0.70;
    private static final double MENTAL_HEALTH = 0.45;
    private static final double SELF_HARM = 0.36;
    private static final double SUICIDE = 0.36;
    private static final double[] OTHER_NEEDS = {0.67, 0.58, 0.52, 0.51, 0.45, 0.21, 0.09};

    private static final Mix<String> ENTRY_URGENCY = Mix.of("same_day", 60, "within_5_days", 30, "planned", 10);
    private static final Mix<String> MOVE_URGENCY = Mix.of("same_day", 25, "within_5_days", 35, "planned", 40);
    private static final Mix<String> PLANNED_URGENCY = Mix.of("within_5_days", 10, "planned", 90);
    private static final Mix<Integer> SIBLINGS = Mix.of(1, 55, 2, 30, 3, 10, 4, 5);

    /** One request while it is being built. */
    static final class Request {
        final Child child;
        final String type;
        /** The spell the request found (placed), or null. */
        final Spell placedIn;
        /** When it was placed or withdrawn (may lie after the last return: then it is open). */
        final LocalDate outcomeDate;
        final boolean placed;
        String urgency;
        LocalDate received;
        boolean hard;
        boolean forcedHard;
        int siblings;
        int searches;
        boolean ringRound;
        int offers;
        boolean solo;
        boolean location;
        final boolean[] needs = new boolean[11];
        String placedPlace = "";
        String placedProvider = "";
        Double weeklyCost;

        Request(Child child, String type, Spell placedIn, LocalDate outcomeDate, boolean placed) {
            this.child = child;
            this.type = type;
            this.placedIn = placedIn;
            this.outcomeDate = outcomeDate;
            this.placed = placed;
        }

        double ageAt(LocalDate date) {
            return (date.toEpochDay() - child.dob().toEpochDay()) / PeriodPlanner.DAYS_PER_YEAR;
        }

        boolean foster() {
            return FOSTER_TYPES.contains(type);
        }
    }

    /**
     * A figure by financial year (the year it ends in) and quarter: one for 2018/19 and before, one
     * each for 2019/20 and 2020/21, one a quarter in 2021/22 and one for the years after.
     */
    private record ByYearAndQuarter(double upTo2019, double in2020, double in2021, double[] quarters2022, double after) {
        double at(int year, int quarter) {
            if (year <= 2019) {
                return upTo2019;
            }
            return switch (year) {
                case 2020 -> in2020;
                case 2021 -> in2021;
                case 2022 -> quarters2022[quarter - 1];
                default -> after;
            };
        }
    }

    /** A spell's stretch inside a financial year, for drawing a date in it. */
    private record Stretch(Spell spell, LocalDate from, LocalDate to) {
        long days() {
            return to.toEpochDay() - from.toEpochDay() + 1;
        }
    }

    private final List<Spell> spells;
    private final LocalDate windowStart;
    private final LocalDate extract;
    private final Draw draw;
    private final int firstYear;
    private final int lastYear;
    private final Map<Spell, Integer> stepDowns = new IdentityHashMap<>();
    private final List<Request> requests = new ArrayList<>();

    PlacementRequests(List<Spell> spells, LocalDate windowStart, LocalDate extract, Draw draw) {
        this.spells = spells;
        this.windowStart = windowStart;
        this.extract = extract;
        this.draw = draw;
        this.firstYear = Dates.financialYear(windowStart);
        this.lastYear = Dates.financialYear(extract);
        chooseStepDowns();
    }

    /** The foster spells that were step-downs from a children's home found by a step-down request. */
    Set<Spell> stepDowns() {
        Set<Spell> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(stepDowns.keySet());
        return set;
    }

    private void chooseStepDowns() {
        for (int year = firstYear; year <= lastYear; year++) {
            List<Spell> candidates = new ArrayList<>();
            for (Spell spell : spells) {
                if (spell.nonConnectedFoster() && spell.newCarers() && !spell.shortBreak()
                        && (spell.previous() == Setting.CHILDRENS_HOME || spell.previous() == Setting.CARE_HOME)
                        && spell.ageAt(spell.start()) >= 8 && Dates.financialYear(spell.start()) == year
                        && !spell.start().isBefore(windowStart.plusDays(STEP_DOWN_LEAD_DAYS))) {
                    candidates.add(spell);
                }
            }
            int wanted = STEP_DOWNS_PLACED.getOrDefault(year, STEP_DOWNS_LATER);
            // the step-down lot is an IFA framework lot, with an in-house model alongside it
            for (Spell spell : weightedSample(candidates, wanted, s -> s.agency() ? 3.0 : 1.0)) {
                stepDowns.put(spell, year);
            }
        }
    }

    /** Builds every request; the fees give each placed request its agreed weekly cost. */
    List<Request> build(PlacementFees fees) {
        int years = lastYear - firstYear + 1;
        double[] volume = new double[years];
        for (int i = 0; i < years; i++) {
            volume[i] = draw.uniform(0.95, 1.05);
        }
        Map<Spell, Boolean> used = new IdentityHashMap<>();
        // a year after the last return as well, so that requests received in its last weeks are open
        for (int year = firstYear; year <= lastYear + 1; year++) {
            boolean after = year > lastYear;
            double scale = volume[Math.min(year, lastYear) - firstYear];
            LocalDate from = LocalDate.of(year - 1, 4, 1);
            LocalDate to = after ? extract.plusDays(60) : LocalDate.of(year, 3, 31);
            double share = after ? (to.toEpochDay() - from.toEpochDay() + 1) / 365.0 : 1.0;
            yearOfRequests(year, from, to, scale * share, after, used);
        }
        for (Request request : requests) {
            timing(request);
        }
        requests.removeIf(r -> r.received.isBefore(windowStart) || r.received.isAfter(extract));
        hardToFind();
        for (Request request : requests) {
            details(request, fees);
        }
        requests.sort(Comparator.comparing((Request r) -> r.received).thenComparing(r -> r.child.id())
                .thenComparing(r -> r.type));
        return requests;
    }

    private void yearOfRequests(int year, LocalDate from, LocalDate to, double scale, boolean after,
            Map<Spell, Boolean> used) {
        Map<String, List<Spell>> events = new LinkedHashMap<>();
        for (String type : List.of(TASK_CENTRED, PERMANENT, PARENT_CHILD, CHILDRENS_HOME, SUPPORTED, SECURE, OTHER,
                "ended_in_home")) {
            events.put(type, new ArrayList<>());
        }
        for (Spell spell : spells) {
            if (!spell.newCarers() || spell.shortBreak() || spell.start().isBefore(from) || spell.start().isAfter(to)) {
                continue;
            }
            double age = spell.ageAt(spell.start());
            if (stepDowns.containsKey(spell)) {
                requests.add(new Request(spell.child(), STEP_DOWN, spell, spell.start(), true));
            } else if (spell.nonConnectedFoster()) {
                events.get(age < 1 ? PARENT_CHILD : spell.setting() == Setting.SHORT_TERM_FOSTER ? TASK_CENTRED : PERMANENT)
                        .add(spell);
            } else if (spell.childrensHome()) {
                boolean fromFamilyOrFoster = spell.previous() == null || spell.previous().fostering()
                        || spell.previous() == Setting.WITH_PARENTS;
                events.get(CHILDRENS_HOME).add(spell);
                if (age >= 8 && age < 16 && fromFamilyOrFoster) {
                    events.get("ended_in_home").add(spell);
                }
            } else if (spell.setting().supported()) {
                events.get(SUPPORTED).add(spell);
            } else if (spell.setting() == Setting.SECURE_HOME) {
                events.get(SECURE).add(spell);
            } else if (spell.setting() == Setting.FAMILY_CENTRE || spell.setting() == Setting.RESIDENTIAL_SCHOOL) {
                events.get(OTHER).add(spell);
            }
        }

        // foster searches that ended in a children's home: 9% of the year's hard-to-find foster searches
        double expectedHard = 0;
        for (String type : FOSTER_TYPES) {
            expectedHard += FOSTER_REQUESTS_2019_20.get(type) * scale * Math.min(0.97,
                    FOSTER_HARD_2019_20.get(type) * FOSTER_HARD_TREND.at(year, 3));
        }
        int endedInHome = (int) Math.round(FOSTER_SEARCHES_ENDING_IN_A_HOME * expectedHard);
        Map<String, Integer> placedFoster = new HashMap<>();
        for (Spell spell : weightedSample(events.get("ended_in_home"), endedInHome, s -> 1.0)) {
            String type = draw.chance(0.7) ? TASK_CENTRED : PERMANENT;
            Request request = new Request(spell.child(), type, spell, spell.start(), true);
            request.forcedHard = true;
            requests.add(request);
            used.put(spell, true);
            placedFoster.merge(type, 1, Integer::sum);
        }

        for (String type : List.of(TASK_CENTRED, PERMANENT, PARENT_CHILD, RESPITE, STEP_DOWN)) {
            int total = (int) Math.round(FOSTER_REQUESTS_2019_20.get(type) * scale);
            int placed;
            if (type.equals(STEP_DOWN)) {
                placed = (int) stepDowns.values().stream().filter(y -> y == year).count();
            } else if (type.equals(RESPITE)) {
                placed = (int) Math.round(total * PLACED_SHARE.get(RESPITE));
                for (Stretch at : dates(s -> s.nonConnectedFoster() && s.ageAt(s.start()) >= 2, from, to, placed, 2, 16)) {
                    Request request = new Request(at.spell().child(), RESPITE, null, at.from(), true);
                    request.placedPlace = Setting.SHORT_TERM_FOSTER.place;
                    request.placedProvider = draw.chance(0.75) ? "PR1" : "PR4";
                    requests.add(request);
                }
            } else {
                int wanted = Math.max(0, (int) Math.round(total * PLACED_SHARE.get(type)) - placedFoster.getOrDefault(type, 0));
                List<Spell> chosen = weightedSample(events.get(type).stream().filter(s -> !used.containsKey(s)).toList(),
                        wanted, s -> 1.0);
                for (Spell spell : chosen) {
                    requests.add(new Request(spell.child(), type, spell, spell.start(), true));
                    used.put(spell, true);
                }
                placed = chosen.size() + placedFoster.getOrDefault(type, 0);
            }
            withdrawn(type, Math.max(0, total - placed), from, to);
        }

        int homes = (int) Math.round(CHILDRENS_HOME_REQUESTS * scale);
        List<Spell> chosenHomes = weightedSample(events.get(CHILDRENS_HOME).stream().filter(s -> !used.containsKey(s)).toList(),
                (int) Math.round(homes * PLACED_SHARE.get(CHILDRENS_HOME)), s -> 1.0);
        for (Spell spell : chosenHomes) {
            requests.add(new Request(spell.child(), CHILDRENS_HOME, spell, spell.start(), true));
        }
        withdrawn(CHILDRENS_HOME, homes - chosenHomes.size(), from, to);

        int supported = 0;
        for (Spell spell : events.get(SUPPORTED)) {
            if (draw.chance(SUPPORTED_THROUGH_REQUEST)) {
                requests.add(new Request(spell.child(), SUPPORTED, spell, spell.start(), true));
                supported++;
            }
        }
        withdrawn(SUPPORTED, (int) Math.round(supported * SUPPORTED_WITHDRAWN), from, to);
        for (Spell spell : events.get(SECURE)) {
            requests.add(new Request(spell.child(), SECURE, spell, spell.start(), true));
        }
        withdrawn(SECURE, after ? 0 : SECURE_WITHDRAWN_PER_YEAR, from, to);
        for (Spell spell : events.get(OTHER)) {
            if (draw.chance(OTHER_THROUGH_REQUEST)) {
                requests.add(new Request(spell.child(), OTHER, spell, spell.start(), true));
            }
        }
    }

    /**
     * Requests withdrawn during the period, each ending on an event of the child's history that
     * made it unnecessary, or else on a day while the child lived somewhere that fits the request.
     */
    private void withdrawn(String type, int count, LocalDate from, LocalDate to) {
        if (count <= 0) {
            return;
        }
        List<Spell> reasons = new ArrayList<>();
        Predicate<Spell> livingIn;
        for (Spell spell : spells) {
            if (spell.shortBreak() || spell.start().isBefore(from) || spell.start().isAfter(to)) {
                continue;
            }
            double age = spell.ageAt(spell.start());
            boolean familyFound = spell.newCarers() && (spell.setting() == Setting.KINSHIP_SHORT_TERM
                    || spell.setting() == Setting.KINSHIP_LONG_TERM || spell.setting() == Setting.WITH_PARENTS);
            boolean reason = switch (type) {
                // relatives came forward, or the child went home
                case TASK_CENTRED -> familyFound && age >= 1;
                // the short-term carers became the child's permanent carers (RNE T)
                case PERMANENT -> !spell.newCarers() && (spell.setting() == Setting.LONG_TERM_FOSTER
                        || spell.setting() == Setting.KINSHIP_LONG_TERM);
                // mother and baby stayed with family or went to a residential family centre
                case PARENT_CHILD -> age < 1 && (familyFound || spell.setting() == Setting.FAMILY_CENTRE);
                // a foster family or relatives were found instead of a children's home
                case CHILDRENS_HOME -> age >= 11 && spell.newCarers() && spell.setting().fostering();
                default -> false;
            };
            if (reason) {
                reasons.add(spell);
            }
        }
        livingIn = switch (type) {
            case STEP_DOWN, SECURE -> s -> s.setting() == Setting.CHILDRENS_HOME;
            case SUPPORTED -> s -> true;
            case CHILDRENS_HOME -> s -> s.setting().fostering() || s.setting() == Setting.CHILDRENS_HOME;
            case PARENT_CHILD -> s -> s.setting() == Setting.FAMILY_CENTRE || s.setting().fostering();
            default -> s -> s.setting().fostering();
        };
        List<Spell> chosen = weightedSample(reasons, count, s -> 1.0);
        for (Spell spell : chosen) {
            requests.add(new Request(spell.child(), type, null, spell.start(), false));
        }
        double minAge = switch (type) {
            case STEP_DOWN -> 9;
            case SECURE -> 13;
            case SUPPORTED -> 16;
            case CHILDRENS_HOME -> 11;
            case PARENT_CHILD -> 0;
            default -> 1;
        };
        double maxAge = switch (type) {
            case STEP_DOWN -> 16;
            case PARENT_CHILD -> 1;
            default -> 17.8;
        };
        for (Stretch at : dates(livingIn, from, to, count - chosen.size(), minAge, maxAge)) {
            requests.add(new Request(at.spell().child(), type, null, at.from(), false));
        }
    }

    /** Days drawn uniformly from the time children of the given ages spent in spells that match. */
    private List<Stretch> dates(Predicate<Spell> matches, LocalDate from, LocalDate to, int count,
            double minAge, double maxAge) {
        List<Stretch> stretches = new ArrayList<>();
        long total = 0;
        for (Spell spell : spells) {
            if (spell.shortBreak() || !matches.test(spell)) {
                continue;
            }
            LocalDate a = Dates.max(Dates.max(spell.start(), from), spell.child().dob().plusDays(Math.round(minAge * 365.25)));
            LocalDate b = Dates.min(Dates.min(spell.end().minusDays(1), to),
                    spell.child().dob().plusDays(Math.round(maxAge * 365.25)));
            if (!a.isAfter(b)) {
                Stretch stretch = new Stretch(spell, a, b);
                stretches.add(stretch);
                total += stretch.days();
            }
        }
        List<Stretch> days = new ArrayList<>();
        if (total == 0) {
            return days;
        }
        for (int i = 0; i < count; i++) {
            long pick = (long) (draw.uniform(0, 1) * total);
            for (Stretch stretch : stretches) {
                if (pick < stretch.days()) {
                    LocalDate day = stretch.from().plusDays(pick);
                    days.add(new Stretch(stretch.spell(), day, day));
                    break;
                }
                pick -= stretch.days();
            }
        }
        return days;
    }

    /** Urgency, and when the request was received: before the outcome by the time a search takes. */
    private void timing(Request r) {
        boolean entry = r.placedIn != null && r.placedIn.startsPeriod();
        r.urgency = switch (r.type) {
            case PERMANENT, RESPITE, STEP_DOWN, OTHER -> draw.pick(PLANNED_URGENCY);
            case SECURE -> draw.chance(0.5) ? "same_day" : "within_5_days";
            case PARENT_CHILD -> entry ? draw.pick(MOVE_URGENCY) : draw.pick(PLANNED_URGENCY);
            default -> draw.pick(entry ? ENTRY_URGENCY : MOVE_URGENCY);
        };
        int lead = switch (r.urgency) {
            case "same_day" -> 0;
            case "within_5_days" -> draw.between(1, 5);
            default -> r.type.equals(STEP_DOWN) ? draw.between(28, STEP_DOWN_LEAD_DAYS)
                    : r.type.equals(RESPITE) ? draw.between(7, 35) : draw.between(7, 42);
        };
        r.received = r.outcomeDate.minusDays(lead);
        if (r.received.isBefore(r.child.dob())) {
            // a pre-birth request for a baby: counted from the day of birth
            r.received = r.child.dob();
        }
    }

    /** Hard to find per type and quarter, so that each group's share lands on the seed's rate. */
    private void hardToFind() {
        Map<String, List<Request>> groups = new TreeMap<>();
        for (Request r : requests) {
            groups.computeIfAbsent(r.type + " " + Dates.financialYear(r.received) + " " + Dates.quarter(r.received),
                    k -> new ArrayList<>()).add(r);
        }
        for (List<Request> group : groups.values()) {
            Request first = group.get(0);
            int year = Dates.financialYear(first.received);
            int quarter = Dates.quarter(first.received);
            double rate = switch (first.type) {
                case CHILDRENS_HOME -> CHILDRENS_HOME_HARD.at(year, quarter);
                case SUPPORTED -> 0.15;
                case SECURE -> 0.8;
                case OTHER -> 0.2;
                default -> Math.min(0.97, FOSTER_HARD_2019_20.get(first.type) * FOSTER_HARD_TREND.at(year, quarter));
            };
            double exact = rate * group.size();
            int wanted = (int) Math.floor(exact) + (draw.chance(exact - Math.floor(exact)) ? 1 : 0);
            List<Request> open = new ArrayList<>();
            for (Request r : group) {
                if (r.forcedHard) {
                    r.hard = true;
                    wanted--;
                } else {
                    open.add(r);
                }
            }
            boolean home = first.type.equals(CHILDRENS_HOME);
            for (Request r : weightedSample(open, Math.max(0, wanted), r -> hardWeight(r, home))) {
                r.hard = true;
            }
        }
    }

    private static double hardWeight(Request r, boolean home) {
        double age = r.ageAt(r.received);
        if (home) {
            return age >= 15 && age < 17 ? 1.6 : 1.0;
        }
        return age >= 11 ? OLDER_CHILD_WEIGHT : age >= 8 ? 1.5 : 1.0;
    }

    /** Searches, offers, siblings, needs and the outcome, given whether the request was hard to find. */
    private void details(Request r, PlacementFees fees) {
        boolean home = r.type.equals(CHILDRENS_HOME) || r.type.equals(SECURE);
        double age = r.ageAt(r.received);
        if (r.hard) {
            double way = draw.uniform(0, 1);
            r.searches = way < 0.75 ? draw.between(3, 6) : draw.between(1, 2);
            r.ringRound = way >= 0.55;
            r.offers = r.placed ? draw.between(1, 2) : draw.between(0, 1);
        } else {
            r.searches = draw.chance(0.7) ? 1 : 2;
            r.offers = r.placed ? draw.between(1, 5) : draw.between(0, 3);
        }
        if (r.foster() && !r.type.equals(STEP_DOWN)) {
            // 35% of hard-to-find foster searches were for sibling groups of two to five (step-downs never)
            r.siblings = draw.chance(r.hard ? 0.40 : 0.15) ? draw.pick(SIBLINGS) : 0;
        } else if (r.type.equals(CHILDRENS_HOME)) {
            r.siblings = draw.chance(0.03) ? 1 : 0;
        }
        double scale = home ? (r.hard ? 1.0 : 0.65) : r.type.equals(SUPPORTED) ? 0.3 : age >= 11 ? 0.3 : 0.08;
        boolean emotional = draw.chance(EMOTIONAL * scale);
        r.needs[0] = emotional;
        r.needs[1] = emotional && draw.chance(MENTAL_HEALTH / EMOTIONAL);
        r.needs[2] = emotional && draw.chance(SELF_HARM / EMOTIONAL);
        r.needs[3] = emotional && draw.chance(SUICIDE / EMOTIONAL);
        for (int i = 0; i < OTHER_NEEDS.length; i++) {
            // SEND is named for younger children too
            double s = i == 3 && !home ? Math.max(scale, 0.25) : scale;
            r.needs[4 + i] = draw.chance(OTHER_NEEDS[i] * s);
        }
        r.solo = home && draw.chance(r.hard ? 0.25 : 0.10);
        r.location = draw.chance(home ? (r.hard ? 0.19 : 0.12) : r.type.equals(SUPPORTED) ? 0.3 : 0.15);
        if (r.placedIn != null) {
            r.placedPlace = r.placedIn.setting().place;
            r.placedProvider = r.placedIn.provider();
            PlacementFees.Costing costing = fees.costing(r.placedIn);
            r.weeklyCost = costing == null ? null : costing.feeOn(r.placedIn.start());
        }
        if (r.hard && r.received.equals(r.outcomeDate)) {
            // a ring-round on the day: the request was hard to find however quickly it was placed
            r.ringRound = true;
        }
    }

    private static String outcome(Request r, LocalDate extract) {
        if (r.outcomeDate.isAfter(extract)) {
            return "open";
        }
        return r.placed ? "placed" : "withdrawn";
    }

    static long write(Path file, List<Request> requests, LocalDate extract) throws IOException {
        long id = 0;
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            out.write(COLUMNS);
            out.write('\n');
            StringBuilder row = new StringBuilder(200);
            for (Request r : requests) {
                String outcome = outcome(r, extract);
                boolean open = outcome.equals("open");
                row.setLength(0);
                row.append(String.format("ART%06d", ++id)).append(',').append(r.child.id()).append(',')
                        .append(Dates.dmy(r.received)).append(',').append(r.type).append(',').append(r.urgency)
                        .append(',').append(r.siblings).append(',').append(r.searches).append(',')
                        .append(yn(r.ringRound)).append(',').append(r.offers).append(',').append(yn(r.solo))
                        .append(',').append(yn(r.location));
                for (boolean need : r.needs) {
                    row.append(',').append(yn(need));
                }
                row.append(',').append(outcome).append(',').append(open ? "" : Dates.dmy(r.outcomeDate));
                boolean placed = outcome.equals("placed");
                row.append(',').append(placed ? r.placedPlace : "").append(',').append(placed ? r.placedProvider : "")
                        .append(',').append(placed && r.weeklyCost != null ? Dates.money(r.weeklyCost) : "");
                row.append('\n');
                out.append(row);
            }
        }
        return id;
    }

    private static String yn(boolean value) {
        return value ? "Y" : "N";
    }

    /**
     * Up to {@code count} items without replacement, each item's chance in proportion to its weight
     * (Efraimidis and Spirakis: the largest u^(1/w)), in their original order.
     */
    private <T> List<T> weightedSample(List<T> items, int count, ToDoubleFunction<T> weight) {
        if (count <= 0 || items.isEmpty()) {
            return List.of();
        }
        double[] keys = new double[items.size()];
        Integer[] order = new Integer[items.size()];
        for (int i = 0; i < items.size(); i++) {
            keys[i] = StrictMath.log(1.0 - draw.uniform(0, 1)) / weight.applyAsDouble(items.get(i));
            order[i] = i;
        }
        if (count >= items.size()) {
            return List.copyOf(items);
        }
        Arrays.sort(order, (a, b) -> Double.compare(keys[b], keys[a]));
        List<Integer> chosen = new ArrayList<>(List.of(order).subList(0, count));
        Collections.sort(chosen);
        List<T> sample = new ArrayList<>();
        chosen.forEach(i -> sample.add(items.get(i)));
        return sample;
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> ordered(Object... keysAndValues) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
