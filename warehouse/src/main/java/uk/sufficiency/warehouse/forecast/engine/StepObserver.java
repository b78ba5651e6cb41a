package uk.sufficiency.warehouse.forecast.engine;

/** Receives each Monte Carlo run's stock at the start (day 0) and after every step. */
@FunctionalInterface
public interface StepObserver {
    /**
     * @param stock children in each state on {@code day}. The array is reused for the next call (and
     *     changing it does not affect the simulation), so copy it to keep it.
     */
    void step(int run, int day, int[] stock);
}
