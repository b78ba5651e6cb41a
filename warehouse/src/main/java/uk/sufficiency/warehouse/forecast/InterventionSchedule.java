package uk.sufficiency.warehouse.forecast;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import uk.sufficiency.warehouse.forecast.Scenario.Intervention;
import uk.sufficiency.warehouse.forecast.engine.Transfer;

/**
 * A scenario's interventions as the engine's one-off transfers. Children are moved whole, so both
 * the expected path and the simulated runs move the same children on the same days: "8 a year"
 * moves one child each time a further eighth of a year has passed since the start. Children are
 * taken from the source group's age bands in proportion to their stock and stay in their band.
 * A one-off intervention dated on or before the projection's start is history, not a plan.
 * Places an intervention opens after the start are held from their date and refilled from its
 * source group (engine {@link Transfer}); an intervention without a source group adds capacity alone.
 */
final class InterventionSchedule {
    private static final double DAYS_PER_YEAR = 365.25;

    private InterventionSchedule() {
    }

    static List<Transfer> transfers(List<Intervention> interventions, LocalDate start, int days) {
        List<Transfer> transfers = new ArrayList<>();
        for (Intervention intervention : interventions) {
            if (intervention.fromGroup() == null || (intervention.moved() == 0 && intervention.placesAdded() == 0)) {
                continue;
            }
            int[][] pairs = statePairs(intervention);
            long firstDay = ChronoUnit.DAYS.between(start, intervention.start());
            boolean inProjection = firstDay >= 1 && firstDay <= days;
            boolean once = !intervention.recurring() && intervention.moved() > 0;
            // Places dated on or before the start are already in the capacity recorded: not held.
            if (inProjection && (once || intervention.placesAdded() > 0)) {
                transfers.add(new Transfer(once ? intervention.moved() : 0, (int) firstDay, pairs[0], pairs[1],
                        intervention.placesAdded()));
            }
            if (!intervention.recurring()) {
                continue;
            }
            double perDay = intervention.moved() / DAYS_PER_YEAR;
            long from = Math.max(1, firstDay);
            for (long day = from; day <= days; day++) {
                // whole children due by the end of this day, less those due by the end of the day before
                long due = (long) Math.floor((day - firstDay + 1) * perDay + 1e-9)
                        - (long) Math.floor((day - firstDay) * perDay + 1e-9);
                if (due > 0) {
                    transfers.add(new Transfer(due, (int) day, pairs[0], pairs[1]));
                }
            }
        }
        return transfers;
    }

    /**
     * Places a group's interventions open after the projection's start and on or before a date;
     * places dated earlier are history, already in the capacity recorded.
     */
    static int placesAdded(List<Intervention> interventions, PlacementGroup group, LocalDate start, LocalDate asAt) {
        int places = 0;
        for (Intervention intervention : interventions) {
            if (intervention.toGroup().equals(group.id()) && intervention.start().isAfter(start)
                    && !intervention.start().isAfter(asAt)) {
                places += intervention.placesAdded();
            }
        }
        return places;
    }

    private static int[][] statePairs(Intervention intervention) {
        PlacementGroup from = PlacementGroup.ofId(intervention.fromGroup());
        PlacementGroup to = PlacementGroup.ofId(intervention.toGroup());
        List<int[]> pairs = new ArrayList<>();
        for (AgeBand band : AgeBand.values()) {
            if (intervention.ageBand() == null || intervention.ageBand().equals(band.label())) {
                pairs.add(new int[] {ForecastState.of(band, from), ForecastState.of(band, to)});
            }
        }
        return new int[][] {pairs.stream().mapToInt(p -> p[0]).toArray(), pairs.stream().mapToInt(p -> p[1]).toArray()};
    }
}
