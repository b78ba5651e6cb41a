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
    /** la, child, ethnic (the Header's ETHNIC code, upper-case; null when blank): a fact of its own, added later. */
    CHILDREN_ETHNICITY("children_ethnicity", true, "la VARCHAR, child VARCHAR, ethnic VARCHAR"),
    /** la, first_year, last_year: the collection years the LA's returns cover (its data window). */
    LA_WINDOW("la_window", false, "la VARCHAR, first_year INTEGER, last_year INTEGER"),
    /** area (upper-case name or code), calendar_year, population_0_17. */
    POPULATION("population", false, "area VARCHAR, calendar_year INTEGER, population_0_17 BIGINT"),
    /** la, file, line, child, reason, detail (the column and value at fault, in words). */
    REJECTED_EPISODES("rejected_episodes", false, "la VARCHAR, file VARCHAR, line INTEGER, child VARCHAR, reason VARCHAR, "
            + "detail VARCHAR"),
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
            + "placement VARCHAR, provider VARCHAR"),
    /**
     * Children changing forecast state in a month (the forecast's fit): la, month_end, from_age_band,
     * from_group ({@code not_in_care} for entries), to_age_band, to_group ({@code left_care} or
     * {@code aged_out} for leavers), children. Written by the pipeline from the episodes.
     */
    FORECAST_FLOWS("forecast_flows", true, "la VARCHAR, month_end DATE, from_age_band VARCHAR, from_group VARCHAR, "
            + "to_age_band VARCHAR, to_group VARCHAR, children BIGINT"),
    /** Children in each forecast state at a month end and child-days in it during the month. */
    FORECAST_STOCK("forecast_stock", true, "la VARCHAR, month_end DATE, age_band VARCHAR, placement_group VARCHAR, "
            + "children BIGINT, child_days BIGINT"),
    /**
     * Children by single year of age and months to their next birthday (the forecast's exact
     * ageing): {@code kind} {@code stock} counts those looked after at a month end (0 = a birthday
     * in the next month), {@code entry} those entering care in the month (0 = a birthday later in
     * the month of entry). la, month_end, kind, placement_group, age, months_to_birthday, children.
     */
    FORECAST_AGE_MIX("forecast_age_mix", true, "la VARCHAR, month_end DATE, kind VARCHAR, placement_group VARCHAR, "
            + "age INTEGER, months_to_birthday INTEGER, children BIGINT"),
    /** How each published projection was made: one row per scenario and LA. */
    FORECAST_SETTINGS("forecast_settings", true, "scenario VARCHAR, la VARCHAR, start_date DATE, "
            + "reference_from DATE, reference_to DATE, end_date DATE, step_days INTEGER, runs INTEGER, seed BIGINT, "
            + "fee_inflation DOUBLE, definition VARCHAR"),
    /** Projected children by month end, placement group and age band: quantiles over the simulated runs. */
    FORECAST("forecast", true, "scenario VARCHAR, la VARCHAR, date DATE, placement_group VARCHAR, age_band VARCHAR, "
            + "expected DOUBLE, p05 DOUBLE, p25 DOUBLE, p50 DOUBLE, p75 DOUBLE, p95 DOUBLE"),
    /** As {@link #FORECAST} per age band over all placement groups (quantiles of the runs' band totals). */
    FORECAST_AGE("forecast_age", true, "scenario VARCHAR, la VARCHAR, date DATE, age_band VARCHAR, "
            + "expected DOUBLE, p05 DOUBLE, p25 DOUBLE, p50 DOUBLE, p75 DOUBLE, p95 DOUBLE"),
    /** As {@link #FORECAST} per placement group over all ages, and for all groups ({@code all}). */
    FORECAST_GROUP("forecast_group", true, "scenario VARCHAR, la VARCHAR, date DATE, placement_group VARCHAR, "
            + "expected DOUBLE, p05 DOUBLE, p25 DOUBLE, p50 DOUBLE, p75 DOUBLE, p95 DOUBLE"),
    /**
     * Projected spend by financial year and placement group ({@code all} = the total): quantiles over
     * the runs and the spend along the expected path (differences between scenarios hold no noise),
     * and how many children's fees the group's average weekly fee comes from.
     */
    FORECAST_COST_YEAR("forecast_cost_year", true, "scenario VARCHAR, la VARCHAR, year INTEGER, "
            + "placement_group VARCHAR, weekly_fee DOUBLE, cost_p05 DOUBLE, cost_p50 DOUBLE, cost_p95 DOUBLE, "
            + "cost_expected DOUBLE, fee_children BIGINT"),
    /**
     * Children placed in each recorded provision against its places, at the start and each quarter
     * end: the looked-after children placed in it (projected), the places others use, the gap, and
     * the group's children placed outside it (spot-purchased beyond block beds).
     */
    FORECAST_GAP("forecast_gap", true, "scenario VARCHAR, la VARCHAR, quarter_end DATE, year INTEGER, "
            + "quarter VARCHAR, placement_group VARCHAR, provision VARCHAR, demand_p50 DOUBLE, demand_p95 DOUBLE, "
            + "others BIGINT, capacity INTEGER, gap_p50 DOUBLE, gap_p95 DOUBLE, outside_p50 DOUBLE, outside_p95 DOUBLE"),
    /** Rolling-origin backtest: each origin's projection at each horizon against what happened, and the naive baselines'. */
    FORECAST_BACKTEST("forecast_backtest", true, "la VARCHAR, origin DATE, horizon_months INTEGER, "
            + "placement_group VARCHAR, actual BIGINT, p05 DOUBLE, p25 DOUBLE, p50 DOUBLE, p75 DOUBLE, p95 DOUBLE, "
            + "abs_pct_error DOUBLE, last_value DOUBLE, last_value_abs_pct_error DOUBLE, trend_value DOUBLE, "
            + "trend_abs_pct_error DOUBLE, method VARCHAR, constant_value DOUBLE, constant_abs_pct_error DOUBLE, "
            + "damped_trend_value DOUBLE, damped_trend_abs_pct_error DOUBLE"),
    /**
     * The method each LA's base projects with ({@code constant} rates or their {@code damped_trend})
     * and why: chosen_by {@code backtest} (the lower MAPE of total children at 12 and 24 months,
     * both methods' expected paths), {@code setting} or {@code default} (no origin to score).
     */
    FORECAST_METHOD("forecast_method", true, "la VARCHAR, method VARCHAR, chosen_by VARCHAR, origins INTEGER, "
            + "constant_mape_12 DOUBLE, damped_trend_mape_12 DOUBLE, constant_mape_24 DOUBLE, "
            + "damped_trend_mape_24 DOUBLE");

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
