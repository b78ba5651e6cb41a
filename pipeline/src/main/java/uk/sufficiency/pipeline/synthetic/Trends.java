package uk.sufficiency.pipeline.synthetic;

import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * How a local authority's care changed over the years, as step changes on dates: how many
 * children came into care, how often placements with parents were chosen and how long they lasted,
 * how often children's homes were, and how often foster placements went to agencies by age. Demo
 * County lives Lancashire's history (the sufficiency strategy, seed 004): entries rising to 817 in
 * 2018/19 and falling to 533 in 2020/21; care orders at home discharged from 2020 (placed with
 * parents 15.5% in March 2020, 11.4% in March 2022); the in-house service taking the under-6s
 * from 2020 and the under-9s from July 2020 (IFA share of 0-5 foster placements 25% in March 2019,
 * 8.5% in March 2022); children's homes rising sharply in the second half of 2021/22. The other
 * LAs are steady.
 */
final class Trends {
    /** Chance that a new non-connected foster placement is with an IFA, by age at placement: 0-5, 6-10, 11+. */
    static final double[] STEADY_IFA_CHANCE = {0.08, 0.50, 0.66};

    static final Trends STEADY = new Trends(steady(1.0), steady(1.0), steady(1.0), steady(STEADY_IFA_CHANCE), null, null, 0,
            Map.of());

    /** Arrivals per financial year (first entries; re-entries come on top, about 3%), by the 31 March it ends. */
    private static final Map<Integer, Double> LANCASHIRE_ARRIVALS = Map.ofEntries(
            Map.entry(2008, 401.0), Map.entry(2011, 441.0), Map.entry(2012, 495.0), Map.entry(2013, 545.0),
            Map.entry(2014, 591.0), Map.entry(2015, 545.0), Map.entry(2016, 591.0), Map.entry(2017, 690.0),
            Map.entry(2018, 750.0), Map.entry(2019, 820.0), Map.entry(2020, 680.0), Map.entry(2021, 488.0),
            Map.entry(2022, 565.0), Map.entry(2023, 595.0));

    private final NavigableMap<LocalDate, Double> entries;
    private final NavigableMap<LocalDate, Double> withParents;
    private final NavigableMap<LocalDate, Double> childrensHomes;
    private final NavigableMap<LocalDate, double[]> ifaChance;
    private final LocalDate dischargeFrom;
    private final LocalDate dischargeUntil;
    private final double dischargeChance;
    /** By financial year of a planned end: the chance it moves, and the days it moves by (from, to; negative is sooner). */
    private final Map<Integer, double[]> leavingMoves;

    private Trends(NavigableMap<LocalDate, Double> entries, NavigableMap<LocalDate, Double> withParents,
            NavigableMap<LocalDate, Double> childrensHomes, NavigableMap<LocalDate, double[]> ifaChance,
            LocalDate dischargeFrom, LocalDate dischargeUntil, double dischargeChance,
            Map<Integer, double[]> leavingMoves) {
        this.entries = entries;
        this.withParents = withParents;
        this.childrensHomes = childrensHomes;
        this.ifaChance = ifaChance;
        this.dischargeFrom = dischargeFrom;
        this.dischargeUntil = dischargeUntil;
        this.dischargeChance = dischargeChance;
        this.leavingMoves = leavingMoves;
    }

    /** Lancashire's history, with entries relative to the level the LA settles at ({@code entriesPerYear}). */
    static Trends lancashire(double entriesPerYear) {
        NavigableMap<LocalDate, Double> entries = new TreeMap<>();
        entries.put(LocalDate.MIN, LANCASHIRE_ARRIVALS.get(2008) / entriesPerYear);
        LANCASHIRE_ARRIVALS.forEach((year, n) -> entries.put(LocalDate.of(year - 1, 4, 1), n / entriesPerYear));
        NavigableMap<LocalDate, Double> withParents = new TreeMap<>(Map.of(
                LocalDate.MIN, 1.0, LocalDate.of(2012, 4, 1), 1.9, LocalDate.of(2020, 4, 1), 0.6));
        NavigableMap<LocalDate, Double> homes = new TreeMap<>(Map.of(
                LocalDate.MIN, 0.78, LocalDate.of(2021, 7, 1), 1.3, LocalDate.of(2022, 4, 1), 1.05));
        NavigableMap<LocalDate, double[]> ifa = new TreeMap<>(Map.of(
                LocalDate.MIN, new double[] {0.25, 0.58, 0.60},
                LocalDate.of(2019, 10, 1), new double[] {0.20, 0.70, 0.57},
                LocalDate.of(2020, 7, 1), new double[] {0.17, 0.32, 0.60},
                LocalDate.of(2021, 4, 1), new double[] {0.03, 0.36, 0.57},
                LocalDate.of(2022, 4, 1), new double[] {0.08, 0.40, 0.60}));
        // fewer left care in 2016/17 than planned then and more in 2017/18; fewer in 2020/21, when the
        // courts slowed, and in 2021/22
        Map<Integer, double[]> leaving = Map.of(2017, new double[] {0.1, 60, 300}, 2019, new double[] {0.07, -365, -120},
                2021, new double[] {0.22, 60, 300}, 2022, new double[] {0.2, 60, 300});
        return new Trends(entries, withParents, homes, ifa, LocalDate.of(2018, 12, 1), LocalDate.of(2021, 6, 30), 0.45,
                leaving);
    }

    private static <T> NavigableMap<LocalDate, T> steady(T value) {
        return new TreeMap<>(Map.of(LocalDate.MIN, value));
    }

    /** Entries per day on the day, as a multiple of the LA's usual rate. */
    double entries(LocalDate day) {
        return entries.floorEntry(day).getValue();
    }

    /** Odds factor for the placed-with-parents pathway for a child coming into care on the day. */
    double withParents(LocalDate day) {
        return withParents.floorEntry(day).getValue();
    }

    /** Odds factor for a children's home when a home is chosen on the day. */
    double childrensHomes(LocalDate day) {
        return childrensHomes.floorEntry(day).getValue();
    }

    double ifaChance(int ageBand, LocalDate day) {
        return ifaChance.floorEntry(day).getValue()[ageBand];
    }

    /**
     * The end of a placement with parents once the discharge of care orders at home began: some
     * of those still at home when the work started, or going home during it, have the order
     * discharged earlier than planned, within about two years.
     */
    LocalDate placedWithParentsUntil(LocalDate home, LocalDate planned, Draw draw) {
        if (dischargeFrom == null || !planned.isAfter(dischargeFrom) || home.isAfter(dischargeUntil)
                || !draw.chance(dischargeChance)) {
            return planned;
        }
        LocalDate discharged = draw.daysAfter(Dates.max(home, dischargeFrom), draw.uniform(60, 900));
        return discharged.isBefore(planned) && !discharged.isAfter(dischargeUntil) ? discharged : planned;
    }

    /**
     * When care ends: in some years some of the periods planned to end then ended sooner or later
     * (the courts slowed in 2020/21), so that the children ceasing each year follow the LA's.
     */
    LocalDate leavingCare(LocalDate planned, Draw draw) {
        double[] move = leavingMoves.get(Dates.financialYear(planned));
        if (move == null || !draw.chance(move[0])) {
            return planned;
        }
        return planned.plusDays(Math.round(draw.uniform(move[1], move[2])));
    }
}
