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

/**
 * The counts a reference period gives for one LA (from the {@code forecast_flows} and
 * {@code forecast_stock} facts, which Spark built from the episodes): children entering each state,
 * moving between states (placement moves and band birthdays), leaving care and ageing out, and the
 * child-days spent in each state. Rates are counts over exposure: entries per day of the period,
 * moves per child-day in the state they leave, the maximum-likelihood rates of a constant-rate
 * model. A simulated run may draw each rate from its Gamma(count, 1 / exposure) posterior instead,
 * so the bands carry the uncertainty of having estimated the rates from a few years of data.
 *
 * <p>Ageing is certain in a way the other changes are not: every child in a band reaches its end,
 * and every child in care leaves at 18. So the birthday rates (up a band, and out at 18) add to
 * the observed birthdays a prior worth {@link #AGEING_PRIOR_BIRTHDAYS} birthdays at the rate of a
 * band whose ages are spread evenly (one birthday per band width of child-days). With years of
 * data the observed rate rules; an LA with few children still ages them out at 18.
 */
public final class FittedRates {
    private static final double DAYS_PER_YEAR = 365.25;
    private static final int N = ForecastState.COUNT;
    /** Pseudo-birthdays of the ageing prior. */
    static final double AGEING_PRIOR_BIRTHDAYS = 2;

    private final LocalDate from;
    private final LocalDate to;
    private final long referenceDays;
    private final long[] entries = new long[N];
    private final long[][] moves = new long[N][N];
    private final long[] leftCare = new long[N];
    private final long[] agedOut = new long[N];
    private final double[] childDays = new double[N];

    private FittedRates(LocalDate from, LocalDate to) {
        this.from = from;
        this.to = to;
        this.referenceDays = ChronoUnit.DAYS.between(from, to) + 1;
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
                SELECT from_age_band, from_group, to_age_band, to_group, sum(children) AS children
                FROM forecast_flows WHERE la = ? AND month_end BETWEEN ? AND ? GROUP BY ALL""", la, from, to)) {
            fitted.addFlow((String) row.get("from_age_band"), (String) row.get("from_group"),
                    (String) row.get("to_age_band"), (String) row.get("to_group"), ((Number) row.get("children")).longValue());
        }
        for (Map<String, Object> row : warehouse.query("""
                SELECT age_band, placement_group, sum(child_days) AS child_days
                FROM forecast_stock WHERE la = ? AND month_end BETWEEN ? AND ? GROUP BY ALL""", la, from, to)) {
            int state = ForecastState.of(AgeBand.ofLabel((String) row.get("age_band")),
                    PlacementGroup.ofId((String) row.get("placement_group")));
            fitted.childDays[state] += ((Number) row.get("child_days")).doubleValue();
        }
        return fitted;
    }

    private void addFlow(String fromBand, String fromGroup, String toBand, String toGroup, long children) {
        boolean entering = "not_in_care".equals(fromGroup);
        int fromState = entering ? -1 : ForecastState.of(AgeBand.ofLabel(fromBand), PlacementGroup.ofId(fromGroup));
        switch (toGroup) {
            case "left_care" -> leftCare[fromState] += children;
            case "aged_out" -> agedOut[fromState] += children;
            default -> {
                int toState = ForecastState.of(AgeBand.ofLabel(toBand), PlacementGroup.ofId(toGroup));
                if (entering) {
                    entries[toState] += children;
                } else {
                    moves[fromState][toState] += children;
                }
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

    public long referenceDays() {
        return referenceDays;
    }

    /** The fitted daily rates with a scenario's changes; {@code random} null gives the estimates themselves. */
    public FlowRates rates(Scenario scenario, SplittableRandom random) {
        double[] entry = new double[N];
        double[][] out = new double[N][N + 1];
        double[] leaving = new double[N];
        double[] ageingOut = new double[N];
        for (int i = 0; i < N; i++) {
            entry[i] = rate(entries[i], referenceDays, random);
            leaving[i] = rate(leftCare[i], childDays[i], random);
            AgeBand band = ForecastState.band(i);
            double priorDays = AGEING_PRIOR_BIRTHDAYS * band.widthYears() * DAYS_PER_YEAR;
            int older = band.ordinal() + 1 < AgeBand.values().length
                    ? ForecastState.of(AgeBand.values()[band.ordinal() + 1], ForecastState.group(i)) : -1;
            for (int j = 0; j < N; j++) {
                out[i][j] = j == older ? ageingRate(moves[i][j], childDays[i], priorDays, random)
                        : rate(moves[i][j], childDays[i], random);
            }
            ageingOut[i] = older < 0 ? ageingRate(agedOut[i], childDays[i], priorDays, random)
                    : rate(agedOut[i], childDays[i], random);
        }
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
            out[i][N] = leaving[i] + ageingOut[i];
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

    /** A birthday rate: observed birthdays and the prior's, over observed and the prior's child-days. */
    private static double ageingRate(long birthdays, double exposure, double priorDays, SplittableRandom random) {
        double shape = birthdays + AGEING_PRIOR_BIRTHDAYS;
        double days = exposure + priorDays;
        return random == null ? shape / days : RandomDraws.gamma(random, shape, 1 / days);
    }

    private static double rate(long events, double exposure, SplittableRandom random) {
        if (events == 0 || exposure <= 0) {
            return 0;
        }
        return random == null ? events / exposure : RandomDraws.gamma(random, events, 1 / exposure);
    }
}
