package uk.sufficiency.warehouse;

/**
 * The Parquet facts a run writes into a snapshot, one directory each. The pipeline writes them;
 * {@link WarehouseViews} turns them into the published views. Column lists are the contract
 * between the two.
 */
public enum FactTable {
    /** la, child, decom, dec, rec, rne, legal_status, placement, provider, category, year, repair. */
    EPISODES("episodes"),
    /** la, child, sex ({@code male}, {@code female}, {@code unknown}), dob (DATE, nullable). */
    CHILDREN("children"),
    /** la, first_year, last_year: the collection years the LA's returns cover (its data window). */
    LA_WINDOW("la_window"),
    /** area (upper-case name or code), calendar_year, population_0_17. */
    POPULATION("population"),
    /** la, file, line, child, reason. */
    REJECTED_EPISODES("rejected_episodes"),
    /** la, source, warning, count. */
    DATA_QUALITY("data_quality");

    private final String directory;

    FactTable(String directory) {
        this.directory = directory;
    }

    public String directory() {
        return directory;
    }
}
