package uk.sufficiency.warehouse.forecast;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.SplittableRandom;
import uk.sufficiency.warehouse.Warehouse;
import uk.sufficiency.warehouse.forecast.Scenario.RateChange;
import uk.sufficiency.warehouse.forecast.Scenario.RateKind;
import uk.sufficiency.warehouse.forecast.engine.FlowRates;
import uk.sufficiency.warehouse.forecast.engine.RandomDraws;
import uk.sufficiency.warehouse.forecast.engine.RatePath;

/**
 * The counts a reference period gives for one LA (from the {@code forecast_flows},
 * {@code forecast_stock} and {@code forecast_age_mix} facts, which Spark built from the episodes):
 * children entering each state, moving between groups, leaving care, the child-days spent in each
 * state, and the ages at entry. Rates are counts over exposure: entries per day of the period,
 * moves per child-day in the state they leave, the maximum-likelihood rates of a constant-rate
 * model. A simulated run may draw each rate from its Gamma(count, 1 / exposure) posterior instead,
 * so the bands carry the uncertainty of having estimated the rates from a few years of data.
 *
 * <p>Ageing is not a rate: the engine ages each child on its birthday ({@link ForecastState#ageing}),
 * so the band birthdays and the leavers at 18 seen in the period are counted but not fitted.
 *
 * <p>Beside the constant rates, the monthly counts give a {@link DampedTrend} for the entries into
 * each group and for the moves between fostering types and into children's homes
 * ({@link #TRENDED_MOVES}); a projection by {@link Method#DAMPED_TREND} multiplies the constant
 * rates by them month by month.
 */
public final class FittedRates {
    private static final double DAYS_PER_YEAR = 365.25;
    private static final int N = ForecastState.COUNT;
    private static final int G = ForecastState.GROUPS;
    /** Months a set of trended rates holds for. */
    static final int TREND_PERIOD_MONTHS = 3;

    /** How the rates go on ahead: as in the reference period, or following its damped trend. */
    public enum Method {
        CONSTANT("constant"), DAMPED_TREND("damped_trend");

        private final String id;

        Method(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Method ofId(String id) {
            for (Method method : values()) {
                if (method.id.equals(id)) {
                    return method;
                }
            }
            throw new IllegalArgumentException("unknown forecast method '" + id + "'; expected constant or damped_trend");
        }
    }

    /** Moves that may follow a trend: between fostering types, and from any group into a children's home. */
    static boolean trended(PlacementGroup from, PlacementGroup to) {
        boolean fostering = from.id().startsWith("foster_") && to.id().startsWith("foster_");
        boolean intoHome = to == PlacementGroup.HOME_INHOUSE || to == PlacementGroup.HOME_AGENCY;
        return from != to && (fostering || intoHome);
    }

    private final LocalDate from;
    private final LocalDate to;
    private final long referenceDays;
    private final int months;
    private final long[] entries = new long[N];
    private final long[][] moves = new long[N][N];
    private final long[] leftCare = new long[N];
    private final long[] agedOut = new long[N];
    private final long[] birthdays = new long[N];
    private final double[] childDays = new double[N];
    private final double[][] entryAges = new double[N][];
    private final long[][] entriesByMonth;
    private final long[][][] movesByMonth;
    private final double[][] childDaysByMonth;
    private final double[] daysByMonth;
    private final DampedTrend[] entryTrend = new DampedTrend[G];
    private final DampedTrend[][] moveTrend = new DampedTrend[G][G];

    private FittedRates(LocalDate from, LocalDate to) {
        this.from = from;
        this.to = to;
        this.referenceDays = ChronoUnit.DAYS.between(from, to) + 1;
        this.months = (int) ChronoUnit.MONTHS.between(from, to.plusDays(1));
        entriesByMonth = new long[G][months];
        movesByMonth = new long[G][G][months];
        childDaysByMonth = new double[G][months];
        daysByMonth = new double[months];
        for (int t = 0; t < months; t++) {
            daysByMonth[t] = from.plusMonths(t).lengthOfMonth();
        }
        for (int i = 0; i < N; i++) {
            entryAges[i] = new double[ForecastState.cellsOf(i)];
        }
    }

    /**
     * Fits on the whole months from {@code from} (a first of the month) to {@code to} (a month end).
     */
    public static FittedRates fit(Warehouse warehouse, String la, LocalDate from, LocalDate to) {
        if (from.getDayOfMonth() != 1 || !to.equals(to.withDayOfMonth(to.lengthOfMonth())) || !to.isAfter(from)) {
            throw new IllegalArgumentException("A reference period runs from the first of a month to a later month end; got "
                    + from + " to " + to);
        }
        FittedRates fitted = new FittedRates(from, to);
        for (Map<String, Object> row : warehouse.query("""
                SELECT month_end, from_age_band, from_group, to_age_band, to_group, sum(children) AS children
                FROM forecast_flows WHERE la = ? AND month_end BETWEEN ? AND ? GROUP BY ALL""", la, from, to)) {
            fitted.addFlow(fitted.monthOf((LocalDate) row.get("month_end")), (String) row.get("from_age_band"),
                    (String) row.get("from_group"), (String) row.get("to_age_band"), (String) row.get("to_group"),
                    ((Number) row.get("children")).longValue());
        }
        for (Map<String, Object> row : warehouse.query("""
                SELECT month_end, age_band, placement_group, sum(child_days) AS child_days
                FROM forecast_stock WHERE la = ? AND month_end BETWEEN ? AND ? GROUP BY ALL""", la, from, to)) {
            PlacementGroup group = PlacementGroup.ofId((String) row.get("placement_group"));
            int state = ForecastState.of(AgeBand.ofLabel((String) row.get("age_band")), group);
            double days = ((Number) row.get("child_days")).doubleValue();
            fitted.childDays[state] += days;
            fitted.childDaysByMonth[group.ordinal()][fitted.monthOf((LocalDate) row.get("month_end"))] += days;
        }
        for (Map<String, Object> row : warehouse.query("""
                SELECT placement_group, age, months_to_birthday, sum(children) AS children FROM forecast_age_mix
                WHERE la = ? AND kind = 'entry' AND month_end BETWEEN ? AND ? GROUP BY ALL""", la, from, to)) {
            int age = ((Number) row.get("age")).intValue();
            int state = ForecastState.of(AgeBand.ofAge(age), PlacementGroup.ofId((String) row.get("placement_group")));
            fitted.entryAges[state][ForecastState.cell(state, age, ((Number) row.get("months_to_birthday")).intValue())
                    - ForecastState.firstCell(state)] += ((Number) row.get("children")).doubleValue();
        }
        fitted.fitTrends();
        return fitted;
    }

    private int monthOf(LocalDate monthEnd) {
        return (int) ChronoUnit.MONTHS.between(from, monthEnd.withDayOfMonth(1));
    }

    private void addFlow(int month, String fromBand, String fromGroup, String toBand, String toGroup, long children) {
        boolean entering = "not_in_care".equals(fromGroup);
        int fromState = entering ? -1 : ForecastState.of(AgeBand.ofLabel(fromBand), PlacementGroup.ofId(fromGroup));
        switch (toGroup) {
            case "left_care" -> leftCare[fromState] += children;
            case "aged_out" -> agedOut[fromState] += children;
            default -> {
                PlacementGroup target = PlacementGroup.ofId(toGroup);
                if (entering) {
                    entries[ForecastState.of(AgeBand.ofLabel(toBand), target)] += children;
                    entriesByMonth[target.ordinal()][month] += children;
                } else if (target == ForecastState.group(fromState)) {
                    birthdays[fromState] += children;
                } else {
                    // a move on a band birthday is a move between groups, the age band kept for the engine
                    moves[fromState][ForecastState.of(ForecastState.band(fromState), target)] += children;
                    movesByMonth[ForecastState.group(fromState).ordinal()][target.ordinal()][month] += children;
                }
            }
        }
    }

    private void fitTrends() {
        long[] allEntries = new long[months];
        for (long[] group : entriesByMonth) {
            for (int t = 0; t < months; t++) {
                allEntries[t] += group[t];
            }
        }
        // a group with too few entries of its own to fit follows the trend of all entries
        DampedTrend all = DampedTrend.fit(allEntries, daysByMonth);
        for (PlacementGroup group : PlacementGroup.values()) {
            DampedTrend own = DampedTrend.fit(entriesByMonth[group.ordinal()], daysByMonth);
            entryTrend[group.ordinal()] = own == DampedTrend.NONE ? all : own;
            for (PlacementGroup target : PlacementGroup.values()) {
                moveTrend[group.ordinal()][target.ordinal()] = trended(group, target)
                        ? DampedTrend.fit(movesByMonth[group.ordinal()][target.ordinal()], childDaysByMonth[group.ordinal()])
                        : DampedTrend.NONE;
            }
        }
    }

    public LocalDate from() {
        return from;
    }

    public LocalDate to() {
        return to;
    }

    /** Children who entered care into a state during the period. */
    public long entries(int state) {
        return entries[state];
    }

    public long moves(int fromState, int toState) {
        return moves[fromState][toState];
    }

    public long leftCare(int state) {
        return leftCare[state];
    }

    public long agedOut(int state) {
        return agedOut[state];
    }

    public double childDays(int state) {
        return childDays[state];
    }

    /** Children in the state who moved up to the next band on a birthday (counted, not fitted). */
    public long birthdays(int state) {
        return birthdays[state];
    }

    /** Entries into a state by its cells (single year of age and months to the birthday). */
    public double[] entryAges(int state) {
        return entryAges[state].clone();
    }

    public DampedTrend entryTrend(PlacementGroup group) {
        return entryTrend[group.ordinal()];
    }

    public DampedTrend moveTrend(PlacementGroup from, PlacementGroup to) {
        return moveTrend[from.ordinal()][to.ordinal()];
    }

    /** Ages at entry of every state, as the engine's entry mix. */
    double[][] entryMix() {
        double[][] mix = new double[N][];
        for (int i = 0; i < N; i++) {
            mix[i] = entryAges[i].clone();
        }
        return mix;
    }

    public long referenceDays() {
        return referenceDays;
    }

    /** The fitted constant daily rates with a scenario's changes; {@code random} null gives the estimates themselves. */
    public FlowRates rates(Scenario scenario, SplittableRandom random) {
        return ratePath(scenario, random, Method.CONSTANT, new int[] {1}).rates()[0];
    }

    /**
     * The daily rates for each month of a projection whose months begin on {@code monthFromDays}
     * (the first on day 1): constant, or the constant rates times each trend's multiplier for the
     * month, then the scenario's changes. With {@code random}, the run's draw of every rate and trend.
     */
    public RatePath ratePath(Scenario scenario, SplittableRandom random, Method method, int[] monthFromDays) {
        double[] entry = new double[N];
        double[][] out = new double[N][N + 1];
        double[] leaving = new double[N];
        for (int i = 0; i < N; i++) {
            entry[i] = rate(entries[i], referenceDays, random);
            leaving[i] = rate(leftCare[i], childDays[i], random);
            for (int j = 0; j < N; j++) {
                out[i][j] = rate(moves[i][j], childDays[i], random);
            }
        }
        if (method == Method.CONSTANT) {
            return RatePath.constant(withScenario(entry, out, leaving, scenario));
        }
        int ahead = monthFromDays.length;
        double[][] entryFactor = new double[G][];
        double[][][] moveFactor = new double[G][G][];
        for (int g = 0; g < G; g++) {
            entryFactor[g] = entryTrend[g].multipliers(ahead, random);
            for (int h = 0; h < G; h++) {
                moveFactor[g][h] = moveTrend[g][h] == DampedTrend.NONE ? null : moveTrend[g][h].multipliers(ahead, random);
            }
        }
        // The trend changes slowly: rates are remade each quarter (at its middle month's multipliers),
        // as each set of rates costs the engine its step tables in every run.
        int count = (ahead + TREND_PERIOD_MONTHS - 1) / TREND_PERIOD_MONTHS;
        FlowRates[] periods = new FlowRates[count];
        int[] fromDays = new int[count];
        for (int p = 0; p < count; p++) {
            int k = Math.min(ahead - 1, p * TREND_PERIOD_MONTHS + TREND_PERIOD_MONTHS / 2);
            fromDays[p] = monthFromDays[p * TREND_PERIOD_MONTHS];
            double[] monthEntry = new double[N];
            double[][] monthOut = new double[N][];
            for (int i = 0; i < N; i++) {
                int g = ForecastState.group(i).ordinal();
                monthEntry[i] = entry[i] * entryFactor[g][k + 1];
                monthOut[i] = out[i].clone();
                for (int j = 0; j < N; j++) {
                    double[] factor = moveFactor[g][ForecastState.group(j).ordinal()];
                    if (factor != null) {
                        monthOut[i][j] *= factor[k + 1];
                    }
                }
            }
            periods[p] = withScenario(monthEntry, monthOut, leaving, scenario);
        }
        return new RatePath(periods, fromDays);
    }

    /** The scenario's changes to (copies of) the rates; leaving before 18 is the last column. */
    private static FlowRates withScenario(double[] entryRates, double[][] outRates, double[] leavingRates,
                                          Scenario scenario) {
        double[] entry = entryRates.clone();
        double[][] out = new double[N][];
        for (int i = 0; i < N; i++) {
            out[i] = outRates[i].clone();
        }
        double[] leaving = leavingRates.clone();
        for (RateChange change : scenario.rateChanges()) {
            switch (change.kind()) {
                case entry -> changeEntries(change, entry);
                case leaving -> {
                    for (int i = 0; i < N; i++) {
                        if (change.matches(ForecastState.group(i), ForecastState.band(i))) {
                            leaving[i] = Math.max(0, leaving[i] * change.factor() + change.added() / DAYS_PER_YEAR);
                        }
                    }
                }
                case move -> changeMoves(change, out);
            }
        }
        for (int i = 0; i < N; i++) {
            out[i][N] = leaving[i];
        }
        return new FlowRates(entry, out);
    }

    private static void changeEntries(RateChange change, double[] entry) {
        double matchedRate = 0;
        int matched = 0;
        for (int i = 0; i < N; i++) {
            if (change.matches(ForecastState.group(i), ForecastState.band(i))) {
                entry[i] *= change.factor();
                matchedRate += entry[i];
                matched++;
            }
        }
        // Added children go where children of the matching states entered, or evenly if none did.
        double perDay = change.added() / DAYS_PER_YEAR;
        for (int i = 0; i < N && perDay != 0; i++) {
            if (change.matches(ForecastState.group(i), ForecastState.band(i))) {
                double share = matchedRate > 0 ? entry[i] / matchedRate : 1.0 / matched;
                entry[i] = Math.max(0, entry[i] + perDay * share);
            }
        }
    }

    /** Moves change between groups only; a band birthday within a group is not a move. */
    private static void changeMoves(RateChange change, double[][] out) {
        for (int i = 0; i < N; i++) {
            PlacementGroup fromGroup = ForecastState.group(i);
            if (!change.matches(fromGroup, ForecastState.band(i))) {
                continue;
            }
            for (int j = 0; j < N; j++) {
                PlacementGroup toGroup = ForecastState.group(j);
                if (toGroup != fromGroup && change.matchesTarget(toGroup)) {
                    out[i][j] *= change.factor();
                }
            }
            if (change.added() != 0) {
                int target = ForecastState.of(ForecastState.band(i), PlacementGroup.ofId(change.toGroup()));
                if (target != i) {
                    out[i][target] = Math.max(0, out[i][target] + change.added() / DAYS_PER_YEAR);
                }
            }
        }
    }

    private static double rate(long events, double exposure, SplittableRandom random) {
        if (events == 0 || exposure <= 0) {
            return 0;
        }
        return random == null ? events / exposure : RandomDraws.gamma(random, events, 1 / exposure);
    }
}
