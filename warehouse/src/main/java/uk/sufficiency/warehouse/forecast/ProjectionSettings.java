package uk.sufficiency.warehouse.forecast;

import java.time.LocalDate;

/**
 * How a projection is run.
 *
 * @param start    the month end whose stock the projection starts from
 * @param months   how far ahead (1 to 48)
 * @param runs     simulated runs (the quantiles' sample)
 * @param seed     seed of the runs: the same seed and data give the same figures
 * @param stepDays 1 (day by day) or 7 (week by week)
 */
public record ProjectionSettings(LocalDate start, int months, int runs, long seed, int stepDays) {
    public static final int MAX_MONTHS = 48;

    public ProjectionSettings {
        if (!start.equals(start.withDayOfMonth(start.lengthOfMonth()))) {
            throw new IllegalArgumentException("A projection starts at a month end; got " + start);
        }
        if (months < 1 || months > MAX_MONTHS) {
            throw new IllegalArgumentException("A projection runs 1 to " + MAX_MONTHS + " months ahead; got " + months);
        }
        if (runs < 20) {
            throw new IllegalArgumentException("At least 20 simulated runs are needed for the 5% and 95% quantiles; got "
                    + runs);
        }
        if (stepDays != 1 && stepDays != 7) {
            throw new IllegalArgumentException("The step is 1 (daily) or 7 (weekly) days; got " + stepDays);
        }
    }

    public LocalDate end() {
        return monthEnd(start.plusMonths(months));
    }

    static LocalDate monthEnd(LocalDate date) {
        return date.withDayOfMonth(date.lengthOfMonth());
    }
}
