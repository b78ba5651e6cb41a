package uk.sufficiency.warehouse.forecast;

/**
 * The forecast's age bands: DfE's (counting-rules §6), named as {@code cla_month_end} names them.
 * Children move up a band on the birthday that starts the next one; they leave care at 18.
 */
public enum AgeBand {
    UNDER_1("Under 1", 0, 1),
    AGE_1_TO_4("1 to 4", 1, 5),
    AGE_5_TO_9("5 to 9", 5, 10),
    AGE_10_TO_15("10 to 15", 10, 16),
    AGE_16_AND_OVER("16 and over", 16, 18);

    /** The age at which children leave care, whatever band they are in. */
    public static final int LEAVING_AGE = 18;

    private final String label;
    private final int fromAge;
    private final int untilAge;

    AgeBand(String label, int fromAge, int untilAge) {
        this.label = label;
        this.fromAge = fromAge;
        this.untilAge = untilAge;
    }

    public String label() {
        return label;
    }

    /** The birthday (completed years) on which a child enters the band. */
    public int fromAge() {
        return fromAge;
    }

    /** Years from the band's first birthday to the next band's (to 18, the leaving age, for the last). */
    public int widthYears() {
        return untilAge - fromAge;
    }

    public static AgeBand ofLabel(String label) {
        for (AgeBand band : values()) {
            if (band.label.equals(label)) {
                return band;
            }
        }
        throw new IllegalArgumentException("unknown age band '" + label + "'");
    }
}
