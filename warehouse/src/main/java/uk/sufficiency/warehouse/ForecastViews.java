package uk.sufficiency.warehouse;

/**
 * Views derived from the forecast facts: the accuracy summary of the backtest, the fitted rates
 * behind the base projection, and the history the projections continue.
 */
final class ForecastViews {
    private ForecastViews() {
    }

    /**
     * Backtest summary per LA, horizon and group: mean absolute percentage error of the model's
     * median (the LA's method) and of its rivals: the two naive forecasts and the expected paths of
     * both methods (over origins whose actual was not 0); the share of outcomes inside the 50%
     * (p25-p75) and 90% (p05-p95) bands (percent, one decimal); and which forecast erred least,
     * the other method counting as a rival ({@code constant} or {@code damped_trend}).
     */
    static final String ACCURACY = """
            CREATE VIEW forecast_accuracy AS
            SELECT la, horizon_months, placement_group, origins, mape, last_value_mape, trend_mape,
                   inside_50, inside_90,
                   CASE WHEN mape IS NULL THEN NULL  -- a forecast without an error (no trend yet) never wins
                        WHEN mape <= coalesce(last_value_mape, 'infinity') AND mape <= coalesce(trend_mape, 'infinity')
                             AND mape <= coalesce(rival_mape, 'infinity') THEN 'model'
                        WHEN coalesce(last_value_mape, 'infinity') <= coalesce(trend_mape, 'infinity')
                             AND coalesce(last_value_mape, 'infinity') <= coalesce(rival_mape, 'infinity') THEN 'last_value'
                        WHEN coalesce(trend_mape, 'infinity') <= coalesce(rival_mape, 'infinity') THEN 'trend'
                        ELSE rival END AS best,
                   method, constant_mape, damped_trend_mape
            FROM (SELECT *, CASE method WHEN 'constant' THEN damped_trend_mape ELSE constant_mape END AS rival_mape,
                            CASE method WHEN 'constant' THEN 'damped_trend' ELSE 'constant' END AS rival
                  FROM (SELECT la, horizon_months, placement_group, count(*) AS origins,
                               round(avg(abs_pct_error), 1) AS mape,
                               round(avg(last_value_abs_pct_error), 1) AS last_value_mape,
                               round(avg(trend_abs_pct_error), 1) AS trend_mape,
                               round(100.0 * avg(CASE WHEN actual BETWEEN p25 AND p75 THEN 1 ELSE 0 END), 1) AS inside_50,
                               round(100.0 * avg(CASE WHEN actual BETWEEN p05 AND p95 THEN 1 ELSE 0 END), 1) AS inside_90,
                               min(method) AS method,
                               round(avg(constant_abs_pct_error), 1) AS constant_mape,
                               round(avg(damped_trend_abs_pct_error), 1) AS damped_trend_mape
                        FROM forecast_backtest GROUP BY la, horizon_months, placement_group))""";

    /**
     * The base projection's fitted rates: for each observed change of state over the reference
     * period, the children who made it, the child-days of the state they left (the days of the
     * period, for entries) and the rate per year (per child, or children per year for entries).
     */
    static final String RATES = """
            CREATE VIEW forecast_rates AS
            WITH period AS (
                SELECT la, reference_from, reference_to,
                       date_diff('day', reference_from, reference_to) + 1 AS days
                FROM forecast_settings WHERE scenario = 'base'),
            flows AS (
                SELECT f.la, f.from_age_band, f.from_group, f.to_age_band, f.to_group, sum(f.children) AS children
                FROM forecast_flows f JOIN period p ON p.la = f.la
                WHERE f.month_end BETWEEN p.reference_from AND p.reference_to GROUP BY ALL),
            exposure AS (
                SELECT s.la, s.age_band, s.placement_group, sum(s.child_days) AS child_days
                FROM forecast_stock s JOIN period p ON p.la = s.la
                WHERE s.month_end BETWEEN p.reference_from AND p.reference_to GROUP BY ALL)
            SELECT f.la, p.reference_from, p.reference_to, f.from_age_band, f.from_group, f.to_age_band, f.to_group,
                   f.children,
                   CASE WHEN f.from_group = 'not_in_care' THEN p.days ELSE e.child_days END AS exposure_days,
                   round(f.children * 365.25 / CASE WHEN f.from_group = 'not_in_care' THEN p.days
                                                    ELSE nullif(e.child_days, 0) END, 4) AS rate_per_year
            FROM flows f JOIN period p ON p.la = f.la
            LEFT JOIN exposure e ON e.la = f.la AND e.age_band = f.from_age_band AND e.placement_group = f.from_group""";

    /** Children looked after at each month end by forecast placement group, with {@code all}: what projections continue. */
    static final String HISTORY = """
            CREATE VIEW forecast_history AS
            SELECT la, month_end, placement_group, sum(children) AS children FROM forecast_stock GROUP BY ALL
            UNION ALL
            SELECT la, month_end, 'all', sum(children) FROM forecast_stock GROUP BY ALL""";

    /**
     * Children in each group (and {@code all}) at the start of the LA's projection: what every
     * projected figure of the group grows from, so small ones hide with it (counting-rules §9).
     */
    static final String START = """
            CREATE VIEW forecast_start AS
            SELECT s.la, h.placement_group, h.children AS children_at_start
            FROM forecast_settings s JOIN forecast_history h ON h.la = s.la AND h.month_end = s.start_date
            WHERE s.scenario = 'base'""";
}
