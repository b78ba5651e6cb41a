package uk.sufficiency.warehouse.forecast;

/**
 * The forecast's states, age band × placement group, numbered for the engine: state
 * {@code band.ordinal() * groups + group.ordinal()}. "Not in care" is the engine's outside.
 */
public final class ForecastState {
    public static final int GROUPS = PlacementGroup.values().length;
    public static final int COUNT = AgeBand.values().length * GROUPS;

    private ForecastState() {
    }

    public static int of(AgeBand band, PlacementGroup group) {
        return band.ordinal() * GROUPS + group.ordinal();
    }

    public static AgeBand band(int state) {
        return AgeBand.values()[state / GROUPS];
    }

    public static PlacementGroup group(int state) {
        return PlacementGroup.values()[state % GROUPS];
    }
}
