package uk.sufficiency.warehouse.forecast;

import uk.sufficiency.warehouse.forecast.engine.Ageing;

/**
 * The forecast's states, age band × placement group, numbered for the engine: state
 * {@code band.ordinal() * groups + group.ordinal()}. "Not in care" is the engine's outside. Inside
 * each state the engine holds children by single year of age and months to the next birthday
 * (cells, {@link #ageing}), so that each child moves up a band, and leaves at 18, on its birthday.
 */
public final class ForecastState {
    public static final int GROUPS = PlacementGroup.values().length;
    public static final int COUNT = AgeBand.values().length * GROUPS;
    /** Months to the next birthday a cell may hold: 0 (next month) to 11. */
    public static final int MONTHS = 12;
    private static final int[] FIRST_CELL = new int[COUNT + 1];

    static {
        for (int i = 0; i < COUNT; i++) {
            FIRST_CELL[i + 1] = FIRST_CELL[i] + band(i).widthYears() * MONTHS;
        }
    }

    /** Cells of all states: single years 0 to 17 × 12 months × groups. */
    public static final int CELLS = FIRST_CELL[COUNT];

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

    static int cellsOf(int state) {
        return FIRST_CELL[state + 1] - FIRST_CELL[state];
    }

    static int firstCell(int state) {
        return FIRST_CELL[state];
    }

    /** The cell of a child of {@code age} (in the state's band) whose birthday is {@code month} months on. */
    public static int cell(int state, int age, int month) {
        return FIRST_CELL[state] + (age - band(state).fromAge()) * MONTHS + month;
    }

    /**
     * The engine's ageing over these states: each band's single years, the next band of the same
     * group on the birthday that starts it, and out of care at 18.
     *
     * @param entryMix     entries into each state by its cells (null: an even spread)
     * @param birthdayDays the day of each projected month's birthdays
     * @param monthEndDays the last day of each projected month
     */
    public static Ageing ageing(double[][] entryMix, int[] birthdayDays, int[] monthEndDays, int days) {
        int[] first = new int[COUNT];
        int[] last = new int[COUNT];
        int[] older = new int[COUNT];
        AgeBand[] bands = AgeBand.values();
        for (int i = 0; i < COUNT; i++) {
            AgeBand band = band(i);
            first[i] = band.fromAge();
            last[i] = band.fromAge() + band.widthYears() - 1;
            older[i] = band.ordinal() + 1 < bands.length ? of(bands[band.ordinal() + 1], group(i)) : -1;
        }
        return new Ageing(first, last, older, entryMix, birthdayDays, monthEndDays, days);
    }
}
