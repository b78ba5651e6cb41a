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
    REJECTED_ROWS("rejected_rows", true, "la VARCHAR, source VARCHAR, file VARCHAR, line INTEGER, reason VARCHAR"),
    /**
     * One surviving placement search request (inputs.md §3), child pseudonymised, with its financial
     * year and quarter of RECEIVED, age on RECEIVED, hard-to-find flag, needs and the home found.
     */
    PLACEMENT_REQUESTS("placement_requests", true, "la VARCHAR, request_id VARCHAR, child VARCHAR, received DATE, "
            + "year INTEGER, quarter VARCHAR, request_type VARCHAR, request_group VARCHAR, age INTEGER, "
            + "age_band VARCHAR, urgency VARCHAR, siblings INTEGER, sibling_group BOOLEAN, searches INTEGER, "
            + "ring_round BOOLEAN, offers INTEGER, hard_to_find BOOLEAN, solo_requested BOOLEAN, "
            + "location_required BOOLEAN, need_emotional BOOLEAN, need_mental_health BOOLEAN, need_self_harm BOOLEAN, "
            + "need_suicide BOOLEAN, need_aggression BOOLEAN, need_missing BOOLEAN, need_criminal BOOLEAN, "
            + "need_send BOOLEAN, need_substance BOOLEAN, need_cse BOOLEAN, need_dols BOOLEAN, outcome VARCHAR, "
            + "outcome_date DATE, days_to_outcome INTEGER, placed_place VARCHAR, placed_provider VARCHAR, "
            + "placed_category VARCHAR, foster_ended_in_home BOOLEAN, weekly_cost DOUBLE"),
    /** Capacity as at a date (inputs.md §4): la, date, provision, capacity, occupied and occupied by priority. */
    CAPACITY("capacity", true, "la VARCHAR, date DATE, provision VARCHAR, capacity INTEGER, occupied INTEGER, "
            + "occupied_high INTEGER, occupied_medium INTEGER, occupied_low INTEGER"),
    /**
     * Placement cost lines (inputs.md §2) cut into runs of days inside the LA's data window, each
     * attributed to the child's active 903 episode (its category, placement and provider) or
     * {@code unlinked}: la, child (pseudonymised), cost_line (opaque line id), provider_id,
     * provider_name, contract, weekly_cost, cost_from, cost_to (the line as it came),
     * previous_weekly_cost (the child's previous line's fee when it named the same provider),
     * seg_from, seg_to (inclusive), category, placement, provider.
     */
    PLACEMENT_COST_SEGMENTS("placement_cost_segments", true, "la VARCHAR, child VARCHAR, cost_line VARCHAR, "
            + "provider_id VARCHAR, provider_name VARCHAR, contract VARCHAR, weekly_cost DOUBLE, cost_from DATE, "
            + "cost_to DATE, previous_weekly_cost DOUBLE, seg_from DATE, seg_to DATE, category VARCHAR, "
            + "placement VARCHAR, provider VARCHAR");

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
