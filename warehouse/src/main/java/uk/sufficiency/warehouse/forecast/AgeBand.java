package uk.sufficiency.warehouse.forecast;

/**
 * The forecast's age bands: DfE's (counting-rules §6), named as {@code cla_month_end} names them.
 * Children move up a band on the birthday that starts the next one; they leave care at 18.
 */
public enum AgeBand {
    UNDER_1("Under 1", 0),
    AGE_1_TO_4("1 to 4", 1),
    AGE_5_TO_9("5 to 9", 5),
    AGE_10_TO_15("10 to 15", 10),
    AGE_16_AND_OVER("16 and over", 16);

    /** The age at which children leave care, whatever band they are in. */
    public static final int LEAVING_AGE = 18;

    private final String label;
    private final int fromAge;

    AgeBand(String label, int fromAge) {
        this.label = label;
        this.fromAge = fromAge;
    }

    public String label() {
        return label;
    }

    /** The birthday (completed years) on which a child enters the band. */
    public int fromAge() {
        return fromAge;
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
