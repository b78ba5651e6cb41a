package uk.sufficiency.warehouse;

import uk.sufficiency.warehouse.forecast.AgeBand;

/**
 * The finance views over {@code placement_cost_segments} (inputs.md §2, docs/warehouse.md "Placement
 * costs"). A segment is a run of days of one cost line attributed to one episode (or
 * {@code unlinked}), inside the LA's data window. Money is DOUBLE pounds rounded to the penny only
 * where a figure is published, so a year is the exact sum of its days, not of rounded months.
 */
final class PlacementCostViews {
    private PlacementCostViews() {
    }

    /** Cost lines covering each month end (a line has at most one segment on a day). */
    private static final String AT_MONTH_END = """
            SELECT m.la, m.month_end, s.child, s.cost_line, s.category, s.contract, s.provider, s.weekly_cost
            FROM month_ends m
            JOIN placement_cost_segments s ON s.la = m.la AND s.seg_from <= m.month_end AND s.seg_to >= m.month_end""";

    /** Each segment's covered days in each calendar month of the window, with its fee × days. */
    private static final String BY_MONTH = """
            SELECT la, month_end, category, contract, provider, child, cost_line, days, weekly_cost * days AS fee_days
            FROM (SELECT m.la, m.month_end, s.category, s.contract, s.provider, s.child, s.cost_line, s.weekly_cost,
                         date_diff('day', greatest(s.seg_from, make_date(year(m.month_end), month(m.month_end), 1)),
                                   least(s.seg_to, m.month_end)) + 1 AS days
                  FROM month_ends m
                  JOIN placement_cost_segments s ON s.la = m.la AND s.seg_from <= m.month_end
                   AND s.seg_to >= make_date(year(m.month_end), month(m.month_end), 1))""";

    /** Placements, annualised cost (Σ fee × 52) and mean fee at each month end, by category and contract. */
    static final String MONTH_END = """
            CREATE VIEW placement_cost_month_end AS
            SELECT la, month_end, category, contract, count(*) AS placements,
                   round(sum(weekly_cost) * 52, 2) AS annualised_cost, round(avg(weekly_cost), 2) AS avg_weekly_cost
            FROM (%s)
            GROUP BY la, month_end, category, contract""".formatted(AT_MONTH_END);

    /** The same split further by provider group (the episode's PLACE_PROVIDER code; null when unlinked). */
    static final String MONTH_END_PROVIDER = """
            CREATE VIEW placement_cost_month_end_provider AS
            SELECT la, month_end, category, contract, provider, count(*) AS placements,
                   round(sum(weekly_cost) * 52, 2) AS annualised_cost, round(avg(weekly_cost), 2) AS avg_weekly_cost
            FROM (%s)
            GROUP BY la, month_end, category, contract, provider""".formatted(AT_MONTH_END);

    /**
     * Spend (Σ over covered days of fee ÷ 7) in each calendar month of the window; {@code placements}
     * counts the cost lines with a covered day in it, so spend can be suppressed with them.
     */
    static final String SPEND_MONTH = """
            CREATE VIEW placement_spend_month AS
            SELECT la, month_end, category, contract, round(sum(fee_days) / 7, 2) AS spend,
                   CAST(sum(days) AS BIGINT) AS cost_days, count(DISTINCT cost_line) AS placements,
                   count(DISTINCT child) AS children
            FROM (%s)
            GROUP BY la, month_end, category, contract""".formatted(BY_MONTH);

    /** Spend in each financial year (ending 31 March) of the window. */
    static final String SPEND_YEAR = """
            CREATE VIEW placement_spend_year AS
            SELECT la, CAST(%s AS INTEGER) AS year, category, contract, round(sum(fee_days) / 7, 2) AS spend,
                   CAST(sum(days) AS BIGINT) AS cost_days, count(DISTINCT cost_line) AS placements,
                   count(DISTINCT child) AS children
            FROM (%s)
            GROUP BY ALL""".formatted(WarehouseViews.collectionYear("month_end"), BY_MONTH);

    /** Month-end placements and cost by the child's DfE age band on that day (counting-rules §6). */
    static final String AGE_BAND = """
            CREATE VIEW placement_cost_age_band AS
            SELECT la, month_end, age_band,
                   %s AS age_band_order,
                   count(*) AS placements, round(sum(weekly_cost) * 52, 2) AS annualised_cost,
                   round(avg(weekly_cost), 2) AS avg_weekly_cost
            FROM (SELECT a.la, a.month_end, a.weekly_cost,
                         %s AS age_band
                  FROM (SELECT a.*, %s AS age
                        FROM (%s) a LEFT JOIN children c ON c.la = a.la AND c.child = a.child) a)
            GROUP BY la, month_end, age_band""".formatted(AgeBand.sqlOrder("age_band"), AgeBand.sqlOfAge("age"),
                    WarehouseViews.ageOn("c.dob", "a.month_end"), AT_MONTH_END);

    /** Month-end placements by weekly fee band: the highest-cost placements as counts, never rows. */
    static final String FEE_BANDS = """
            CREATE VIEW placement_fee_bands AS
            SELECT la, month_end, category,
                   CASE band WHEN 1 THEN 'under £500' WHEN 2 THEN '£500-£999' WHEN 3 THEN '£1,000-£2,499'
                             WHEN 4 THEN '£2,500-£4,999' WHEN 5 THEN '£5,000-£9,999' ELSE '£10,000 and over' END AS fee_band,
                   band AS fee_band_order, count(*) AS placements
            FROM (SELECT la, month_end, category,
                         CASE WHEN weekly_cost < 500 THEN 1 WHEN weekly_cost < 1000 THEN 2 WHEN weekly_cost < 2500 THEN 3
                              WHEN weekly_cost < 5000 THEN 4 WHEN weekly_cost < 10000 THEN 5 ELSE 6 END AS band
                  FROM (%s))
            GROUP BY la, month_end, category, band""".formatted(AT_MONTH_END);

    /**
     * Fee changes by the month a line starts in: lines whose child's previous line named the same
     * provider at a different fee, by the category of the line's first day.
     */
    static final String CHANGES = """
            CREATE VIEW placement_cost_changes AS
            SELECT la, CAST(last_day(cost_from) AS DATE) AS month_end, category, count(*) AS fee_changes,
                   count(*) FILTER (WHERE weekly_cost > previous_weekly_cost) AS increases,
                   count(*) FILTER (WHERE weekly_cost < previous_weekly_cost) AS decreases,
                   round(avg(CASE WHEN previous_weekly_cost > 0
                                  THEN 100 * (weekly_cost - previous_weekly_cost) / previous_weekly_cost END), 1)
                       AS avg_change_pct,
                   round(avg(weekly_cost - previous_weekly_cost), 2) AS avg_change
            FROM placement_cost_segments
            WHERE seg_from = cost_from AND previous_weekly_cost IS NOT NULL AND weekly_cost <> previous_weekly_cost
            GROUP BY ALL""";

    /** Covered days and spend with no active episode, per LA and financial year. */
    static final String DATA_QUALITY = """
            CREATE VIEW cost_data_quality AS
            SELECT la, CAST(%s AS INTEGER) AS year, CAST(sum(days) AS BIGINT) AS cost_days,
                   CAST(coalesce(sum(days) FILTER (WHERE category = 'unlinked'), 0) AS BIGINT) AS unlinked_days,
                   round(100.0 * coalesce(sum(days) FILTER (WHERE category = 'unlinked'), 0) / sum(days), 1)
                       AS unlinked_share,
                   round(sum(fee_days) / 7, 2) AS spend,
                   coalesce(round(sum(fee_days) FILTER (WHERE category = 'unlinked') / 7, 2), 0) AS unlinked_spend,
                   count(DISTINCT child) AS children,
                   count(DISTINCT child) FILTER (WHERE category = 'unlinked') AS unlinked_children
            FROM (%s)
            GROUP BY ALL""".formatted(WarehouseViews.collectionYear("month_end"), BY_MONTH);
}
