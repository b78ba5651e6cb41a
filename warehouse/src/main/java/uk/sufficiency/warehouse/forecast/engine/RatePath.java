package uk.sufficiency.warehouse.forecast.engine;

/**
 * Rates that change over a projection: {@code rates[k]} applies to the steps that begin on or after
 * day {@code fromDay[k]} and before {@code fromDay[k + 1]} (a trend month by month). The first
 * period starts on day 1.
 */
public record RatePath(FlowRates[] rates, int[] fromDay) {

    public RatePath {
        if (rates.length == 0 || rates.length != fromDay.length || fromDay[0] != 1) {
            throw new IllegalArgumentException("a rate path needs one first day per period, the first day 1");
        }
        for (int k = 1; k < fromDay.length; k++) {
            if (fromDay[k] <= fromDay[k - 1]) {
                throw new IllegalArgumentException("rate periods must start on ascending days; got " + fromDay[k]
                        + " after " + fromDay[k - 1]);
            }
            if (rates[k].states() != rates[0].states()) {
                throw new IllegalArgumentException("every period's rates need the same states");
            }
        }
        rates = rates.clone();
        fromDay = fromDay.clone();
    }

    /** The same rates throughout. */
    public static RatePath constant(FlowRates rates) {
        return new RatePath(new FlowRates[] {rates}, new int[] {1});
    }

    public int states() {
        return rates[0].states();
    }

    /** Each step's step shares (index 0 unused): the period holding the step's first day. */
    StepShares[] sharesByStep(int steps, int stepDays) {
        StepShares[] periods = new StepShares[rates.length];
        for (int k = 0; k < rates.length; k++) {
            periods[k] = new StepShares(rates[k], stepDays);
        }
        StepShares[] byStep = new StepShares[steps + 1];
        int period = 0;
        for (int step = 1; step <= steps; step++) {
            int firstDay = (step - 1) * stepDays + 1;
            while (period + 1 < fromDay.length && fromDay[period + 1] <= firstDay) {
                period++;
            }
            byStep[step] = periods[period];
        }
        return byStep;
    }
}
