SELECT la, origin, horizon_months, placement_group, actual, round(p05, 1) AS p05,
       round(p25, 1) AS p25, round(p50, 1) AS p50, round(p75, 1) AS p75, round(p95, 1) AS p95,
       round(abs_pct_error, 1) AS abs_pct_error, last_value,
       round(last_value_abs_pct_error, 1) AS last_value_abs_pct_error,
       round(trend_value, 1) AS trend_value, round(trend_abs_pct_error, 1) AS trend_abs_pct_error,
       method, round(constant_value, 1) AS constant_value,
       round(constant_abs_pct_error, 1) AS constant_abs_pct_error,
       round(damped_trend_value, 1) AS damped_trend_value,
       round(damped_trend_abs_pct_error, 1) AS damped_trend_abs_pct_error
FROM forecast_backtest
