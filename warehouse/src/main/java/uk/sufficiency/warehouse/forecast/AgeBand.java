package uk.sufficiency.warehouse.forecast;

/**
 * DfE's age bands (counting-rules §6), the one definition the views, the Spark facts and the
 * forecast's states all use. Children move up a band on the birthday that starts the next one;
 * they leave care at 18.
 */
public enum AgeBand {
    UNDER_1("Under 1", 0, 1),
    AGE_1_TO_4("1 to 4", 1, 5),
    AGE_5_TO_9("5 to 9", 5, 10),
    AGE_10_TO_15("10 to 15", 10, 16),
    AGE_16_AND_OVER("16 and over", 16, 18);

    /** The age at which children leave care, whatever band they are in. */
    public static final int LEAVING_AGE = 18;
    /** The band of a child without a DOB. */
    public static final String UNKNOWN = "Unknown";

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

    /** SQL giving the band label of a completed age ({@link #UNKNOWN} without one). */
    public static String sqlOfAge(String age) {
        StringBuilder sql = new StringBuilder("CASE WHEN " + age + " IS NULL THEN '" + UNKNOWN + "'");
        AgeBand[] bands = values();
        for (int i = 0; i < bands.length - 1; i++) {
            sql.append(" WHEN ").append(age).append(" < ").append(bands[i + 1].fromAge).append(" THEN '")
                    .append(bands[i].label).append('\'');
        }
        return sql.append(" ELSE '").append(bands[bands.length - 1].label).append("' END").toString();
    }

    /** SQL ordering a column of band labels youngest first, {@link #UNKNOWN} last. */
    public static String sqlOrder(String column) {
        StringBuilder sql = new StringBuilder("CASE " + column);
        for (AgeBand band : values()) {
            sql.append(" WHEN '").append(band.label).append("' THEN ").append(band.ordinal() + 1);
        }
        return sql.append(" ELSE ").append(values().length + 1).append(" END").toString();
    }

    /** The band of a completed age (0 to 17; older ages are the last band's). */
    public static AgeBand ofAge(int age) {
        AgeBand[] bands = values();
        for (int i = bands.length - 1; i > 0; i--) {
            if (age >= bands[i].fromAge) {
                return bands[i];
            }
        }
        return bands[0];
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
