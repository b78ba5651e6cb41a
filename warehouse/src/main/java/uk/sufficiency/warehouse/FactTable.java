package uk.sufficiency.warehouse;

/**
 * The Parquet facts a run writes into a snapshot, one directory each. The pipeline writes them;
 * {@link WarehouseViews} turns them into the published views. Column lists (with the DuckDB types
 * the Parquet files carry, {@link #columns()}) are the contract between the two.
 */
public enum FactTable {
    /** la, child, decom, dec, rec, rne, legal_status, placement, provider, category, year, repair. */
    EPISODES("episodes", false, "la VARCHAR, child VARCHAR, decom DATE, dec DATE, rec VARCHAR, rne VARCHAR, "
            + "legal_status VARCHAR, placement VARCHAR, provider VARCHAR, category VARCHAR, year INTEGER, repair VARCHAR"),
    /** la, child, sex ({@code male}, {@code female}, {@code unknown}), dob (DATE, nullable). */
    CHILDREN("children", false, "la VARCHAR, child VARCHAR, sex VARCHAR, dob DATE"),
    /** la, first_year, last_year: the collection years the LA's returns cover (its data window). */
    LA_WINDOW("la_window", false, "la VARCHAR, first_year INTEGER, last_year INTEGER"),
    /** area (upper-case name or code), calendar_year, population_0_17. */
    POPULATION("population", false, "area VARCHAR, calendar_year INTEGER, population_0_17 BIGINT"),
    /** la, file, line, child, reason. */
    REJECTED_EPISODES("rejected_episodes", false, "la VARCHAR, file VARCHAR, line INTEGER, child VARCHAR, reason VARCHAR"),
    /** la, source, warning, count (la is null for rows of reference files, which belong to no LA). */
    DATA_QUALITY("data_quality", false, "la VARCHAR, source VARCHAR, warning VARCHAR, count BIGINT"),
    /**
     * Published CLA figures: area, area_code_old, area_code_new, area_type ({@code england},
     * {@code region}, {@code la}, {@code statistical_neighbours}), region, year (collection year),
     * measure ({@code looked_after_31_march}, {@code started}, {@code ceased}), children,
     * rate_per_10000 (null when suppressed), marker (DfE's {@code c}, {@code z}, {@code x}…),
     * population_0_17 (DfE's estimate), source (file).
     */
    BENCHMARK_RATES("benchmark_rates", true, "area VARCHAR, area_code_old VARCHAR, area_code_new VARCHAR, "
            + "area_type VARCHAR, region VARCHAR, year INTEGER, measure VARCHAR, children BIGINT, "
            + "rate_per_10000 DOUBLE, marker VARCHAR, population_0_17 BIGINT, source VARCHAR"),
    /** la_code, la_name, neighbour_code, neighbour_name, rank (1-10), model (e.g. {@code 2025}), closeness, source. */
    STATISTICAL_NEIGHBOURS("statistical_neighbours", true, "la_code VARCHAR, la_name VARCHAR, "
            + "neighbour_code VARCHAR, neighbour_name VARCHAR, rank INTEGER, model VARCHAR, closeness VARCHAR, "
            + "source VARCHAR"),
    /**
     * Strategy targets: la (null = every LA), kpi, baseline_date, baseline_value, target_date,
     * target_value, polarity ({@code up}/{@code down} is better), tolerance, source (file or
     * {@code default}).
     */
    KPI_TARGETS("kpi_targets", true, "la VARCHAR, kpi VARCHAR, baseline_date DATE, baseline_value DOUBLE, "
            + "target_date DATE, target_value DOUBLE, polarity VARCHAR, tolerance DOUBLE, source VARCHAR"),
    /** Rejected rows of every input that is not a 903 table: la, source, file, line, reason. */
    REJECTED_ROWS("rejected_rows", true, "la VARCHAR, source VARCHAR, file VARCHAR, line INTEGER, reason VARCHAR");

    private final String directory;
    private final boolean addedLater;
    private final String columns;

    FactTable(String directory, boolean addedLater, String columns) {
        this.directory = directory;
        this.addedLater = addedLater;
        this.columns = columns;
    }

    public String directory() {
        return directory;
    }

    /** The columns and their DuckDB types, as a column list for {@code CREATE TABLE}. */
    public String columns() {
        return columns;
    }

    /**
     * True for facts added after the first release: a snapshot written before them has none, and
     * their views are then empty rather than the snapshot unreadable.
     */
    public boolean addedLater() {
        return addedLater;
    }
}
